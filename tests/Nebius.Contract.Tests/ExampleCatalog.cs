using System.Text.Json.Nodes;

namespace Nebius.Contract.Tests;

/// <summary>One example body and the schema it must satisfy.</summary>
public sealed record ExampleCase(string File, string Where, JsonNode Schema)
{
    public override string ToString() => $"{File} ({Where})";
}

/// <summary>
/// Every example the contract names: <c>externalValue</c> examples on request and response media types,
/// and the fixtures listed under the root <c>x-nebius-fixtures</c> (bodies with no operation of their own,
/// such as batch JSONL lines), each paired with its schema.
/// </summary>
internal static class ExampleCatalog
{
    public static IReadOnlyList<ExampleCase> All() => [.. FromOperations(), .. FromFixtureMap()];

    private static IEnumerable<ExampleCase> FromOperations()
    {
        foreach (var (path, method, operation) in ContractFiles.Operations())
        {
            if (operation["requestBody"] is JsonObject body)
            {
                foreach (var example in FromContent(Resolve(body)["content"], $"{method.ToUpperInvariant()} {path} request"))
                {
                    yield return example;
                }
            }

            foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
            {
                foreach (var example in FromContent(Resolve(response!.AsObject())["content"], $"{method.ToUpperInvariant()} {path} {status}"))
                {
                    yield return example;
                }
            }
        }
    }

    private static IEnumerable<ExampleCase> FromContent(JsonNode? content, string where)
    {
        foreach (var (mediaType, media) in content?.AsObject() ?? [])
        {
            foreach (var (_, example) in media?["examples"]?.AsObject() ?? [])
            {
                if (example?["externalValue"]?.GetValue<string>() is { } file && media!["schema"] is { } schema)
                {
                    yield return new ExampleCase(file, $"{where} {mediaType}", schema);
                }
            }
        }
    }

    private static IEnumerable<ExampleCase> FromFixtureMap()
    {
        foreach (var (file, schemaName) in ContractFiles.Spec["x-nebius-fixtures"]?.AsObject() ?? [])
        {
            var reference = new JsonObject { ["$ref"] = "#/components/schemas/" + schemaName!.GetValue<string>() };
            yield return new ExampleCase(file, "x-nebius-fixtures", reference);
        }
    }

    private static JsonObject Resolve(JsonObject node)
    {
        if (node["$ref"]?.GetValue<string>() is not { } reference)
        {
            return node;
        }

        JsonNode? target = ContractFiles.Spec;
        foreach (var segment in reference[2..].Split('/'))
        {
            target = target?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return target as JsonObject ?? throw new InvalidOperationException("Unresolved " + reference);
    }
}
