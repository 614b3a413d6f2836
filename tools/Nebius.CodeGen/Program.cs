using System.Diagnostics;
using Nebius.CodeGen;
using Nebius.CodeGen.Spec;

// The build-time generator. Errors are printed in MSBuild's canonical form
// (file(line,col): error NEB0001: message) so that the build shows them against the spec.
var arguments = CommandLine.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("usage: Nebius.CodeGen --spec <file.yaml> --output <folder> [--surface <file>] [--namespace <ns>] [--client-name <name>]");
    return 2;
}

var stopwatch = Stopwatch.StartNew();
var specPath = Path.GetFullPath(arguments.Spec);
string yaml;
try
{
    yaml = File.ReadAllText(specPath);
}
catch (IOException ex)
{
    Console.WriteLine($"{specPath}(1,1): error NEB0002: cannot read the spec: {ex.Message}");
    return 1;
}

SpecDocument? document = null;
try
{
    document = SpecLoader.Load(yaml);
    var result = Generator.Generate(document, new GeneratorOptions(arguments.Namespace, arguments.ClientName));
    var (written, removed) = FileSync.Apply(arguments.Output, result.Files);
    if (arguments.Surface is { } surfacePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(surfacePath))!);
        if (!File.Exists(surfacePath) || File.ReadAllText(surfacePath) != result.Surface)
        {
            File.WriteAllText(surfacePath, result.Surface);
        }
    }

    Console.WriteLine($"Nebius.CodeGen: {result.Files.Count} files from {Path.GetFileName(specPath)} ({written} written, {removed} removed) in {stopwatch.ElapsedMilliseconds} ms");
    return 0;
}
catch (SpecYamlException ex)
{
    Console.WriteLine($"{specPath}({ex.Line},{ex.Column}): error NEB0001: {ex.Message}");
}
catch (SpecValidationException ex)
{
    foreach (var diagnostic in ex.Diagnostics)
    {
        Report(specPath, document, diagnostic.Pointer, diagnostic.Message, yaml);
    }
}
catch (SpecException ex)
{
    Report(specPath, document, ex.Pointer, ex.Message, yaml);
}

return 1;

static void Report(string specPath, SpecDocument? document, string pointer, string message, string yaml)
{
    var map = document?.Map ?? YamlToJson.Convert(yaml).Map;
    var (line, column) = map.Locate(pointer);
    Console.WriteLine($"{specPath}({line},{column}): error NEB0001: {message} (at {pointer})");
}

/// <summary>The generator's command line.</summary>
internal sealed record CommandLine(string Spec, string Output, string? Surface, string Namespace, string ClientName)
{
    public static CommandLine? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || !values.TryGetValue("spec", out var spec) || !values.TryGetValue("output", out var output))
        {
            return null;
        }

        return new CommandLine(spec, output, values.GetValueOrDefault("surface"), values.GetValueOrDefault("namespace", "Nebius.TokenFactory"), values.GetValueOrDefault("client-name", "NebiusApiClient"));
    }
}
