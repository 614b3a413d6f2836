namespace Nebius.CodeGen.Tests.Compilation;

/// <summary>
/// Files of the package (src/Nebius.TokenFactory) compiled with generated code here, so the generator's tests
/// run the generated code on the runtime the package ships: the model runtime every generated model calls
/// (Serialization/ModelRuntime), and whatever else a test names.
/// </summary>
internal static class ModelRuntimeSources
{
    /// <summary>The package builds with implicit usings; its files rely on them.</summary>
    public static GeneratedFile ImplicitUsings { get; } = new("ImplicitUsings.cs", """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """);

    /// <summary>The model runtime's files and the implicit usings.</summary>
    public static IReadOnlyList<GeneratedFile> Files { get; } = Load();

    /// <summary>A file of the package, by its path below src/Nebius.TokenFactory.</summary>
    /// <param name="path">The path, with forward slashes.</param>
    public static GeneratedFile Read(string path) => new(path, File.ReadAllText(Path.Combine(PackageRoot, path)));

    private static string PackageRoot => Path.Combine(Nebius.Testing.RepositoryPaths.Root, "src", "Nebius.TokenFactory");

    private static List<GeneratedFile> Load()
    {
        var folder = Path.Combine(PackageRoot, "Serialization", "ModelRuntime");
        var files = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal)
            .Select(file => Read(Path.GetRelativePath(PackageRoot, file).Replace('\\', '/')))
            .ToList();
        Assert.NotEmpty(files);
        return [.. files, ImplicitUsings];
    }
}
