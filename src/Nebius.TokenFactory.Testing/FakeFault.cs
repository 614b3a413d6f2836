using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>A failure the fake sends instead of its normal answer (see <see cref="FakeTokenFactory.Inject"/>).</summary>
public abstract class FakeFault
{
    /// <summary>Only requests whose path starts with this are affected; null for any request.</summary>
    public string? PathPrefix { get; init; }

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

    internal abstract Task ApplyAsync(HttpContext context);

    private sealed class StatusFault(int status, string detail, int? retryAfter) : FakeFault
    {
        internal override Task ApplyAsync(HttpContext context)
        {
            if (retryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return FakeJson.Write(context, status, new JsonObject { ["detail"] = detail });
        }
    }

    private sealed class HtmlFault(int status) : FakeFault
    {
        internal override Task ApplyAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync($"<html><body><h1>{status} Bad Gateway</h1></body></html>", context.RequestAborted);
        }
    }

    private sealed class HangFault(TimeSpan delay) : FakeFault
    {
        internal override async Task ApplyAsync(HttpContext context)
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
}
