using System.Diagnostics.CodeAnalysis;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Nebius.TokenFactory.Telemetry;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// The request adapter the generated code calls. Deliberate deviation from Kiota's shape: Kiota clients run
/// on HttpClientRequestAdapter; ours implements <see cref="IRequestAdapter"/> itself with the same
/// semantics (error mapping order, null for 204 and empty bodies, response handlers, caller-owned streams)
/// and less work per call: no per-send tracing spans or regex, no async token provider, no buffered copy
/// of the body, the API key and product token as shared header values. Every error reaches the caller as
/// one <see cref="NebiusApiException"/> family. Kiota's Continuous Access Evaluation retry is left out: it
/// answers Microsoft identity challenges that this API does not send.
/// </summary>
internal sealed class NebiusRequestAdapter : IRequestAdapter, Streaming.IEventStreamSender
{
    private readonly HttpClient _httpClient;
    private readonly RequestMessageFactory _messages;
    private readonly SecretRedactor _redactor;
    private readonly ResponseBodies _bodies;

    public NebiusRequestAdapter(HttpClient httpClient, string apiKey, IParseNodeFactory otherParseNodes, ISerializationWriterFactory serializationWriters, SecretRedactor redactor)
    {
        _httpClient = httpClient;
        _messages = new RequestMessageFactory(apiKey, httpClient);
        _bodies = new ResponseBodies(otherParseNodes, redactor);
        _redactor = redactor;
        SerializationWriterFactory = serializationWriters;
    }

    public string? BaseUrl { get; set; }

    /// <summary>Whether inference calls emit the library's GenAI spans and metrics (<see cref="NebiusClientOptions.GenAiTelemetry"/>).</summary>
    public bool GenAiTelemetry { get; init; } = true;

    public ISerializationWriterFactory SerializationWriterFactory { get; }

    /// <summary>Not supported: the generator emits models without a backing store (see the design brief).</summary>
    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory) =>
        throw new NotSupportedException("The generated models of this client have no backing store.");

    public Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        return _messages.Create(requestInfo, BaseUrl!) is T message
            ? Task.FromResult<T?>(message)
            : throw new InvalidOperationException($"Could not convert the request information to a {typeof(T).Name}");
    }

    public async Task<ModelType?> SendAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        // Inference calls get their GenAI span and metrics here, where both the request body and the parsed answer are at hand.
        var call = GenAiCall.Start(requestInfo, BaseUrl, streaming: false, GenAiTelemetry);
        try
        {
            var result = await SendAndReadAsync(requestInfo, errorMapping, root => root.ReadObject(factory), cancellationToken).ConfigureAwait(false);
            call?.OnResponse(result);
            return result;
        }
        catch (ApiException ex) when (ex is not NebiusApiException)
        {
            var translated = ApiExceptionTranslator.Translate(ex, _redactor);
            call?.Fail(translated);
            throw translated;
        }
        catch (Exception ex) when (call is not null)
        {
            call.Fail(ex);
            throw;
        }
        finally
        {
            call?.End();
        }
    }

    public async Task<IEnumerable<ModelType>?> SendCollectionAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        try
        {
            return await SendAndReadAsync(requestInfo, errorMapping, root => root.Node.GetCollectionOfObjectValues(factory), cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex is not NebiusApiException)
        {
            throw ApiExceptionTranslator.Translate(ex, _redactor);
        }
    }

    public async Task<ModelType?> SendPrimitiveAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        try
        {
            if (typeof(ModelType) == typeof(Stream))
            {
                return (ModelType?)(object?)await SendForStreamAsync(requestInfo, errorMapping, cancellationToken).ConfigureAwait(false);
            }

            return await SendAndReadAsync(requestInfo, errorMapping, root => PrimitiveValues.Read<ModelType>(root.Node), cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex is not NebiusApiException)
        {
            throw ApiExceptionTranslator.Translate(ex, _redactor);
        }
    }

    public async Task<IEnumerable<ModelType>?> SendPrimitiveCollectionAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendAndReadAsync(requestInfo, errorMapping, root => root.Node.GetCollectionOfPrimitiveValues<ModelType>(), cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex is not NebiusApiException)
        {
            throw ApiExceptionTranslator.Translate(ex, _redactor);
        }
    }

    public async Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await SendAndReadAsync<object>(requestInfo, errorMapping, read: null, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex is not NebiusApiException)
        {
            throw ApiExceptionTranslator.Translate(ex, _redactor);
        }
    }

    /// <summary>Sends, maps errors, reads the body with <paramref name="read"/> (none when null) and disposes the response.</summary>
    private async Task<T?> SendAndReadAsync<T>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping, Func<ParsedBody, T?>? read, CancellationToken cancellationToken)
    {
        var response = await SendRequestAsync(requestInfo, cancellationToken).ConfigureAwait(false);
        if (ResponseHandlerOf(requestInfo) is { } handler)
        {
            // The handler owns the response from here (Kiota's NativeResponseHandler keeps it for the caller).
            return await handler.HandleResponseAsync<HttpResponseMessage, T>(response, errorMapping).ConfigureAwait(false);
        }

        using (response)
        {
            await _bodies.ThrowIfFailedAsync(response, errorMapping, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                return default;
            }

            using var root = ResponseBodies.HasNoBody(response) ? null : await _bodies.ReadRootAsync(response, cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                // Kiota's shape answers null; a caller that cannot use null asked for an error instead.
                return requestInfo.RequestOptions.Any(o => o is NebiusRequiredBodyOption)
                    ? throw _bodies.Unreadable(response, [], new InvalidDataException("The answer has no body, where the operation returns one."))
                    : default;
            }

            try
            {
                return read(root);
            }
            catch (Exception ex) when (BodyFault.IsReadFailure(ex))
            {
                throw _bodies.Unreadable(response, root.Bytes, ex, root.Start);
            }
        }
    }

    /// <summary>A body the caller reads and disposes (downloads, event streams); null for 204 and empty content.</summary>
    private async Task<Stream?> SendForStreamAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping, CancellationToken cancellationToken)
    {
        var response = await SendRequestAsync(requestInfo, cancellationToken).ConfigureAwait(false);
        if (ResponseHandlerOf(requestInfo) is { } handler)
        {
            return await handler.HandleResponseAsync<HttpResponseMessage, Stream>(response, errorMapping).ConfigureAwait(false);
        }

        try
        {
            await _bodies.ThrowIfFailedAsync(response, errorMapping, cancellationToken).ConfigureAwait(false);
            if (ResponseBodies.HasNoBody(response))
            {
                response.Dispose();
                return null;
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            if (stream.CanSeek && stream.Length == 0)
            {
                response.Dispose();
                return null;
            }

            // Disposing the stream releases the connection; the response object itself holds nothing more.
            return stream;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<Streaming.EventStreamResponse?> SendForEventStreamAsync(RequestInformation request, Dictionary<string, ParsableFactory<IParsable>> errorMapping, CancellationToken cancellationToken)
    {
        var response = await SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await _bodies.ThrowIfFailedAsync(response, errorMapping, cancellationToken).ConfigureAwait(false);
            if (ResponseBodies.HasNoBody(response))
            {
                response.Dispose();
                return null;
            }

            return await Streaming.EventStreamResponse.FromResponseAsync(response, _redactor, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One send: headers only are awaited (the body is read by the caller of this method), the request body
    /// is disposed afterwards, as Kiota does.
    /// </summary>
    private async Task<HttpResponseMessage> SendRequestAsync(RequestInformation requestInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        var inspection = requestInfo.GetRequestOption<HeadersInspectionHandlerOption>();
        try
        {
            using var message = _messages.Create(requestInfo, BaseUrl!);
            RequestMessageFactory.InspectRequest(message, inspection);
            var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            RequestMessageFactory.InspectResponse(response, inspection);
            return response;
        }
        finally
        {
            if (requestInfo.Content is { } content)
            {
                await content.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static IResponseHandler? ResponseHandlerOf(RequestInformation requestInfo) =>
        requestInfo.GetRequestOption<ResponseHandlerOption>()?.ResponseHandler;
}
