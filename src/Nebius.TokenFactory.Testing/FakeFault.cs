using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>A failure the fake sends instead of its normal answer (see <see cref="FakeTokenFactory.Inject"/>).</summary>
public abstract class FakeFault
{
    /// <summary>Only requests whose path starts with this are affected; null for any request (see <see cref="On"/>).</summary>
    public string? PathPrefix { get; private set; }

    /// <summary>Limits the fault to requests whose path starts with <paramref name="pathPrefix"/>; other requests pass it by.</summary>
    /// <param name="pathPrefix">E.g. <c>/v1/datasets/uploads/</c> for the calls on one open upload.</param>
    /// <returns>This fault.</returns>
    public FakeFault On(string pathPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathPrefix);
        PathPrefix = pathPrefix;
        return this;
    }

    /// <summary>A status with a FastAPI-style <c>detail</c> body, e.g. 429 with <c>Retry-After</c> or 503.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="detail">The <c>detail</c> text.</param>
    /// <param name="retryAfterSeconds">A <c>Retry-After</c> header, if any.</param>
    public static FakeFault Status(int status, string detail = "Injected failure", int? retryAfterSeconds = null) => new StatusFault(status, detail, retryAfterSeconds);

    /// <summary>An HTML error page, as a proxy in front of the API would send.</summary>
    /// <param name="status">The HTTP status.</param>
    public static FakeFault HtmlPage(int status = 502) => new HtmlFault(status);

    /// <summary>Waits before answering normally... never: the connection is held, then dropped.</summary>
    /// <param name="delay">How long to hold the request before dropping it.</param>
    public static FakeFault Hang(TimeSpan delay) => new HangFault(delay);

    internal bool Matches(string? path) => PathPrefix is null || (path ?? string.Empty).StartsWith(PathPrefix, StringComparison.Ordinal);

    /// <summary>Holds the request for <paramref name="delay"/>, then answers normally: a slow first byte.</summary>
    /// <param name="delay">How long nothing is sent.</param>
    public static FakeFault SlowFirstByte(TimeSpan delay) => new SlowFirstByteFault(delay);

    /// <summary>Answers normally but drops the connection after <paramref name="frames"/> server-sent events of a stream.</summary>
    /// <param name="frames">How many complete <c>data:</c> frames get through before the disconnect.</param>
    public static FakeFault DisconnectMidStream(int frames = 2) => new StreamFault(CheckFrames(frames), StreamFaultKind.Disconnect, malformedFrame: null);

    /// <summary>
    /// Answers normally but stops sending after <paramref name="frames"/> server-sent events of a stream and holds the
    /// connection open, sending nothing more, until the client goes away or the fake stops: a model that stalls
    /// mid-answer, or a slow stream a user interrupts.
    /// </summary>
    /// <param name="frames">How many complete <c>data:</c> frames get through before the stall.</param>
    public static FakeFault StallMidStream(int frames = 1) => new StreamFault(CheckFrames(frames), StreamFaultKind.Stall, malformedFrame: null);

    /// <summary>Answers normally but slips a frame whose JSON is broken into a stream after <paramref name="frames"/> good frames.</summary>
    /// <param name="frames">How many good frames come first.</param>
    /// <param name="frame">The broken frame, sent as is (a blank line ends it).</param>
    public static FakeFault MalformedFrame(int frames = 1, string frame = "data: {\"id\": \"chatcmpl-broken\", \"choices\": [") =>
        new StreamFault(CheckFrames(frames), StreamFaultKind.Malform, frame ?? throw new ArgumentNullException(nameof(frame)));

    /// <summary>
    /// Lets the request do its work (a part is stored, a resource created), then answers a 502 instead of the real
    /// answer: the client never learns what the server did, the case that makes a non-idempotent call unsafe to repeat.
    /// </summary>
    public static FakeFault LoseAnswer() => new LostAnswerFault();

    internal abstract Task ApplyAsync(HttpContext context, RequestDelegate next);

    private static int CheckFrames(int frames, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(frames))] string? name = null) =>
        frames >= 0 ? frames : throw new ArgumentOutOfRangeException(name, frames, "The number of frames cannot be negative.");

    private sealed class StatusFault(int status, string detail, int? retryAfter) : FakeFault
    {
        internal override Task ApplyAsync(HttpContext context, RequestDelegate next)
        {
            if (retryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return FakeJson.Write(context, status, new JsonObject { ["detail"] = detail });
        }
    }

    private sealed class LostAnswerFault : FakeFault
    {
        internal override async Task ApplyAsync(HttpContext context, RequestDelegate next)
        {
            var original = context.Response.Body;
            using var discarded = new MemoryStream();
            context.Response.Body = discarded;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = original;
            }

            context.Response.Clear();
            await FakeJson.Write(context, 502, new JsonObject { ["detail"] = "The answer was lost on the way back" }).ConfigureAwait(false);
        }
    }

    private sealed class HtmlFault(int status) : FakeFault
    {
        internal override Task ApplyAsync(HttpContext context, RequestDelegate next)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync($"<html><body><h1>{status} Bad Gateway</h1></body></html>", context.RequestAborted);
        }
    }

    private sealed class HangFault(TimeSpan delay) : FakeFault
    {
        internal override async Task ApplyAsync(HttpContext context, RequestDelegate next)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            context.Abort();
        }
    }

    private sealed class SlowFirstByteFault(TimeSpan delay) : FakeFault
    {
        internal override async Task ApplyAsync(HttpContext context, RequestDelegate next)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await next(context).ConfigureAwait(false);
        }
    }

    private sealed class StreamFault(int frames, StreamFaultKind kind, string? malformedFrame) : FakeFault
    {
        internal override async Task ApplyAsync(HttpContext context, RequestDelegate next)
        {
            var original = context.Response.Body;
            await using var intercepting = new FrameInterceptingStream(original, context, frames, kind, malformedFrame);
            context.Response.Body = intercepting;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (intercepting.Disconnected || (kind == StreamFaultKind.Stall && context.RequestAborted.IsCancellationRequested))
            {
                // The handler noticed the dropped connection (or, for a stall, the client leaving); that is the point of the fault.
            }
            finally
            {
                context.Response.Body = original;
            }
        }
    }
}
