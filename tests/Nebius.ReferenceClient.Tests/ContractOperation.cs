using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;
using Nebius.Testing;

namespace Nebius.ReferenceClient.Tests;

/// <summary>A parameter of an operation, with the schema its sample value is made from.</summary>
public sealed record OperationParameter(string Name, string In, JsonObject Schema);

/// <summary>One operation of the contract, as the contract tests drive it.</summary>
public sealed record ContractOperation(
    string Method,
    string Path,
    string OperationId,
    IReadOnlyList<OperationParameter> Parameters,
    string? RequestMediaType,
    JsonObject? RequestSchema,
    string? RequestExample,
    int SuccessStatus,
    string? ResponseMediaType,
    JsonObject? ResponseSchema,
    string? ResponseExample)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads the operations of the real contract, resolving parameter and body references.</summary>
internal static class ContractCatalog
{
    private static readonly Lazy<JsonObject> LazySpec = new(() =>
        SpecLoader.Load(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "openapi", "nebius-token-factory.yaml"))).Root);

    public static JsonObject Spec => LazySpec.Value;

    public static string ExamplePath(string relative) => Path.Combine(RepositoryPaths.Root, "openapi", relative);

    public static IReadOnlyList<ContractOperation> All()
    {
        var operations = new List<ContractOperation>();
        foreach (var (path, item) in Spec["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                if (node is not JsonObject operation || method is "parameters" or "summary" or "description")
                {
                    continue;
                }

                var parameters = (operation["parameters"]?.AsArray() ?? [])
                    .Select(p => Resolve(p!.AsObject()))
                    .Select(p => new OperationParameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]!.AsObject()))
                    .ToList();
                var (requestType, requestSchema, requestExample) = operation["requestBody"] is JsonObject body
                    ? FirstContent(Resolve(body))
                    : (null, null, null);
                var success = operation["responses"]!.AsObject().First(r => r.Key.StartsWith('2'));
                var (responseType, responseSchema, responseExample) = FirstContent(Resolve(success.Value!.AsObject()));
                operations.Add(new ContractOperation(
                    method.ToUpperInvariant(), path, operation["operationId"]!.GetValue<string>(), parameters,
                    requestType, requestSchema, requestExample, int.Parse(success.Key, System.Globalization.CultureInfo.InvariantCulture), responseType, responseSchema, responseExample));
            }
        }

        return operations;
    }

    /// <summary>The JSON media type when there is one (streams are also JSON), else the first; its schema and first example file.</summary>
    private static (string?, JsonObject?, string?) FirstContent(JsonObject holder)
    {
        if (holder["content"] is not JsonObject content || content.Count == 0)
        {
            return (null, null, null);
        }

        var (mediaType, media) = content.FirstOrDefault(c => c.Key == "application/json") is { Value: not null } json ? json : content.First();
        var example = media?["examples"]?.AsObject().Select(e => e.Value?["externalValue"]?.GetValue<string>()).FirstOrDefault(e => e is not null);
        return (mediaType, media?["schema"] as JsonObject, example);
    }

    public static JsonObject Resolve(JsonObject node)
    {
        while (node["$ref"]?.GetValue<string>() is { } reference)
        {
            JsonNode? target = Spec;
            foreach (var segment in reference[2..].Split('/'))
            {
                target = target?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            node = target as JsonObject ?? throw new InvalidOperationException("Unresolved " + reference);
        }

        return node;
    }
}
