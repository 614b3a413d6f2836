using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Streaming;

/// <summary>
/// The answer to a streaming request whose status said success: the body to read, and what the response
/// said about itself (status, headers, request id) for the errors raised while the body is read.
/// Disposing it releases the connection.
/// </summary>
internal sealed class EventStreamResponse : IAsyncDisposable
{
    private readonly HttpResponseMessage? _response;

    private EventStreamResponse(HttpResponseMessage? response, Stream body, SecretRedactor? redactor)
    {
        _response = response;
        Body = body;
        Redactor = redactor;
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        if (response is not null)
        {
            foreach (var (name, values) in response.Headers)
            {
                headers[name] = values;
            }
        }

        Headers = headers;
        RequestId = headers.TryGetValue("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
    }

    /// <summary>The event stream.</summary>
    public Stream Body { get; }

    /// <summary>The HTTP status (200 when the adapter that sent the request does not tell).</summary>
    public int StatusCode => _response is null ? 200 : (int)_response.StatusCode;

    /// <summary>The response headers, names case-insensitive (none when the adapter does not tell).</summary>
    public IDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The <c>Content-Type</c> of the body, as sent (none when the adapter does not tell).</summary>
    public string? ContentType => _response?.Content.Headers.ContentType?.ToString();

    /// <summary>The <c>x-request-id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>What removes the API key from server text, when the adapter has one.</summary>
    public SecretRedactor? Redactor { get; }

    /// <summary>The response of this library's adapter, which owns it from here.</summary>
    public static async Task<EventStreamResponse> FromResponseAsync(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new EventStreamResponse(response, body, redactor);
    }

    /// <summary>Sends through an adapter of another kind (a Kiota adapter a caller built the client on): the body only.</summary>
    public static async Task<EventStreamResponse?> SendThroughAsync(IRequestAdapter adapter, RequestInformation request, Dictionary<string, ParsableFactory<IParsable>> errorMapping, CancellationToken cancellationToken)
    {
        var body = await adapter.SendPrimitiveAsync<Stream>(request, errorMapping, cancellationToken).ConfigureAwait(false);
        return body is null ? null : new EventStreamResponse(null, body, null);
    }

    public async ValueTask DisposeAsync()
    {
        await Body.DisposeAsync().ConfigureAwait(false);
        _response?.Dispose();
    }
}
