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

/// <summary>The whole pipeline from spec text to C# files; deterministic for a given input.</summary>
public static class Generator
{
    public static GenerationResult Generate(string yaml, GeneratorOptions? options = null) => Generate(SpecLoader.Load(yaml), options);

    public static GenerationResult Generate(SpecDocument document, GeneratorOptions? options = null)
    {
        options ??= new GeneratorOptions();
        var registry = new TypeRegistry();
        var modelsNamespace = options.Namespace + ".Models";
        registry.Reserve(options.Namespace, options.ClientClassName);
        registry.Reserve(options.Namespace, TerminalStatesEmitter.ClassName);
        registry.Reserve(options.Namespace, OperationFactsEmitter.ClassName);
        var schemas = new SchemaResolver(document.Root, modelsNamespace, registry);
        schemas.ResolveAllComponents();
        var tree = new PathTreeBuilder(document.Root, schemas, options.Namespace, options.ClientClassName).Build();
        var longRunning = TerminalStateCatalog.Collect(tree);
        var facts = OperationFacts.Collect(tree);
        PropertyNames.Finalize(registry.Types.OfType<ModelType>());

        var surface = new SurfaceListing();
        var models = new ModelEmitter(surface);
        var unions = new UnionEmitter(surface);
        var enums = new EnumEmitter(surface);
        var builders = new RequestBuilderEmitter(surface, DefaultBaseUrl(document), options.Namespace);

        var files = new List<GeneratedFile>();
        foreach (var type in registry.Types)
        {
            var content = type switch
            {
                ModelType model => models.Emit(model),
                UnionType union => unions.Emit(union),
                EnumType enumType => enums.Emit(enumType),
                _ => throw new InvalidOperationException($"unknown type kind {type.GetType().Name}"),
            };
            files.Add(new GeneratedFile(PathFor(options.Namespace, type.Namespace, type.Name), content));
        }

        AddBuilders(files, builders, tree, options.Namespace);
        files.Add(new GeneratedFile(PathFor(options.Namespace, options.Namespace, OperationFactsEmitter.ClassName), OperationFactsEmitter.Emit(options.Namespace, facts)));
        if (longRunning.Count > 0)
        {
            files.Add(new GeneratedFile(PathFor(options.Namespace, options.Namespace, TerminalStatesEmitter.ClassName), TerminalStatesEmitter.Emit(options.Namespace, longRunning)));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new GenerationResult(files, surface.ToString());
    }

    private static void AddBuilders(List<GeneratedFile> files, RequestBuilderEmitter emitter, BuilderNode node, string rootNamespace)
    {
        files.Add(new GeneratedFile(PathFor(rootNamespace, node.Namespace, node.ClassName), emitter.Emit(node)));
        foreach (var child in node.Children.Values)
        {
            AddBuilders(files, emitter, child, rootNamespace);
        }
    }

    private static string DefaultBaseUrl(SpecDocument document) =>
        document.Root.Arr("servers") is { Count: > 0 } servers && servers[0] is System.Text.Json.Nodes.JsonObject first && first.Str("url") is { } url
            ? url.TrimEnd('/')
            : string.Empty;

    /// <summary>Folders mirror namespaces below the root namespace; the file is named after the type.</summary>
    private static string PathFor(string rootNamespace, string ns, string typeName)
    {
        var relative = ns.Length > rootNamespace.Length ? ns[(rootNamespace.Length + 1)..] : string.Empty;
        var folder = relative.Replace('.', '/');
        return folder.Length == 0 ? typeName + ".cs" : $"{folder}/{typeName}.cs";
    }
}
