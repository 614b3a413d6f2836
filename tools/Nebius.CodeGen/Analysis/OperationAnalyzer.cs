using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// Works out an operation's body, success response, Accept header, event stream and error mapping, then reads our
/// extensions against them (paging, waiting, GenAI tracing).
/// </summary>
internal sealed class OperationAnalyzer(SchemaResolver schemas, BuilderNode node, string builderPrefix)
{
    private const string EventStream = "text/event-stream";

    // Kiota's structured media types and their Accept q-weights.
    private static readonly (string Type, string Accept)[] Structured =
    [
        ("application/json", "application/json"),
        ("text/plain", "text/plain;q=0.9"),
        ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded;q=0.2"),
        ("multipart/form-data", "multipart/form-data;q=0.1"),
    ];

    public void Analyze(OperationModel operation, JsonObject raw, string pointer)
    {
        AnalyzeBody(operation, raw, pointer);
        var responses = raw.Obj("responses") ?? throw new SpecException(pointer, "an operation needs responses");
        AnalyzeSuccess(operation, responses, pointer.Child("responses"));
        AnalyzeErrors(operation, responses, pointer.Child("responses"));
        operation.Paging = PaginationExtension.Read(operation, raw, pointer);
        operation.LongRunning = LongRunningExtension.Read(operation, raw, pointer);
        operation.GenAiOperation = GenAiExtension.Read(operation, raw, pointer);
    }

    private void AnalyzeBody(OperationModel operation, JsonObject raw, string pointer)
    {
        if (raw.Obj("requestBody") is not { } rawBody)
        {
            return;
        }

        var body = schemas.FollowReference(rawBody, pointer.Child("requestBody"), out var bodyPointer);
        var content = body.Obj("content");
        var mediaType = PickMediaType(content);
        if (mediaType is null)
        {
            return;
        }

        var mediaPointer = bodyPointer.Child("content").Child(mediaType);
        var schema = content!.Obj(mediaType)!.TryGetPropertyValue("schema", out var schemaNode) ? schemaNode : null;
        operation.BodyContentType = mediaType;
        if (mediaType == "multipart/form-data")
        {
            // As in Kiota: multipart bodies are the untyped MultipartBody.
            operation.BodyKind = BodyKind.Multipart;
            return;
        }

        var resolved = schemas.Resolve(schema, mediaPointer.Child("schema"), new NameHint(node.Namespace, $"{builderPrefix}{operation.Verb}RequestBody"));
        switch (resolved.Type)
        {
            case PrimitiveRef { Kind: PrimitiveKind.Binary }:
            case PrimitiveRef when !IsStructured(mediaType):
                operation.BodyKind = BodyKind.Stream;
                break;
            case PrimitiveRef { Kind: PrimitiveKind.Untyped } untyped:
                operation.BodyKind = BodyKind.Parsable;
                operation.BodyType = untyped;
                break;
            case PrimitiveRef primitive:
                operation.BodyKind = BodyKind.Scalar;
                operation.BodyType = primitive;
                break;
            case NamedRef { Type: EnumType } named:
                operation.BodyKind = BodyKind.Scalar;
                operation.BodyType = named;
                break;
            case NamedRef named:
                operation.BodyKind = BodyKind.Parsable;
                operation.BodyType = named;
                operation.BodyDeclaresProject = named.Type is ModelType model && DeclaresProject(model);
                break;
            case ArrayRef { Item: NamedRef { Type: not EnumType } } array:
                operation.BodyKind = BodyKind.ParsableCollection;
                operation.BodyType = array;
                break;
            default:
                operation.BodyKind = BodyKind.Parsable;
                operation.BodyType = new PrimitiveRef(PrimitiveKind.Untyped);
                break;
        }
    }

    private void AnalyzeSuccess(OperationModel operation, JsonObject responses, string pointer)
    {
        var success = responses.Entries()
            .Where(r => r.Key.StartsWith('2'))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => (r.Key, Response: r.Value as JsonObject))
            .FirstOrDefault(r => r.Response is not null);
        if (success.Response is null)
        {
            operation.ResponseKind = ResponseKind.NoContent;
            operation.Accept = ErrorAccept(responses);
            return;
        }

        var response = schemas.FollowReference(success.Response, pointer.Child(success.Key), out var responsePointer);
        var content = response.Obj("content");
        if (content?.Obj(EventStream) is { } stream)
        {
            var eventSchema = stream.TryGetPropertyValue("schema", out var eventNode) ? eventNode : null;
            operation.EventType = schemas.Resolve(eventSchema, responsePointer.Child("content").Child(EventStream).Child("schema"), new NameHint(node.Namespace, $"{builderPrefix}{operation.Verb}Event")).Type;
        }

        var mediaType = PickMediaType(content);
        if (mediaType is null)
        {
            // Kiota: 201/202/204 without a body are "no content"; any other bodiless 2xx is a stream.
            operation.ResponseKind = success.Key is "200" && content is not null ? ResponseKind.Stream : ResponseKind.NoContent;
            operation.Accept = ErrorAccept(responses);
            return;
        }

        var schema = content!.Obj(mediaType)!.TryGetPropertyValue("schema", out var responseSchema) ? responseSchema : null;
        if (!IsStructured(mediaType) || schema is null)
        {
            operation.ResponseKind = ResponseKind.Stream;
            operation.ResponseType = new PrimitiveRef(PrimitiveKind.Binary);
            var raw = content.Entries().Select(e => e.Key).Where(k => k != EventStream).ToList();
            operation.Accept = string.Join(", ", raw.Concat(ErrorAcceptTypes(responses)).Distinct(StringComparer.Ordinal));
            return;
        }

        operation.Accept = string.Join(", ", Structured.Where(s => content!.ContainsKey(s.Type)).Select(s => s.Accept));
        var resolved = schemas.Resolve(schema, responsePointer.Child("content").Child(mediaType).Child("schema"), new NameHint(node.Namespace, $"{builderPrefix}{operation.Verb}Response"));
        operation.ResponseType = resolved.Type;
        operation.ResponseKind = resolved.Type switch
        {
            PrimitiveRef { Kind: PrimitiveKind.Untyped } => ResponseKind.Parsable,
            PrimitiveRef { Kind: PrimitiveKind.Binary } => ResponseKind.Stream,
            PrimitiveRef => ResponseKind.Primitive,
            NamedRef { Type: EnumType } => ResponseKind.Primitive,
            NamedRef => ResponseKind.Parsable,
            ArrayRef { Item: NamedRef { Type: not EnumType } } => ResponseKind.ParsableCollection,
            ArrayRef { Item: PrimitiveRef { Kind: PrimitiveKind.Untyped } } => ResponseKind.ParsableCollection,
            _ => ResponseKind.PrimitiveCollection,
        };
    }

    private void AnalyzeErrors(OperationModel operation, JsonObject responses, string pointer)
    {
        ModelType? fallback = null;
        foreach (var (code, value) in responses.Entries())
        {
            if (value is not JsonObject raw || code.StartsWith('2') || code.StartsWith('1') || code.StartsWith('3'))
            {
                continue;
            }

            var response = schemas.FollowReference(raw, pointer.Child(code), out var responsePointer);
            var content = response.Obj("content");
            var mediaType = PickMediaType(content);
            if (mediaType is null || !content!.Obj(mediaType)!.TryGetPropertyValue("schema", out var schema))
            {
                continue;
            }

            var hint = new NameHint(node.Namespace, $"{builderPrefix}{code.ToUpperInvariant()}Error");
            if (schemas.Resolve(schema, responsePointer.Child("content").Child(mediaType).Child("schema"), hint).Type is not NamedRef { Type: ModelType model })
            {
                continue;
            }

            // ErrorTypes extends the mark to the model's whole line once every operation is analysed.
            model.IsError = true;

            if (code == "default")
            {
                fallback = model;
            }
            else
            {
                operation.ErrorMappings[code.ToUpperInvariant()] = model;
            }
        }

        if (fallback is not null)
        {
            operation.ErrorMappings.TryAdd("4XX", fallback);
            operation.ErrorMappings.TryAdd("5XX", fallback);
        }

        // Kiota folds identical 4XX and 5XX mappings into XXX.
        if (operation.ErrorMappings.TryGetValue("4XX", out var clientErrors) && operation.ErrorMappings.TryGetValue("5XX", out var serverErrors) && clientErrors == serverErrors)
        {
            operation.ErrorMappings.Remove("4XX");
            operation.ErrorMappings.Remove("5XX");
            operation.ErrorMappings["XXX"] = clientErrors;
        }
    }

    private string ErrorAccept(JsonObject responses) => string.Join(", ", ErrorAcceptTypes(responses));

    private IEnumerable<string> ErrorAcceptTypes(JsonObject responses) =>
        responses.Entries()
            .Where(r => !r.Key.StartsWith('2') && r.Value is JsonObject)
            .SelectMany(r => schemas.FollowReference((JsonObject)r.Value!, "#", out _).Obj("content").Entries().Select(c => c.Key))
            .Where(IsStructured)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    private static bool DeclaresProject(ModelType model)
    {
        for (var current = model; current is not null; current = current.Base)
        {
            if (current.Properties.Any(p => p.WireName == OperationFacts.ProjectField))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStructured(string mediaType) =>
        Structured.Any(s => s.Type == mediaType) || mediaType.EndsWith("+json", StringComparison.Ordinal);

    /// <summary>The media type Kiota would read or write; text/event-stream never, the streaming layer handles it.</summary>
    private static string? PickMediaType(JsonObject? content)
    {
        if (content is null || content.Count == 0)
        {
            return null;
        }

        var keys = content.Entries().Select(e => e.Key).Where(k => k != EventStream).ToList();
        return keys.FirstOrDefault(k => k == "application/json")
            ?? keys.FirstOrDefault(k => k.EndsWith("+json", StringComparison.Ordinal))
            ?? keys.FirstOrDefault(k => k == "multipart/form-data")
            ?? keys.FirstOrDefault(k => k == "application/x-www-form-urlencoded")
            ?? keys.FirstOrDefault(k => k == "text/plain")
            ?? keys.FirstOrDefault();
    }
}
