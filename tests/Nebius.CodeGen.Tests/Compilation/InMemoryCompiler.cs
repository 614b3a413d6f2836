using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Nebius.CodeGen.Tests.Compilation;

/// <summary>
/// Compiles generated files with Roslyn in memory, against the platform and the Kiota runtime the test
/// project references, with the warnings the real build treats as errors.
/// </summary>
internal static class InMemoryCompiler
{
    // Kiota's runtime packages: referenced by the test project so their assemblies sit beside it.
    private static readonly Assembly[] KiotaRuntime =
    [
        typeof(Microsoft.Kiota.Abstractions.RequestInformation).Assembly,
        typeof(Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter).Assembly,
        typeof(Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory).Assembly,
        typeof(Microsoft.Kiota.Serialization.Text.TextParseNodeFactory).Assembly,
        typeof(Microsoft.Kiota.Serialization.Form.FormParseNodeFactory).Assembly,
        typeof(Microsoft.Kiota.Serialization.Multipart.MultipartSerializationWriterFactory).Assembly,
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles <paramref name="files"/> into an assembly image; fails the test with every diagnostic on error.</summary>
    public static byte[] Compile(IEnumerable<GeneratedFile> files, string assemblyName)
    {
        // Diagnose: the package builds with GenerateDocumentationFile, so broken or missing XML docs are warnings there.
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Content, System.Text.Encoding.UTF8), parseOptions, f.RelativePath)).ToList();
        // CS1701/CS1702 (a reference built against an older framework assembly) are off, as the .NET SDK has them by default.
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true)
            .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]);
        var compilation = CSharpCompilation.Create(assemblyName, trees, References.Value, options);

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        // Warnings count too: the real client builds with TreatWarningsAsErrors.
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || problems.Count > 0)
        {
            var listing = string.Join(Environment.NewLine, problems.Take(30).Select(d => d.ToString()));
            Assert.Fail($"The generated code does not compile cleanly ({problems.Count} diagnostics):{Environment.NewLine}{listing}");
        }

        return image.ToArray();
    }

    private static List<MetadataReference> LoadReferences()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in platform.Concat(KiotaRuntime.Select(a => a.Location)))
        {
            paths[Path.GetFileNameWithoutExtension(path)] = path;
        }

        return paths.Values.Order(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }
}
