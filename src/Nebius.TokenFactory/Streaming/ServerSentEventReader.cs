using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Http;
using Nebius.TokenFactory.Telemetry;

namespace Nebius.TokenFactory.Streaming;

/// <summary>
/// Sends a streaming request through the client's normal pipeline (auth, project scope, retries before
/// the first byte, typed HTTP errors) and yields each chunk as soon as its frame arrives. Frames are cut by
/// <see cref="SseParser"/>; the enumeration ends at <c>[DONE]</c>, raises the typed error of an error frame,
/// and raises <see cref="NebiusStreamEndedException"/> when the connection ends without the terminator.
/// </summary>
internal static class ServerSentEventReader
{
    public static IAsyncEnumerable<T> ReadAsync<T>(
        IRequestAdapter adapter,
        RequestInformation request,
        Dictionary<string, ParsableFactory<IParsable>> errorMapping,
        ParsableFactory<T> factory,
        CancellationToken cancellationToken)
        where T : IParsable =>
        GenAiCall.Wanted(TelemetryEnabled(adapter))
            ? ReadWithTelemetryAsync(adapter, request, errorMapping, factory, cancellationToken)
            : ReadFramesAsync(adapter, request, errorMapping, factory, cancellationToken);

    private static bool TelemetryEnabled(IRequestAdapter adapter) => adapter is not IEventStreamSender { GenAiTelemetry: false };

    /// <summary>
    /// The stream inside its GenAI span: started before the request is sent (so the HTTP spans and retry events
    /// belong to it), timed per chunk, and ended when the stream ends, fails, or the caller stops early.
    /// </summary>
    private static async IAsyncEnumerable<T> ReadWithTelemetryAsync<T>(
        IRequestAdapter adapter,
        RequestInformation request,
        Dictionary<string, ParsableFactory<IParsable>> errorMapping,
        ParsableFactory<T> factory,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IParsable
    {
        var parent = Activity.Current;
        var call = GenAiCall.Start(request, adapter.BaseUrl, streaming: true, TelemetryEnabled(adapter));
        var chunks = ReadFramesAsync(adapter, request, errorMapping, factory, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await chunks.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (call is not null)
                {
                    call.Fail(ex);
                    throw;
                }
                finally
                {
                    // The caller's code between chunks is not part of the call: it runs under the caller's activity.
                    Activity.Current = parent;
                }

                if (!more)
                {
                    break;
                }

                call?.OnChunk(chunks.Current);
                yield return chunks.Current;
            }
        }
        finally
        {
            await chunks.DisposeAsync().ConfigureAwait(false);
            call?.End();
        }
    }

    private static async IAsyncEnumerable<T> ReadFramesAsync<T>(
        IRequestAdapter adapter,
        RequestInformation request,
        Dictionary<string, ParsableFactory<IParsable>> errorMapping,
        ParsableFactory<T> factory,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IParsable
    {
        var response = await (adapter is IEventStreamSender sender
                ? sender.SendForEventStreamAsync(request, errorMapping, cancellationToken)
                : EventStreamResponse.SendThroughAsync(adapter, request, errorMapping, cancellationToken)).ConfigureAwait(false)
            ?? throw new NebiusStreamEndedException("The server answered the stream request without a body.", 0, requestId: null);

        // Disposing the response releases the connection: breaking out of the loop or cancelling stops the download at once.
        await using (response.ConfigureAwait(false))
        {
            var stream = response.Body;
            var received = 0;
            var parser = SseParser.Create(stream, (eventType, data) => SseFrameParser.Parse(eventType, data, factory, response.Redactor, response.Headers));
            var frames = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (frames.ConfigureAwait(false))
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await frames.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                    {
                        throw new NebiusStreamEndedException($"The connection broke after {received} chunk(s), before the [DONE] terminator.", received, response.RequestId, ex) { StatusCode = response.StatusCode };
                    }

                    if (!more)
                    {
                        throw new NebiusStreamEndedException($"The stream ended after {received} chunk(s) without the [DONE] terminator; the answer is incomplete.", received, response.RequestId) { StatusCode = response.StatusCode };
                    }

                    var frame = frames.Current.Data;
                    switch (frame.Kind)
                    {
                        case SseFrameKind.Done:
                            yield break;
                        case SseFrameKind.Error:
                            throw NebiusApiException.Create(frame.Error!);
                        case SseFrameKind.Malformed:
                            throw MalformedFrame(frame, received, response);
                        case SseFrameKind.Chunk:
                            received++;
                            yield return frame.Chunk!;
                            break;
                        case SseFrameKind.Empty:
                        default:
                            break;
                    }
                }
            }
        }
    }

    private static NebiusStreamFormatException MalformedFrame<T>(SseFrame<T> frame, int received, EventStreamResponse response)
        where T : IParsable
    {
        var fault = frame.Fault.GetValueOrDefault();
        var what = $"Frame {received + 1} of the stream (after {received} chunk(s)) could not be read";
        return new NebiusStreamFormatException(BodyFaultText.Describe(what, response.Redactor?.Redact(fault.Reason) ?? fault.Reason, response.ContentType, fault.ByteOffset, fault.Excerpt, requestId: null), received, response.RequestId, frame.Cause)
        {
            StatusCode = response.StatusCode,
            ContentType = response.ContentType,
            ByteOffset = fault.ByteOffset,
            Excerpt = fault.Excerpt,
        };
    }
}
