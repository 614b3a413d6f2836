using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nebius.TokenFactory.Fuzz.Server;

/// <summary>
/// A Kestrel server on 127.0.0.1 (random port) that answers every request with the <see cref="Answer"/> set last.
/// Real sockets, so chunked transfer, flushes between writes and reset connections reach the client as they would
/// from a proxy or a failing upstream. One call at a time: a harness owns one server and one client.
/// </summary>
internal sealed class FuzzServer : IAsyncDisposable
{
    /// <summary>How long the server waits between its last write and the reset, so the written bytes reach the client first.</summary>
    private static readonly TimeSpan AbortGrace = TimeSpan.FromMilliseconds(25);

    private readonly WebApplication _app;
    private int _requests;
    private volatile Answer _next = new(200, "application/json", "{}"u8.ToArray(), [2], AbortAfterBody: false);

    private FuzzServer(WebApplication app) => _app = app;

    /// <summary>Where the client sends its requests.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests answered so far (a call that sent none shows here).</summary>
    public int Requests => _requests;

    public static async Task<FuzzServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FuzzServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>Sets the answer to the next requests.</summary>
    public void AnswerWith(Answer answer) => _next = answer;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var answer = _next;
        var aborted = context.RequestAborted;
        try
        {
            // Read the request to its end first: an upload must not be answered while it is still being sent.
            await context.Request.Body.CopyToAsync(Stream.Null, aborted).ConfigureAwait(false);
            var response = context.Response;
            response.StatusCode = answer.Status;
            if (answer.ContentType is not null)
            {
                response.ContentType = answer.ContentType;
            }

            response.Headers["x-request-id"] = Answer.RequestId;
            foreach (var (name, value) in answer.Headers)
            {
                response.Headers[name] = value;
            }

            // The headers go out before the body, so a reset below is a body that broke off, not an answer without a status line.
            await response.StartAsync(aborted).ConfigureAwait(false);
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            var offset = 0;
            foreach (var size in answer.Chunks)
            {
                await response.Body.WriteAsync(answer.Body.AsMemory(offset, size), aborted).ConfigureAwait(false);
                await response.Body.FlushAsync(aborted).ConfigureAwait(false);
                offset += size;
            }

            if (answer.AbortAfterBody)
            {
                // A flush hands the bytes to the transport, not to the wire, and an abort drops what the transport still
                // holds: without this pause the client may lose even the status line, and the case would test a
                // connection reset before any answer (HttpRequestException, documented) instead of a body that broke off.
                await Task.Delay(AbortGrace, aborted).ConfigureAwait(false);
                context.Abort();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client stopped reading (an error status it does not read to the end, a stream it gave up on): nothing to send to.
        }
    }
}
