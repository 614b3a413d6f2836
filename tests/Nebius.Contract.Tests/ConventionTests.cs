using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;

namespace Nebius.Contract.Tests;

public sealed class ConventionTests
{
    private static readonly string[] EvidenceLevels = ["A", "B", "C", "D"];

    public static TheoryData<string, string> OperationKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, method, _) in ContractFiles.Operations())
        {
            data.Add(method, path);
        }

        return data;
    }

    [Fact]
    public void The_spec_loads_and_Microsoft_OpenApi_reports_no_errors()
    {
        var document = SpecLoader.Load(File.ReadAllText(ContractFiles.SpecPath));

        Assert.Equal("3.1.0", document.Root["openapi"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(OperationKeys))]
    public void Every_operation_has_an_id_one_tag_docs_and_the_error_responses(string method, string path)
    {
        var operation = Operation(method, path);

        Assert.False(string.IsNullOrWhiteSpace(operation["operationId"]?.GetValue<string>()), "operationId");
        Assert.Single(operation["tags"]!.AsArray());
        Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), "summary");
        var responses = operation["responses"]!.AsObject();
        Assert.Contains(responses, r => r.Key.StartsWith('2'));
        Assert.Equal("#/components/responses/ValidationError", responses["422"]?["$ref"]?.GetValue<string>());
        Assert.Equal("#/components/responses/Error", responses["default"]?["$ref"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(OperationKeys))]
    public void Every_operation_takes_the_project_scope(string method, string path)
    {
        var parameters = Operation(method, path)["parameters"]?.AsArray() ?? [];

        Assert.Contains(parameters, p => p?["$ref"]?.GetValue<string>() == "#/components/parameters/AiProjectId");
    }

    [Fact]
    public void Evidence_notes_carry_a_level_and_a_source()
    {
        var notes = Find(ContractFiles.Spec, "x-nebius-evidence").ToList();

        Assert.NotEmpty(notes);
        Assert.All(notes, note =>
        {
            Assert.Contains(note["level"]?.GetValue<string>(), EvidenceLevels);
            Assert.False(string.IsNullOrWhiteSpace(note["source"]?.GetValue<string>()));
        });
    }

    [Fact]
    public void The_operation_table_in_the_openapi_readme_lists_every_operation()
    {
        var readme = File.ReadAllText(Path.Combine(ContractFiles.OpenApiDirectory, "README.md"));

        var missing = ContractFiles.Operations()
            .Select(o => $"`{o.Method.ToUpperInvariant()} {o.Path}`")
            .Where(row => !readme.Contains(row, StringComparison.Ordinal))
            .ToList();

        Assert.Empty(missing);
    }

    private static JsonObject Operation(string method, string path) => ContractFiles.Spec["paths"]![path]![method]!.AsObject();

    private static IEnumerable<JsonObject> Find(JsonNode? node, string key)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (name == key && child is JsonObject found)
                    {
                        yield return found;
                    }

                    foreach (var nested in Find(child, key))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var nested in Find(item, key))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
