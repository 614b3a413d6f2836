using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Emit;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen;

/// <summary>Options that shape the generated client.</summary>
public sealed record GeneratorOptions(string Namespace = "Nebius.TokenFactory", string ClientClassName = "NebiusApiClient");

/// <summary>One generated source file, its path relative to the output folder.</summary>
public sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>Everything one run produces: the files and the sorted surface listing.</summary>
public sealed record GenerationResult(IReadOnlyList<GeneratedFile> Files, string Surface);

/// <summary>The whole pipeline from spec text to C# files: load, analyze (a complete model), emit. Deterministic for a given input.</summary>
public static class Generator
{
    public static GenerationResult Generate(string yaml, GeneratorOptions? options = null) => Generate(SpecLoader.Load(yaml), options);

    public static GenerationResult Generate(SpecDocument document, GeneratorOptions? options = null)
    {
        var client = ClientAnalysis.Analyze(document, options ?? new GeneratorOptions(), reservedRootNames: [TerminalStatesEmitter.ClassName, OperationFactsEmitter.ClassName]);
        return new GenerationResult(Emit(client), SurfaceFromModel.List(client));
    }

    /// <summary>The files of the analysed client, sorted by path; the client is only read.</summary>
    internal static List<GeneratedFile> Emit(ClientModel client)
    {
        var builders = new RequestBuilderEmitter(client.DefaultBaseUrl, client.Namespace);

        var files = new List<GeneratedFile>();
        foreach (var type in client.Types)
        {
            var content = type switch
            {
                ModelType model => ModelEmitter.Emit(model),
                UnionType union => UnionEmitter.Emit(union),
                EnumType enumType => EnumEmitter.Emit(enumType),
                _ => throw new InvalidOperationException($"unknown type kind {type.GetType().Name}"),
            };
            files.Add(new GeneratedFile(PathFor(client.Namespace, type.Namespace, type.Name), content));
        }

        AddBuilders(files, builders, client.Root, client.Namespace);
        files.Add(new GeneratedFile(PathFor(client.Namespace, client.Namespace, OperationFactsEmitter.ClassName), OperationFactsEmitter.Emit(client.Namespace, client.Facts)));
        if (client.LongRunning.Count > 0)
        {
            files.Add(new GeneratedFile(PathFor(client.Namespace, client.Namespace, TerminalStatesEmitter.ClassName), TerminalStatesEmitter.Emit(client.Namespace, client.LongRunning)));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    private static void AddBuilders(List<GeneratedFile> files, RequestBuilderEmitter emitter, BuilderNode node, string rootNamespace)
    {
        files.Add(new GeneratedFile(PathFor(rootNamespace, node.Namespace, node.ClassName), emitter.Emit(node)));
        foreach (var child in node.Children.Values)
        {
            AddBuilders(files, emitter, child, rootNamespace);
        }
    }

    /// <summary>Folders mirror namespaces below the root namespace; the file is named after the type.</summary>
    private static string PathFor(string rootNamespace, string ns, string typeName)
    {
        var relative = ns.Length > rootNamespace.Length ? ns[(rootNamespace.Length + 1)..] : string.Empty;
        var folder = relative.Replace('.', '/');
        return folder.Length == 0 ? typeName + ".cs" : $"{folder}/{typeName}.cs";
    }
}
