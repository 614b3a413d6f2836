using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nebius.CodeGen.Naming;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>Builds the request-builder tree from <c>paths</c>, Kiota style: one builder per URL segment.</summary>
public sealed partial class PathTreeBuilder(JsonObject root, SchemaResolver schemas, string rootNamespace, string clientClassName)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public BuilderNode Build()
    {
        var rootNode = new BuilderNode(BuilderKind.Root, string.Empty, rootNamespace, clientClassName);
        foreach (var (path, item) in root.Obj("paths").Entries().OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var pointer = "#/paths".Child(path);
            if (item is not JsonObject pathItem)
            {
                throw new SpecException(pointer, "a path item must be an object");
            }

            var node = AddPath(rootNode, path, pointer, out var renames);
            AddOperations(node, path, schemas.FollowReference(pathItem, pointer, out var itemPointer), itemPointer, renames);
        }

        AssignUrlTemplates(rootNode);
        return rootNode;
    }

    private static BuilderNode AddPath(BuilderNode rootNode, string path, string pointer, out Dictionary<string, string> renames)
    {
        renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var current = rootNode;
        var previousSegmentName = string.Empty;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var parameters = UrlTemplates.ParametersIn(segment);
            BuilderNode next;
            if (parameters.Count == 0)
            {
                next = LiteralChild(current, segment);
            }
            else if (parameters.Count == 1 && segment == "{" + parameters[0] + "}")
            {
                next = IndexerChild(current, parameters[0], previousSegmentName, renames);
            }
            else
            {
                next = MethodChild(current, segment, parameters);
            }

            previousSegmentName = segment;
            current = next;
        }

        if (current == rootNode)
        {
            throw new SpecException(pointer, "the root path '/' cannot carry operations in a Kiota-shaped client");
        }

        return current;
    }

    private static BuilderNode LiteralChild(BuilderNode parent, string segment)
    {
        var key = "literal:" + segment;
        if (parent.Children.TryGetValue(key, out var existing))
        {
            return existing;
        }

        // The "models" segment would collide with the Models namespace (Kiota: ModelsRequests).
        var namespaceSegment = segment.Equals("models", StringComparison.OrdinalIgnoreCase) ? "ModelsRequests" : Names.NamespaceSegment(segment);
        var className = segment.Equals("item", StringComparison.OrdinalIgnoreCase) ? "Item_Escaped" : Names.PascalCase(segment);
        var node = new BuilderNode(BuilderKind.Literal, segment, $"{parent.Namespace}.{namespaceSegment}", className + "RequestBuilder")
        {
            MemberName = NavigationName(Names.PascalCase(segment)),
            Parent = parent,
            SegmentTemplate = segment,
        };
        parent.Children[key] = node;
        return node;
    }

    private static string NavigationName(string name) =>
        name is "Get" or "Post" or "Put" or "Patch" or "Delete" or "Head" or "Options" or "Trace" ? name + "Path" : name;

    private static BuilderNode IndexerChild(BuilderNode parent, string parameter, string previousSegment, Dictionary<string, string> renames)
    {
        // Sibling parameter segments ({name} and {vendor}) are one node, as in Kiota's URL tree:
        // the first name wins and the other path's parameter is renamed.
        var existing = parent.Children.Values.FirstOrDefault(c => c.Kind == BuilderKind.Indexer);
        if (existing is not null)
        {
            if (existing.Parameters[0].WireName != parameter)
            {
                renames[parameter] = existing.Parameters[0].WireName;
            }

            return existing;
        }

        var node = new BuilderNode(BuilderKind.Indexer, "{" + parameter + "}", parent.Namespace + ".Item", ItemClassName(parameter, previousSegment))
        {
            Parent = parent,
            SegmentTemplate = "{" + UrlTemplates.Sanitize(parameter) + "}",
        };
        node.Parameters.Add(new PathParameter(parameter, UrlTemplates.Sanitize(parameter), new PrimitiveRef(PrimitiveKind.String), null));
        parent.Children["indexer"] = node;
        return node;
    }

    /// <summary>Kiota's item naming, PascalCased: <c>{full_name}</c> → <c>WithFullNameItemRequestBuilder</c>, <c>{id}</c> → previous segment + Item.</summary>
    private static string ItemClassName(string parameter, string previousSegment)
    {
        var name = WordPattern().IsMatch(parameter) ? "With" + Names.FirstUpper(parameter) : Names.CleanupSymbolName(parameter);
        name = TrailingIdPattern().Replace(name, string.Empty);
        if (name is "With" or "")
        {
            name = Names.CleanupSymbolName(previousSegment);
        }

        return Names.PascalCase(name) + "ItemRequestBuilder";
    }

    private static BuilderNode MethodChild(BuilderNode parent, string segment, List<string> parameters)
    {
        var key = "method:" + segment;
        if (parent.Children.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var literal = Names.PascalCase(ParameterTextPattern().Replace(segment, string.Empty));
        var memberName = literal + string.Concat(parameters.Select(p => "With" + Names.PropertyName(p)));
        var template = segment;
        foreach (var parameter in parameters)
        {
            template = template.Replace("{" + parameter + "}", "{" + UrlTemplates.Sanitize(parameter) + "}", StringComparison.Ordinal);
        }

        var node = new BuilderNode(BuilderKind.Method, segment, $"{parent.Namespace}.{memberName}", memberName + "RequestBuilder")
        {
            MemberName = memberName,
            Parent = parent,
            SegmentTemplate = template,
        };
        node.Parameters.AddRange(parameters.Select(p => new PathParameter(p, UrlTemplates.Sanitize(p), new PrimitiveRef(PrimitiveKind.String), null)));
        parent.Children[key] = node;
        return node;
    }

    private void AddOperations(BuilderNode node, string path, JsonObject pathItem, string pointer, Dictionary<string, string> renames)
    {
        node.Description ??= pathItem.Str("description") ?? pathItem.Str("summary");
        var pathParameters = pathItem.Arr("parameters");
        foreach (var method in Methods)
        {
            if (pathItem.Obj(method) is not { } operation)
            {
                continue;
            }

            var operationPointer = pointer.Child(method);
            var model = new OperationModel(method.ToUpperInvariant())
            {
                OperationId = operation.Str("operationId"),
                Path = path,
                Tags = operation.Arr("tags")?.Select(t => t.ScalarText()).OfType<string>().ToList() ?? [],
                Description = operation.Str("description") ?? operation.Str("summary"),
                Deprecated = operation.Bool("deprecated"),
            };
            var builderPrefix = node.ClassName[..^"RequestBuilder".Length];
            ApplyParameters(node, model, pathParameters, pointer.Child("parameters"), renames, builderPrefix);
            ApplyParameters(node, model, operation.Arr("parameters"), operationPointer.Child("parameters"), renames, builderPrefix);
            new OperationAnalyzer(schemas, node, builderPrefix).Analyze(model, operation, operationPointer);
            if (model.Query.Count > 0)
            {
                model.QueryClassName = $"{node.ClassName}{model.Verb}QueryParameters";
            }

            node.Operations.Add(model);
        }
    }

    private void ApplyParameters(BuilderNode node, OperationModel operation, JsonArray? parameters, string pointer, Dictionary<string, string> renames, string builderPrefix)
    {
        if (parameters is null)
        {
            return;
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            var parameterPointer = pointer.Child(i);
            if (parameters[i] is not JsonObject raw)
            {
                throw new SpecException(parameterPointer, "a parameter must be an object");
            }

            var parameter = schemas.FollowReference(raw, parameterPointer, out var resolvedPointer);
            var name = parameter.Str("name") ?? throw new SpecException(resolvedPointer, "a parameter needs a name");
            var location = parameter.Str("in") ?? throw new SpecException(resolvedPointer, "a parameter needs 'in'");
            if (location == "path")
            {
                ApplyPathParameter(node, renames.GetValueOrDefault(name, name), parameter, resolvedPointer);
            }
            else if (location == "query" && operation.Query.All(q => q.WireName != name))
            {
                var hint = new NameHint(node.Namespace, $"{operation.Verb}{Names.PropertyName(name)}QueryParameterType");
                var type = schemas.Resolve(parameter.TryGetPropertyValue("schema", out var schema) ? schema : null, resolvedPointer.Child("schema"), hint);
                var queryType = type.Type switch
                {
                    PrimitiveRef { Kind: PrimitiveKind.Untyped or PrimitiveKind.Binary or PrimitiveKind.Bytes } => new PrimitiveRef(PrimitiveKind.String),
                    NamedRef { Type: not EnumType } => new PrimitiveRef(PrimitiveKind.String),
                    _ => type.Type,
                };
                operation.Query.Add(new QueryParameter(name, UrlTemplates.Sanitize(name), Names.PropertyName(name), queryType, parameter.Bool("required"), parameter.Str("description") ?? type.Description));
            }
        }
    }

    private void ApplyPathParameter(BuilderNode node, string name, JsonObject parameter, string pointer)
    {
        // The parameter belongs to this segment or to one higher up; the builder that owns it is typed.
        for (var current = node; current is not null && current.Kind != BuilderKind.Root; current = current.Parent)
        {
            var index = current.Parameters.FindIndex(p => p.WireName == name);
            if (index < 0)
            {
                continue;
            }

            var type = schemas.Resolve(parameter.TryGetPropertyValue("schema", out var schema) ? schema : null, pointer.Child("schema"), new NameHint(node.Namespace, node.ClassName + "Parameter")).Type;
            var typed = type is PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long } ? type : new PrimitiveRef(PrimitiveKind.String);
            var key = current.Parameters[index].Key;
            if (parameter.Bool("x-ms-reserved-parameter"))
            {
                // Reserved expansion keeps '/' unencoded (model ids such as vendor/name).
                current.SegmentTemplate = current.SegmentTemplate.Replace("{" + key + "}", "{+" + key + "}", StringComparison.Ordinal);
            }

            current.Parameters[index] = current.Parameters[index] with { Type = typed, Description = current.Parameters[index].Description ?? parameter.Str("description") };
            return;
        }
    }

    private static void AssignUrlTemplates(BuilderNode node)
    {
        node.PathTemplate = node.Kind == BuilderKind.Root ? string.Empty : node.Parent!.PathTemplate + "/" + node.SegmentTemplate;
        var query = node.Operations.SelectMany(o => o.Query).ToList();
        node.UrlTemplate = "{+baseurl}" + node.PathTemplate + UrlTemplates.QueryPart(query);
        var anyRequired = query.Any(q => q.Required);
        foreach (var operation in node.Operations)
        {
            var own = "{+baseurl}" + node.PathTemplate + UrlTemplates.QueryPart(operation.Query);
            if (anyRequired && own != node.UrlTemplate)
            {
                operation.UrlTemplateOverride = own;
            }
        }

        foreach (var child in node.Children.Values)
        {
            AssignUrlTemplates(child);
        }
    }

    [GeneratedRegex(@"^\w+$")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"-?id\d?}?$")]
    private static partial Regex TrailingIdPattern();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterTextPattern();
}
