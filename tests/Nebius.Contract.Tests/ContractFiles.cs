using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;

namespace Nebius.Contract.Tests;

/// <summary>Locates the checked-in contract and loads it once, the way the build's generator does.</summary>
internal static class ContractFiles
{
    private static readonly Lazy<SpecDocument> Loaded = new(() => SpecLoader.Load(File.ReadAllText(SpecPath)));

    public static string RepoRoot => Nebius.Testing.RepositoryPaths.Root;

    public static string OpenApiDirectory => Path.Combine(RepoRoot, "openapi");

    public static string SpecPath => Path.Combine(OpenApiDirectory, "nebius-token-factory.yaml");

    public static JsonObject Spec => Loaded.Value.Root;

    public static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations()
    {
        foreach (var (path, item) in Spec["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "get" or "put" or "post" or "patch" or "delete")
                {
                    yield return (path, method, operation!.AsObject());
                }
            }
        }
    }
}
