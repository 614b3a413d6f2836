using System.Text.Json.Nodes;

namespace Nebius.Contract.Tests;

public sealed class ExampleTests
{
    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in ExampleCatalog.All().Select(e => e.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public async Task Every_example_validates_against_its_schema(string file)
    {
        var body = await File.ReadAllTextAsync(Path.Combine(ContractFiles.OpenApiDirectory, file));
        Assert.NotNull(JsonNode.Parse(body));

        foreach (var example in ExampleCatalog.All().Where(e => e.File == file))
        {
            var errors = await SchemaValidator.ValidateAsync(example.Schema, body);
            Assert.True(errors.Count == 0, $"{example} does not match its schema:\n  " + string.Join("\n  ", errors));
        }
    }

    [Fact]
    public void Every_fixture_file_is_attached_to_a_schema()
    {
        var named = ExampleCatalog.All().Select(e => e.File.Replace('/', Path.DirectorySeparatorChar)).ToHashSet(StringComparer.Ordinal);
        var onDisk = Directory.EnumerateFiles(Path.Combine(ContractFiles.OpenApiDirectory, "examples"), "*.json")
            .Select(f => Path.GetRelativePath(ContractFiles.OpenApiDirectory, f))
            .ToList();

        Assert.NotEmpty(onDisk);
        var orphans = onDisk.Where(f => !named.Contains(f)).ToList();
        Assert.True(orphans.Count == 0, "Not attached to any schema: " + string.Join(", ", orphans));
    }

    [Fact]
    public void Every_named_example_exists()
    {
        var missing = ExampleCatalog.All().Where(e => !File.Exists(Path.Combine(ContractFiles.OpenApiDirectory, e.File))).Select(e => e.ToString());

        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_validator_rejects_a_body_that_breaks_its_schema()
    {
        // Guards the test above against a validator that accepts everything.
        var schema = JsonNode.Parse("""{"$ref":"#/components/schemas/ValidationError"}""")!;

        var errors = await SchemaValidator.ValidateAsync(schema, """{"loc":"not-an-array","type":"missing"}""");

        Assert.NotEmpty(errors);
    }
}
