namespace Nebius.CodeGen.Tests.Compilation;

/// <summary>
/// The package's compiled model runtime (src/Nebius.TokenFactory/Serialization/ModelRuntime, embedded in
/// this assembly), which the generated models call: compiled with every generated assembly here, so the
/// generator's tests run the generated code on the same runtime the package ships.
/// </summary>
internal static class ModelRuntimeSources
{
    /// <summary>The runtime's files, with the implicit usings the package's build adds.</summary>
    public static IReadOnlyList<GeneratedFile> Files { get; } = Load();

    private static List<GeneratedFile> Load()
    {
        var assembly = typeof(ModelRuntimeSources).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("ModelRuntime/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return new GeneratedFile(name, ImplicitUsings + reader.ReadToEnd());
            })
            .ToList();
        Assert.NotEmpty(files);
        return files;
    }

    // The package builds with ImplicitUsings; the runtime files rely on these (file-local here, so the generated files are unaffected).
    private const string ImplicitUsings = "using System;\nusing System.Collections.Generic;\nusing System.IO;\nusing System.Linq;\nusing System.Threading;\nusing System.Threading.Tasks;\n";
}
