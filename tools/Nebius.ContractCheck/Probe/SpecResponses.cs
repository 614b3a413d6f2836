using System.Text.Json.Nodes;

namespace Nebius.ContractCheck.Probe;

/// <summary>Finds the schema a successful answer of an operation must match, in the spec's JSON tree.</summary>
internal static class SpecResponses
{
    /// <summary>The schema of the first 2xx response of <paramref name="method"/> <paramref name="path"/> for <paramref name="mediaType"/>.</summary>
    public static JsonObject SuccessSchema(JsonObject spec, string method, string path, string mediaType)
    {
        var responses = spec["paths"]?[path]?[method.ToLowerInvariant()]?["responses"]?.AsObject()
            ?? throw new InvalidOperationException($"the spec has no {method} {path}");
        var success = responses.First(r => r.Key.StartsWith('2')).Value!;
        if (success["$ref"] is not null)
        {
            throw new InvalidOperationException($"{method} {path}: response references are not supported by the drift checks");
        }

        return success["content"]?[mediaType]?["schema"]?.AsObject()
            ?? throw new InvalidOperationException($"{method} {path} declares no {mediaType} body");
    }
}
