using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>The surface of the request builders (see <see cref="SurfaceFromModel"/>): the client class and one builder per node of the URL tree.</summary>
internal static class BuilderSurface
{
    /// <summary>Lists <paramref name="node"/> and every builder below it.</summary>
    public static void Add(SurfaceListing surface, BuilderNode node)
    {
        AddBuilder(surface, node);
        foreach (var child in node.Children.Values)
        {
            Add(surface, child);
        }
    }

    private static void AddBuilder(SurfaceListing surface, BuilderNode node)
    {
        var name = node.DottedName;
        surface.Inherits(name, "BaseRequestBuilder");
        foreach (var child in node.Children.Values.Where(c => c.Kind == BuilderKind.Literal))
        {
            surface.Member(name, $"|public|{child.MemberName}:{child.DottedName}");
        }

        if (node.Children.Values.FirstOrDefault(c => c.Kind == BuilderKind.Indexer) is { } indexer)
        {
            var parameter = indexer.Parameters[0];
            var type = parameter.Type is PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long } p ? TypeSyntax.Primitive(p.Kind) : "string";
            surface.Member(name, $"[{parameter.WireName}:{type}]:{indexer.DottedName}");
        }

        AddConstructors(surface, node);
        foreach (var method in Methods(node))
        {
            surface.Member(name, method);
        }

        foreach (var operation in node.Operations.Where(o => o.QueryClassName is not null))
        {
            foreach (var parameter in operation.Query)
            {
                var type = parameter.Type is ArrayRef array ? $"{TypeSyntax.Element(array.Item).TrimEnd('?')}[]?" : TypeSyntax.Nullable(parameter.Type);
                surface.Member($"{name}.{operation.QueryClassName}", $"|public|{parameter.PropertyName}:{TypeSyntax.Surface(type)}");
            }
        }
    }

    private static void AddConstructors(SurfaceListing surface, BuilderNode node)
    {
        if (node.Kind == BuilderKind.Root)
        {
            surface.Member(node.DottedName, "|public|constructor(requestAdapter:IRequestAdapter):void");
            return;
        }

        // A multi-parameter segment's builder also takes its parameters, optional, in its constructor.
        var pathParameters = node.Kind == BuilderKind.Method
            ? string.Concat(node.Parameters.Select(p => $"; {Names.ParameterName(p.WireName).TrimStart('@')}?:string"))
            : string.Empty;
        surface.Member(node.DottedName, $"|public|constructor(pathParameters:Dictionary<string, object>; requestAdapter:IRequestAdapter{pathParameters}):void");
        surface.Member(node.DottedName, "|public|constructor(rawUrl:string; requestAdapter:IRequestAdapter):void");
    }

    /// <summary>
    /// The public methods, by name as the emitter keys them (a later method of the same name replaces an earlier
    /// one there, so here too); the error-mapping factory is internal, paging and waiting are not listed.
    /// </summary>
    private static IEnumerable<string> Methods(BuilderNode node)
    {
        var methods = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var operation in node.Operations)
        {
            var returnType = TypeSyntax.Surface(RequestBuilderEmitter.ReturnType(operation));
            methods[operation.Verb + "Async"] = $"|public|{operation.Verb}Async({Parameters(node, operation, true)}):{returnType}";
            methods[$"To{operation.Verb}RequestInformation"] = $"|public|To{operation.Verb}RequestInformation({Parameters(node, operation, false)}):RequestInformation";
            if (operation.EventType is not null)
            {
                methods[$"To{operation.Verb}StreamRequestInformation"] = $"|public|To{operation.Verb}StreamRequestInformation({Parameters(node, operation, false)}):RequestInformation";
            }

            if (operation.EventType is not null || operation.BodyKind == BodyKind.Multipart)
            {
                methods[$"Create{operation.Verb}ErrorMapping"] = null;
            }

            // Paging and waiting are additions Kiota has no form of: they stay out of the Kiota-shaped listing.
            if (operation.Paging is { } paging)
            {
                methods[paging.MethodName] = null;
            }

            if (operation.LongRunning is not null)
            {
                methods["WaitForCompletionAsync"] = null;
            }
        }

        foreach (var child in node.Children.Values.Where(c => c.Kind == BuilderKind.Method))
        {
            var parameters = string.Join("; ", child.Parameters.Select(p => Names.ParameterName(p.WireName).TrimStart('@') + ":string"));
            methods[child.MemberName] = $"|public|{child.MemberName}({parameters}):{child.DottedName}";
        }

        if (node.Operations.Count > 0)
        {
            methods["WithUrl"] = $"|public|WithUrl(rawUrl:string):{node.DottedName}";
        }

        return methods.Values.OfType<string>();
    }

    private static string Parameters(BuilderNode node, OperationModel operation, bool withCancellation)
    {
        var parts = new List<string>();
        if (RequestBuilderEmitter.BodyParameterType(operation) is { } body)
        {
            parts.Add($"body:{TypeSyntax.Surface(body)}");
        }

        parts.Add($"requestConfiguration?:Action<RequestConfiguration<{TypeSyntax.Surface(RequestBuilderEmitter.QueryType(node, operation))}>>");
        if (withCancellation)
        {
            parts.Add("cancellationToken?:CancellationToken");
        }

        return string.Join("; ", parts);
    }
}
