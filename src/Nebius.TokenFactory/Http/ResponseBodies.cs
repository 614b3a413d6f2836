using System.Buffers;
using System.Net;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// Reads response bodies and turns error statuses into <see cref="NebiusApiException"/>s carrying the
/// generated error models, with the semantics of Kiota's HttpClientRequestAdapter. The difference is how
/// JSON is read: Kiota buffers the body (HttpClient's ResponseContentRead), parses a pooled JsonDocument
/// from that copy and clones its root; here the body is read once into a pooled buffer and a model is read
/// from those bytes in place by the generated direct path (see <see cref="PooledJsonRoot"/>).
/// </summary>
internal sealed class ResponseBodies(IParseNodeFactory otherContentTypes, SecretRedactor redactor)
{
    private const int UnknownLengthStart = 16 * 1024;

    /// <summary>Whether Kiota would return null without reading: a 204, or a message without content (EmptyContent).</summary>
    public static bool HasNoBody(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NoContent || response.Content.GetType().Name == "EmptyContent";

    /// <summary>
    /// The body, or null when it has no content type or no bytes (as Kiota). Dispose it once the models are
    /// read: it holds the bytes in a buffer rented from the shared pool. A body that breaks off before its end
    /// throws <see cref="NebiusResponseFormatException"/>.
    /// </summary>
    public async Task<ParsedBody?> ReadRootAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (string.IsNullOrEmpty(mediaType))
        {
            return null;
        }

        var (buffer, length) = await ReadAllAsync(response, cancellationToken).ConfigureAwait(false);
        if (length == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        if (NonJsonErrorHandler.IsJson(mediaType))
        {
            return new PooledJsonRoot(buffer, length);
        }

        try
        {
            var node = await ParseOtherAsync(mediaType, new MemoryStream(buffer, 0, length, writable: false), cancellationToken).ConfigureAwait(false);
            return new OtherContentBody(buffer, length, node, noReader: null);
        }
        catch (InvalidOperationException ex)
        {
            // Kiota's registry has no reader for the content type: failing is left to whoever reads the body.
            return new OtherContentBody(buffer, length, node: null, ex);
        }
    }

    /// <summary>The error for a success answer whose <paramref name="body"/> failed to read with <paramref name="cause"/>.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="body">The bytes that were read.</param>
    /// <param name="cause">The reader's error.</param>
    /// <param name="bodyStart">Where <paramref name="body"/> starts in the body as sent (after a byte order mark).</param>
    public NebiusResponseFormatException Unreadable(HttpResponseMessage response, ReadOnlySpan<byte> body, Exception cause, int bodyStart = 0)
    {
        var fault = BodyFault.Of(body, cause, redactor);
        return new NebiusResponseFormatException(
            new NebiusErrorDetails((int)response.StatusCode, HeadersOf(response)) { Detail = redactor.Redact(fault.Reason) },
            response.Content.Headers.ContentType?.ToString(),
            fault.ByteOffset + bodyStart,
            fault.Excerpt,
            cause);
    }

    /// <summary>
    /// Throws a <see cref="NebiusApiException"/> for an error status (anything but 2xx, 301 and 302, as Kiota):
    /// its <c>ErrorModel</c> is the generated error model registered for the exact code, else 4XX/5XX, else
    /// XXX, read from the body; its detail and validation issues are read from the same bytes. When no model
    /// is registered, or the body does not yield one, the inner exception says so (a Kiota ApiException, or
    /// the JSON error).
    /// </summary>
    public async Task ThrowIfFailedAsync(HttpResponseMessage response, Dictionary<string, ParsableFactory<IParsable>>? errorMapping, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.Moved or HttpStatusCode.Found)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var headers = HeadersOf(response);

        IParsable? model = null;
        Exception? inner;
        (string? Detail, IReadOnlyList<NebiusValidationIssue> Issues) read = (null, []);
        ParsedBody? root = null;
        NebiusResponseFormatException? truncated = null;
        try
        {
            root = await ReadRootAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (NebiusResponseFormatException ex)
        {
            // An error body that broke off: the status still says what happened, the break is the inner exception.
            truncated = ex;
        }

        using (root)
        {
            if (root is not null)
            {
                read = root.ReadDetail();
            }

            if (errorMapping is null || !TryFindFactory(errorMapping, status, code, out var factory))
            {
                inner = truncated ?? (Exception)new ApiException($"The server returned an unexpected status code and no error factory is registered for this code: {code}");
            }
            else
            {
                (model, inner) = ReadErrorModel(root, factory, code);
                inner = truncated ?? inner;
            }
        }

        if (inner is ApiException bare)
        {
            bare.ResponseStatusCode = status;
            bare.ResponseHeaders = headers;
        }

        if (model is ApiException typed)
        {
            typed.ResponseStatusCode = status;
            typed.ResponseHeaders = headers;
        }

        // The generated error model is kept as ErrorModel, not as the inner exception: its own Message
        // repeats the server's unredacted text, and exception.ToString() prints inner messages.
        throw NebiusApiException.Create(
            new NebiusErrorDetails(status, headers)
            {
                Detail = redactor.Redact(read.Detail),
                ValidationErrors = [.. read.Issues.Select(redactor.Redact)],
                ErrorModel = model,
            },
            inner);
    }

    private static (IParsable? Model, Exception? Inner) ReadErrorModel(ParsedBody? root, ParsableFactory<IParsable> factory, string code)
    {
        var failed = $"The server returned an unexpected status code and the error registered for this code failed to deserialize: {code}";
        try
        {
            var model = root?.ReadObject(factory);
            return model is Exception ? (model, null) : (null, new ApiException(failed));
        }
        catch (Exception ex) when (BodyFault.IsReadFailure(ex))
        {
            return (null, new ApiException(failed, ex));
        }
    }

    private static bool TryFindFactory(Dictionary<string, ParsableFactory<IParsable>> errorMapping, int status, string code, out ParsableFactory<IParsable> factory) =>
        errorMapping.TryGetValue(code, out factory!)
        || status is >= 400 and < 500 && errorMapping.TryGetValue("4XX", out factory!)
        || status is >= 500 and < 600 && errorMapping.TryGetValue("5XX", out factory!)
        || errorMapping.TryGetValue("XXX", out factory!);

    // Kiota 2.x has only the asynchronous root (GetRootParseNodeAsync); the synchronous one went in 2.0.0.
    private Task<IParseNode> ParseOtherAsync(string mediaType, Stream stream, CancellationToken cancellationToken) =>
        otherContentTypes.GetRootParseNodeAsync(mediaType, stream, cancellationToken);

    private static Dictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        return headers;
    }

    /// <summary>
    /// The whole body in a rented buffer (the caller returns it), sized by Content-Length when there is one. A
    /// body that breaks off (the connection closes before Content-Length or the last chunk) throws
    /// <see cref="NebiusResponseFormatException"/> with the bytes that did arrive.
    /// </summary>
    private async Task<(byte[] Buffer, int Length)> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var content = response.Content;
        var declared = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and < int.MaxValue ? (int)declared.Value + 1 : UnknownLengthStart);
        var length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }

            return (buffer, length);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var broken = new IOException($"The body broke off after {length} bytes" + (declared is { } total ? $" of the {total} its Content-Length announced" : string.Empty) + ".", ex);
            var error = Unreadable(response, buffer.AsSpan(0, length), broken);
            ArrayPool<byte>.Shared.Return(buffer);
            throw error;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
