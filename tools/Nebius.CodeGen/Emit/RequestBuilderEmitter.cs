using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>Writes a request builder (or the root client) in Kiota's <c>--exclude-backward-compatible</c> shape.</summary>
internal sealed class RequestBuilderEmitter(string defaultBaseUrl, string rootNamespace)
{
    private const string ConfigurationDoc = "/// <param name=\"requestConfiguration\">Configuration for the request such as headers, query parameters, and middleware options.</param>";
    private const string CancellationDoc = "/// <param name=\"cancellationToken\">Cancellation token to use when cancelling requests</param>";

    private static readonly string[] Usings =
    [
        "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Abstractions.Extensions", "Microsoft.Kiota.Abstractions.Serialization",
        "System", "System.Collections.Generic", "System.IO", "System.Threading", "System.Threading.Tasks",
    ];

    private static readonly string[] RootUsings =
    [
        "Microsoft.Kiota.Serialization.Form", "Microsoft.Kiota.Serialization.Json", "Microsoft.Kiota.Serialization.Multipart", "Microsoft.Kiota.Serialization.Text",
    ];

    private readonly PagingEmitter _paging = new(rootNamespace);
    private readonly WaitingEmitter _waiting = new(rootNamespace);

    public string Emit(BuilderNode node)
    {
        var isRoot = node.Kind == BuilderKind.Root;
        var writer = FileFrame.Begin(node.Namespace, isRoot ? Usings.Concat(RootUsings) : Usings);
        writer.Summary(isRoot
            ? "The main entry point of the SDK, exposes the configuration and the fluent API."
            : Literals.Doc(node.Description) is { Length: > 0 } doc ? doc : $"Builds and executes requests for operations under {Literals.Doc(node.PathTemplate.Replace('/', '\\'))}");
        writer.Line(FileFrame.GeneratedCodeAttribute);
        writer.Open($"public partial class {node.ClassName} : BaseRequestBuilder");

        foreach (var child in node.Children.Values.Where(c => c.Kind == BuilderKind.Literal).OrderBy(c => c.MemberName, StringComparer.OrdinalIgnoreCase))
        {
            writer.Summary(Literals.Doc(child.Description) is { Length: > 0 } childDoc ? childDoc : $"The {Literals.Doc(child.Segment)} property");
            writer.Line($"public {child.FullName} {child.MemberName}");
            writer.Line("{");
            writer.Line($"    get => new {child.FullName}(PathParameters, RequestAdapter);");
            writer.Line("}");
        }

        if (node.Children.Values.FirstOrDefault(c => c.Kind == BuilderKind.Indexer) is { } indexer)
        {
            WriteIndexer(writer, node, indexer);
        }

        if (isRoot)
        {
            WriteRootConstructor(writer, node);
        }
        else
        {
            WriteConstructors(writer, node);
        }

        var methods = new SortedDictionary<string, Action>(StringComparer.Ordinal);
        foreach (var operation in node.Operations)
        {
            methods[operation.Verb + "Async"] = () => WriteExecutor(writer, node, operation);
            methods[$"To{operation.Verb}RequestInformation"] = () => WriteRequestInformation(writer, node, operation);
            if (operation.EventType is not null)
            {
                methods[$"To{operation.Verb}StreamRequestInformation"] = () => WriteStreamRequestInformation(writer, node, operation);
            }

            // The hand-written layer sends these requests itself (event streams, streamed multipart uploads).
            if (operation.EventType is not null || operation.BodyKind == BodyKind.Multipart)
            {
                methods[$"Create{operation.Verb}ErrorMapping"] = () => WriteErrorMappingFactory(writer, operation);
            }

            // Paging and waiting stay out of the surface listing, the Kiota-shaped surface compared with stock Kiota's:
            // like the hand-written partials they replaced, they are additions Kiota has no form of.
            if (operation.Paging is { } paging)
            {
                methods[paging.MethodName] = () => _paging.Write(writer, operation);
            }

            if (operation.LongRunning is not null)
            {
                methods["WaitForCompletionAsync"] = () => _waiting.Write(writer, operation);
            }
        }

        foreach (var child in node.Children.Values.Where(c => c.Kind == BuilderKind.Method))
        {
            methods[child.MemberName] = () => WriteMethodNavigation(writer, node, child);
        }

        if (node.Operations.Count > 0)
        {
            methods["WithUrl"] = () => WriteWithUrl(writer, node);
        }

        foreach (var write in methods.Values)
        {
            write();
        }

        foreach (var operation in node.Operations.Where(o => o.QueryClassName is not null))
        {
            WriteQueryParameters(writer, node, operation);
        }

        writer.Close();
        return FileFrame.End(writer);
    }

    private void WriteIndexer(CodeWriter writer, BuilderNode node, BuilderNode indexer)
    {
        var parameter = indexer.Parameters[0];
        var type = parameter.Type is PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long } p ? TypeSyntax.Primitive(p.Kind) : "string";
        writer.Summary($"Gets an item from the {Literals.Doc(node.Namespace)}.item collection");
        writer.Line($"/// <param name=\"position\">{(Literals.Doc(parameter.Description) is { Length: > 0 } doc ? doc : "Unique identifier of the item")}</param>");
        writer.Line($"/// <returns>A <see cref=\"{indexer.FullName}\"/></returns>");
        writer.Line($"public {indexer.FullName} this[{type} position]");
        writer.Line("{");
        writer.Line("    get");
        writer.Line("    {");
        writer.Line("        var urlTplParams = new Dictionary<string, object>(PathParameters);");
        writer.Line($"        urlTplParams.Add({Literals.Quote(parameter.Key)}, position);");
        writer.Line($"        return new {indexer.FullName}(urlTplParams, RequestAdapter);");
        writer.Line("    }");
        writer.Line("}");
    }

    private void WriteRootConstructor(CodeWriter writer, BuilderNode node)
    {
        writer.Summary($"Instantiates a new <see cref=\"{node.FullName}\"/> and sets the default values.");
        writer.Line("/// <param name=\"requestAdapter\">The request adapter to use to execute the requests.</param>");
        writer.Open($"public {node.ClassName}(IRequestAdapter requestAdapter) : base(requestAdapter, \"{{+baseurl}}\", new Dictionary<string, object>())");
        writer.Line("ApiClientBuilder.RegisterDefaultSerializer<JsonSerializationWriterFactory>();");
        writer.Line("ApiClientBuilder.RegisterDefaultSerializer<TextSerializationWriterFactory>();");
        writer.Line("ApiClientBuilder.RegisterDefaultSerializer<FormSerializationWriterFactory>();");
        writer.Line("ApiClientBuilder.RegisterDefaultSerializer<MultipartSerializationWriterFactory>();");
        writer.Line("ApiClientBuilder.RegisterDefaultDeserializer<JsonParseNodeFactory>();");
        writer.Line("ApiClientBuilder.RegisterDefaultDeserializer<TextParseNodeFactory>();");
        writer.Line("ApiClientBuilder.RegisterDefaultDeserializer<FormParseNodeFactory>();");
        writer.Open("if (string.IsNullOrEmpty(RequestAdapter.BaseUrl))");
        writer.Line($"RequestAdapter.BaseUrl = {Literals.Quote(defaultBaseUrl)};");
        writer.Close();
        writer.Line("PathParameters.TryAdd(\"baseurl\", RequestAdapter.BaseUrl);");
        writer.Close();
    }

    private void WriteConstructors(CodeWriter writer, BuilderNode node)
    {
        var template = Literals.Quote(node.UrlTemplate);
        var extra = node.Kind == BuilderKind.Method
            ? node.Parameters.Select(p => $", string {Names.ParameterName(p.WireName)} = \"\"").Aggregate(string.Empty, string.Concat)
            : string.Empty;
        writer.Summary($"Instantiates a new <see cref=\"{node.FullName}\"/> and sets the default values.");
        writer.Line("/// <param name=\"pathParameters\">Path parameters for the request</param>");
        writer.Line("/// <param name=\"requestAdapter\">The request adapter to use to execute the requests.</param>");
        foreach (var parameter in node.Kind == BuilderKind.Method ? node.Parameters : [])
        {
            writer.Line($"/// <param name=\"{Names.ParameterName(parameter.WireName).TrimStart('@')}\">{Literals.Doc(parameter.Description ?? "Path parameter " + parameter.WireName)}</param>");
        }

        if (node.Kind == BuilderKind.Method)
        {
            writer.Open($"public {node.ClassName}(Dictionary<string, object> pathParameters, IRequestAdapter requestAdapter{extra}) : base(requestAdapter, {template}, pathParameters)");
            foreach (var parameter in node.Parameters)
            {
                var name = Names.ParameterName(parameter.WireName);
                writer.Line($"if (!string.IsNullOrWhiteSpace({name})) PathParameters.Add({Literals.Quote(parameter.Key)}, {name});");
            }

            writer.Close();
        }
        else
        {
            writer.Line($"public {node.ClassName}(Dictionary<string, object> pathParameters, IRequestAdapter requestAdapter) : base(requestAdapter, {template}, pathParameters)");
            writer.Line("{");
            writer.Line("}");
        }

        writer.Summary($"Instantiates a new <see cref=\"{node.FullName}\"/> and sets the default values.");
        writer.Line("/// <param name=\"rawUrl\">The raw URL to use for the request builder.</param>");
        writer.Line("/// <param name=\"requestAdapter\">The request adapter to use to execute the requests.</param>");
        writer.Line($"public {node.ClassName}(string rawUrl, IRequestAdapter requestAdapter) : base(requestAdapter, {template}, rawUrl)");
        writer.Line("{");
        writer.Line("}");
    }

    internal static string QueryType(BuilderNode node, OperationModel operation) =>
        operation.QueryClassName is { } name ? $"{node.FullName}.{name}" : "DefaultQueryParameters";

    private static string ConfigurationParameter(BuilderNode node, OperationModel operation) =>
        $"Action<RequestConfiguration<{QueryType(node, operation)}>>? requestConfiguration = default";

    internal static string? BodyParameterType(OperationModel operation) => operation.BodyKind switch
    {
        BodyKind.None => null,
        BodyKind.Multipart => "MultipartBody",
        BodyKind.Stream => "Stream",
        BodyKind.ParsableCollection => $"List<{TypeSyntax.Declared(((ArrayRef)operation.BodyType!).Item)}>",
        _ => TypeSyntax.Declared(operation.BodyType!),
    };

    internal static string ReturnType(OperationModel operation) => operation.ResponseKind switch
    {
        ResponseKind.NoContent => "Task",
        ResponseKind.Stream => "Task<Stream?>",
        ResponseKind.Primitive => $"Task<{TypeSyntax.Element(operation.ResponseType!).TrimEnd('?')}?>",
        _ => $"Task<{TypeSyntax.Nullable(operation.ResponseType!)}>",
    };

    private void WriteExecutor(CodeWriter writer, BuilderNode node, OperationModel operation)
    {
        var body = BodyParameterType(operation);
        var returnType = ReturnType(operation);
        writer.Summary(Literals.Doc(operation.Description));
        if (operation.ResponseKind != ResponseKind.NoContent)
        {
            writer.Line($"/// <returns>{ReturnsDoc(operation)}</returns>");
        }

        if (body is not null)
        {
            writer.Line("/// <param name=\"body\">The request body</param>");
        }

        writer.Line(CancellationDoc);
        writer.Line(ConfigurationDoc);
        foreach (var (code, model) in operation.ErrorMappings)
        {
            var when = code == "XXX" ? "a 4XX or 5XX status code" : $"a {code} status code";
            writer.Line($"/// <exception cref=\"{model.FullName}\">When receiving {when}</exception>");
        }

        if (operation.Deprecated)
        {
            writer.Line("[Obsolete(\"This operation is deprecated in the API description.\")]");
        }

        var parameters = (body is null ? string.Empty : $"{body} body, ") + ConfigurationParameter(node, operation) + ", CancellationToken cancellationToken = default";
        writer.Open($"public async {returnType} {operation.Verb}Async({parameters})");
        if (body is not null)
        {
            writer.Line("if(ReferenceEquals(body, null)) throw new ArgumentNullException(nameof(body));");
        }

        writer.Line($"var requestInfo = To{operation.Verb}RequestInformation({(body is null ? string.Empty : "body, ")}requestConfiguration);");
        var mapping = WriteErrorMappingLocal(writer, operation);
        var send = operation.ResponseKind switch
        {
            ResponseKind.NoContent => $"await RequestAdapter.SendNoContentAsync(requestInfo, {mapping}, cancellationToken).ConfigureAwait(false);",
            ResponseKind.Stream => $"return await RequestAdapter.SendPrimitiveAsync<Stream>(requestInfo, {mapping}, cancellationToken).ConfigureAwait(false);",
            ResponseKind.Primitive => $"return await RequestAdapter.SendPrimitiveAsync<{TypeSyntax.Element(operation.ResponseType!).TrimEnd('?')}?>(requestInfo, {mapping}, cancellationToken).ConfigureAwait(false);",
            ResponseKind.Parsable => $"return await RequestAdapter.SendAsync<{TypeSyntax.Declared(operation.ResponseType!)}>(requestInfo, {Factory(operation.ResponseType!)}, {mapping}, cancellationToken).ConfigureAwait(false);",
            ResponseKind.ParsableCollection => $"var collectionResult = await RequestAdapter.SendCollectionAsync<{TypeSyntax.Element(((ArrayRef)operation.ResponseType!).Item)}>(requestInfo, {Factory(((ArrayRef)operation.ResponseType!).Item)}, {mapping}, cancellationToken).ConfigureAwait(false);",
            _ => $"var collectionResult = await RequestAdapter.SendPrimitiveCollectionAsync<{TypeSyntax.Element(((ArrayRef)operation.ResponseType!).Item)}>(requestInfo, {mapping}, cancellationToken).ConfigureAwait(false);",
        };
        writer.Line(send);
        if (operation.ResponseKind is ResponseKind.ParsableCollection or ResponseKind.PrimitiveCollection)
        {
            writer.Line("return collectionResult?.AsList();");
        }

        writer.Close();
    }

    private static string ReturnsDoc(OperationModel operation) => operation.ResponseType switch
    {
        ArrayRef array => $"A List of <see cref=\"{Cref(TypeSyntax.Declared(array.Item))}\"/>",
        null or PrimitiveRef { Kind: PrimitiveKind.Binary or PrimitiveKind.Bytes } => "A <see cref=\"Stream\"/>",
        var type => $"A <see cref=\"{Cref(TypeSyntax.Declared(type))}\"/>",
    };

    private static string Cref(string type) =>
        type.Replace("<", "{", StringComparison.Ordinal).Replace(">", "}", StringComparison.Ordinal).Replace("?", string.Empty, StringComparison.Ordinal);

    private static string Factory(TypeRef type) => type switch
    {
        NamedRef named => $"{named.Type.FullName}.CreateFromDiscriminatorValue",
        _ => "UntypedNode.CreateFromDiscriminatorValue",
    };

    private static string WriteErrorMappingLocal(CodeWriter writer, OperationModel operation)
    {
        if (operation.ErrorMappings.Count == 0)
        {
            return "default";
        }

        writer.Line("var errorMapping = new Dictionary<string, ParsableFactory<IParsable>>");
        writer.Line("{");
        foreach (var (code, model) in operation.ErrorMappings)
        {
            writer.Line($"    {{ {Literals.Quote(code)}, {model.FullName}.CreateFromDiscriminatorValue }},");
        }

        writer.Line("};");
        return "errorMapping";
    }

    private void WriteRequestInformation(CodeWriter writer, BuilderNode node, OperationModel operation)
    {
        var body = BodyParameterType(operation);
        writer.Summary(Literals.Doc(operation.Description));
        writer.Line("/// <returns>A <see cref=\"RequestInformation\"/></returns>");
        if (body is not null)
        {
            writer.Line("/// <param name=\"body\">The request body</param>");
        }

        writer.Line(ConfigurationDoc);
        if (operation.Deprecated)
        {
            writer.Line("[Obsolete(\"This operation is deprecated in the API description.\")]");
        }

        writer.Open($"public RequestInformation To{operation.Verb}RequestInformation({(body is null ? string.Empty : $"{body} body, ")}{ConfigurationParameter(node, operation)})");
        if (body is not null)
        {
            writer.Line("if(ReferenceEquals(body, null)) throw new ArgumentNullException(nameof(body));");
        }

        var template = operation.UrlTemplateOverride is { } own ? Literals.Quote(own) : "UrlTemplate";
        writer.Line($"var requestInfo = new RequestInformation(Method.{operation.Method}, {template}, PathParameters);");
        writer.Line("requestInfo.Configure(requestConfiguration);");
        if (!string.IsNullOrEmpty(operation.Accept))
        {
            writer.Line($"requestInfo.Headers.TryAdd(\"Accept\", {Literals.Quote(operation.Accept)});");
        }

        var contentType = Literals.Quote(operation.BodyContentType ?? "application/json");
        switch (operation.BodyKind)
        {
            case BodyKind.Parsable or BodyKind.ParsableCollection or BodyKind.Multipart:
                writer.Line($"requestInfo.SetContentFromParsable(RequestAdapter, {contentType}, body);");
                break;
            case BodyKind.Scalar when operation.BodyType is NamedRef { Type: EnumType enumType }:
                writer.Line($"requestInfo.SetContentFromEnum<{enumType.FullName}>(RequestAdapter, {contentType}, body);");
                break;
            case BodyKind.Scalar:
                writer.Line($"requestInfo.SetContentFromScalar(RequestAdapter, {contentType}, body);");
                break;
            case BodyKind.Stream:
                writer.Line($"requestInfo.SetStreamContent(body, {contentType});");
                break;
        }

        writer.Line("return requestInfo;");
        writer.Close();
    }

    private void WriteStreamRequestInformation(CodeWriter writer, BuilderNode node, OperationModel operation)
    {
        var body = BodyParameterType(operation);
        var eventType = TypeSyntax.Declared(operation.EventType!);
        writer.Summary($"Builds the text/event-stream form of this request: the same request, answered as server-sent events whose data is a <see cref=\"{Cref(eventType)}\"/> each.");
        writer.Line("/// <returns>A <see cref=\"RequestInformation\"/></returns>");
        if (body is not null)
        {
            writer.Line("/// <param name=\"body\">The request body</param>");
        }

        writer.Line(ConfigurationDoc);
        writer.Line("// Deviation from Kiota, which ignores text/event-stream responses (kiota#7215): the streaming layer sends this request.");
        writer.Open($"public RequestInformation To{operation.Verb}StreamRequestInformation({(body is null ? string.Empty : $"{body} body, ")}{ConfigurationParameter(node, operation)})");
        writer.Line($"var requestInfo = To{operation.Verb}RequestInformation({(body is null ? string.Empty : "body, ")}requestConfiguration);");
        writer.Line("requestInfo.Headers.Remove(\"Accept\");");
        writer.Line("requestInfo.Headers.Add(\"Accept\", \"text/event-stream\");");
        writer.Line("return requestInfo;");
        writer.Close();
    }

    private static void WriteErrorMappingFactory(CodeWriter writer, OperationModel operation)
    {
        writer.Summary("The error mapping of this operation, for the hand-written layer that sends the request itself (an event stream or a streamed upload).");
        writer.Line("/// <returns>The status-code to error-factory mapping.</returns>");
        writer.Open($"internal static Dictionary<string, ParsableFactory<IParsable>> Create{operation.Verb}ErrorMapping()");
        writer.Line("return new Dictionary<string, ParsableFactory<IParsable>>");
        writer.Line("{");
        foreach (var (code, model) in operation.ErrorMappings)
        {
            writer.Line($"    {{ {Literals.Quote(code)}, {model.FullName}.CreateFromDiscriminatorValue }},");
        }

        writer.Line("};");
        writer.Close();
    }

    private void WriteMethodNavigation(CodeWriter writer, BuilderNode node, BuilderNode child)
    {
        var parameters = child.Parameters.Select(p => Names.ParameterName(p.WireName)).ToList();
        writer.Summary($"Builds and executes requests for operations under {Literals.Doc(child.PathTemplate.Replace('/', '\\'))}");
        writer.Line($"/// <returns>A <see cref=\"{child.FullName}\"/></returns>");
        foreach (var (parameter, name) in child.Parameters.Zip(parameters))
        {
            writer.Line($"/// <param name=\"{name.TrimStart('@')}\">{Literals.Doc(parameter.Description ?? "Path parameter " + parameter.WireName)}</param>");
        }

        writer.Open($"public {child.FullName} {child.MemberName}({string.Join(", ", parameters.Select(p => "string " + p))})");
        foreach (var name in parameters)
        {
            writer.Line($"if(string.IsNullOrEmpty({name})) throw new ArgumentNullException(nameof({name}));");
        }

        writer.Line($"return new {child.FullName}(PathParameters, RequestAdapter, {string.Join(", ", parameters)});");
        writer.Close();
    }

    private void WriteWithUrl(CodeWriter writer, BuilderNode node)
    {
        writer.Summary("Returns a request builder with the provided arbitrary URL. Using this method means any other path or query parameters are ignored.");
        writer.Line($"/// <returns>A <see cref=\"{node.FullName}\"/></returns>");
        writer.Line("/// <param name=\"rawUrl\">The raw URL to use for the request builder.</param>");
        writer.Open($"public {node.FullName} WithUrl(string rawUrl)");
        writer.Line($"return new {node.FullName}(rawUrl, RequestAdapter);");
        writer.Close();
    }

    private void WriteQueryParameters(CodeWriter writer, BuilderNode node, OperationModel operation)
    {
        var className = operation.QueryClassName!;
        writer.Summary(Literals.Doc(operation.Description) is { Length: > 0 } doc ? doc : "Query parameters of the request");
        writer.Line(FileFrame.GeneratedCodeAttribute);
        writer.Open($"public partial class {className}");
        foreach (var parameter in operation.Query.OrderBy(q => q.PropertyName, StringComparer.OrdinalIgnoreCase))
        {
            var type = parameter.Type is ArrayRef array ? $"{TypeSyntax.Element(array.Item).TrimEnd('?')}[]?" : TypeSyntax.Nullable(parameter.Type);
            writer.Summary(Literals.Doc(parameter.Description) is { Length: > 0 } pdoc ? pdoc : $"The {Literals.Doc(parameter.WireName)} query parameter");
            writer.Line($"[QueryParameter({Literals.Quote(parameter.Key)})]");
            writer.Line($"public {type} {parameter.PropertyName} {{ get; set; }}");
        }

        writer.Close();
    }
}
