using System.Text;
using System.Text.Json;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// Turns an error response whose body is not JSON (an HTML page from a proxy, an empty 502) into a
/// typed <see cref="NebiusApiException"/> with the status and the start of the body. Kiota would
/// otherwise fail with "no factory registered" for such a content type. JSON errors pass through to
/// the generated error mapping.
/// </summary>
internal sealed class NonJsonErrorHandler(SecretRedactor redactor) : DelegatingHandler
{
    private const int MaxBodyChars = 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status < 400 || IsJson(response.Content.Headers.ContentType?.MediaType))
        {
            return response;
        }

        using (response)
        {
            var (body, broken) = await ReadStartAsync(response.Content, cancellationToken).ConfigureAwait(false);
            var headers = response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
            throw NebiusApiException.Create(
                new NebiusErrorDetails(status, headers)
                {
                    // A JSON body sent with the wrong content type still yields its detail.
                    Detail = redactor.Redact(TryReadDetail(body)),
                    ResponseBody = string.IsNullOrWhiteSpace(body) ? null : redactor.Redact(Trim(body)),
                },
                broken);
        }
    }

    internal static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The start of the body as text; a body that breaks off gives what arrived, and the break.</summary>
    private static async Task<(string Body, IOException? Broken)> ReadStartAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new char[MaxBodyChars * 4];
        var read = 0;
        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            int chunk;
            while (read < buffer.Length && (chunk = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += chunk;
            }

            return (new string(buffer, 0, read), null);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The status already says what happened; the break is kept as the inner exception.
            return (new string(buffer, 0, read), ex);
        }
    }

    private static string Trim(string body)
    {
        var collapsed = string.Join(' ', body.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= MaxBodyChars ? collapsed : collapsed[..MaxBodyChars] + "…";
    }

    private static string? TryReadDetail(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null;
        }
        catch (Exception ex) when (BodyFault.IsReadFailure(ex))
        {
            // Not JSON, or JSON whose text cannot be decoded (a lone surrogate escape, invalid UTF-8): no detail.
            return null;
        }
    }
}
