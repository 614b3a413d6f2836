using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Nebius.TokenFactory;

/// <summary>
/// Builds a <see cref="NebiusApiException"/> from whatever Kiota threw: a generated error model (its
/// <c>detail</c> may be text or the 422 list) or a bare <see cref="ApiException"/>. The model is read
/// back through its own serializer, so this works for every error schema without reflection.
/// </summary>
internal static class ApiExceptionTranslator
{
    public static NebiusApiException Translate(ApiException exception, SecretRedactor redactor)
    {
        var model = exception as IParsable;
        var body = model is null ? null : ToJson(model);
        var (detail, issues) = body is null ? (null, []) : ReadDetail(body.Value);
        var details = new NebiusErrorDetails(exception.ResponseStatusCode, exception.ResponseHeaders)
        {
            Detail = redactor.Redact(detail),
            ValidationErrors = [.. issues.Select(redactor.Redact)],
            ErrorModel = model,
        };

        // The generated error model is kept as ErrorModel, not as the inner exception: its own Message
        // repeats the server's unredacted text, and exception.ToString() prints inner messages.
        return NebiusApiException.Create(details, model is null ? exception : null);
    }

    /// <summary>Reads FastAPI's <c>detail</c> (text or list), or an OpenAI-style <c>error.message</c>.</summary>
    internal static (string? Detail, IReadOnlyList<NebiusValidationIssue> Issues) ReadDetail(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, []);
        }

        if (body.TryGetProperty("detail", out var detail))
        {
            if (detail.ValueKind == JsonValueKind.String)
            {
                return (detail.GetString(), []);
            }

            if (detail.ValueKind == JsonValueKind.Array)
            {
                var issues = detail.EnumerateArray().Select(ReadIssue).ToList();
                var summary = issues.Count == 1 ? issues[0].ToString() : $"{issues.Count} validation errors: " + string.Join("; ", issues);
                return (summary, issues);
            }
        }

        if (body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
        {
            return (message.GetString(), []);
        }

        return body.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? (text.GetString(), []) : (null, []);
    }

    private static NebiusValidationIssue ReadIssue(JsonElement item)
    {
        var location = item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array
            ? string.Join('.', loc.EnumerateArray().Select(part => part.ValueKind == JsonValueKind.String ? part.GetString() : part.GetRawText()))
            : string.Empty;
        var message = item.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() ?? string.Empty : item.GetRawText();
        var type = item.TryGetProperty("type", out var kind) && kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;
        return new NebiusValidationIssue(location, message, type);
    }

    private static JsonElement? ToJson(IParsable model)
    {
        try
        {
            using var writer = new JsonSerializationWriter();
            writer.WriteObjectValue(null, model);
            using var content = writer.GetSerializedContent();
            using var document = JsonDocument.Parse(content);
            return document.RootElement.Clone();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }
}
