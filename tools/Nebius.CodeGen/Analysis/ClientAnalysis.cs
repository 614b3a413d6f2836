using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>The analysed client, complete before anything is emitted: no emitter decides or changes a fact of it.</summary>
/// <param name="Namespace">The root namespace (the client class and the request builders).</param>
/// <param name="ModelsNamespace">The namespace of the models, enums and unions.</param>
/// <param name="Types">Every generated model, enum and union, in the order they were found.</param>
/// <param name="Root">The root of the request-builder tree: the client class.</param>
/// <param name="DefaultBaseUrl">The first server's URL without a trailing slash, or empty.</param>
/// <param name="LongRunning">The long-running operations and their terminal states (x-nebius-long-running).</param>
/// <param name="Facts">The operation facts the HTTP layer reads.</param>
public sealed record ClientModel(string Namespace, string ModelsNamespace, IReadOnlyList<CodeType> Types, BuilderNode Root, string DefaultBaseUrl, IReadOnlyList<LongRunningModel> LongRunning, OperationFacts Facts);

/// <summary>The analysis phase: schemas, then paths and operations, then the facts that need the whole model.</summary>
public static class ClientAnalysis
{
    /// <param name="document">The loaded spec.</param>
    /// <param name="options">The namespace and client class name.</param>
    /// <param name="reservedRootNames">Classes the emitters add to the root namespace, kept from builders and schemas.</param>
    public static ClientModel Analyze(SpecDocument document, GeneratorOptions options, IEnumerable<string> reservedRootNames)
    {
        var registry = new TypeRegistry();
        var modelsNamespace = options.Namespace + ".Models";
        registry.Reserve(options.Namespace, options.ClientClassName);
        foreach (var name in reservedRootNames)
        {
            registry.Reserve(options.Namespace, name);
        }

        var schemas = new SchemaResolver(document.Root, modelsNamespace, registry);
        schemas.ResolveAllComponents();
        var root = new PathTreeBuilder(document.Root, schemas, options.Namespace, options.ClientClassName).Build();
        var longRunning = TerminalStateCatalog.Collect(root);
        var facts = OperationFacts.Collect(root);

        var models = registry.Types.OfType<ModelType>().ToList();
        ErrorTypes.Complete(models);
        PropertyNames.Assign(models);
        return new ClientModel(options.Namespace, modelsNamespace, registry.Types, root, DefaultBaseUrl(document.Root), longRunning, facts);
    }

    private static string DefaultBaseUrl(JsonObject root) =>
        root.Arr("servers") is { Count: > 0 } servers && servers[0] is JsonObject first && first.Str("url") is { } url
            ? url.TrimEnd('/')
            : string.Empty;
}
