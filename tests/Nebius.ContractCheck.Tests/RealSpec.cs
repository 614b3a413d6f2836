using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;
using Nebius.Testing;

namespace Nebius.ContractCheck.Tests;

/// <summary>The real contract, and copies of it with one deliberate edit (written as JSON, which the YAML reader accepts).</summary>
internal static class RealSpec
{
    public static string Path { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "openapi", "nebius-token-factory.yaml");

    public static string Text => File.ReadAllText(Path);

    /// <summary>The contract's JSON tree, as the probe and the replay read it.</summary>
    public static JsonObject Json => SpecLoader.Load(Text).Root;

    /// <summary>The contract with <paramref name="edit"/> applied to its JSON tree.</summary>
    public static string Edited(Action<JsonObject> edit)
    {
        var (root, _) = YamlToJson.Convert(Text);
        var document = root.AsObject();
        edit(document);
        return document.ToJsonString();
    }

    public static JsonObject Properties(JsonObject document, string schema) =>
        document["components"]!["schemas"]![schema]!["properties"]!.AsObject();

    /// <summary>The breaking edit of the acceptance check: <c>Model.owned_by</c> disappears from the responses.</summary>
    public static string WithoutModelOwnedBy() => Edited(d => Assert.True(Properties(d, "Model").Remove("owned_by")));

    /// <summary>The compatible edit: an optional <c>Model.region</c>.</summary>
    public static string WithModelRegion() => Edited(d => Properties(d, "Model").Add("region", new JsonObject { ["type"] = "string" }));

    public static void SetVersion(JsonObject document, string version) => document["info"]!["version"] = version;

    /// <summary>The contract's own <c>info.version</c>.</summary>
    public static string Version => YamlToJson.Convert(Text).Item1["info"]!["version"]!.GetValue<string>();
}
