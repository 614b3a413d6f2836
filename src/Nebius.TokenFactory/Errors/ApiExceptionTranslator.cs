using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory;

/// <summary>
/// Reads an error body's detail, and turns an <see cref="ApiException"/> that reached the adapter from
/// elsewhere (a response handler, a stream's adapter) into a <see cref="NebiusApiException"/>. Error
/// statuses the adapter reads itself become NebiusApiExceptions at once (<c>ResponseBodies</c>), with the
/// detail read from the body's bytes.
/// </summary>
internal static class ApiExceptionTranslator
{
    public static NebiusApiException Translate(ApiException exception, SecretRedactor redactor)
    {
        // A generated error model carries the server's primary message as its Message.
        var model = exception as IParsable;
        var details = new NebiusErrorDetails(exception.ResponseStatusCode, exception.ResponseHeaders)
        {
            Detail = model is null ? null : redactor.Redact(exception.Message),
            ErrorModel = model,
        };

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
}
