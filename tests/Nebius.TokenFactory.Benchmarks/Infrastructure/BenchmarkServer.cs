using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nebius.TokenFactory.Benchmarks.Infrastructure;

/// <summary>One canned answer: the bytes every contender receives for a path.</summary>
/// <param name="ContentType">The response's content type.</param>
/// <param name="Body">The response body, built once.</param>
/// <param name="Chunked">Send without Content-Length (as SSE servers do), so the client reads a chunked body.</param>
/// <param name="DrainRequest">Read the whole request body first (of any size) and count its bytes, as an upload endpoint would.</param>
public sealed record CannedResponse(string ContentType, byte[] Body, bool Chunked = false, bool DrainRequest = false);

/// <summary>
/// Kestrel on 127.0.0.1 with a random port that answers each known path with pre-built bytes and
/// everything else with 404. Unlike the test suite's LoopbackServer it keeps no request journal: the
/// journal copies every body and header per request, and MemoryDiagnoser counts the whole process,
/// so that cost would be charged to every contender and blur the ratios.
/// </summary>
public sealed class BenchmarkServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, CannedResponse> _routes;

    private BenchmarkServer(WebApplication app, Dictionary<string, CannedResponse> routes)
    {
        _app = app;
        _routes = routes;
    }

    private long _bytesDrained;

    /// <summary>Request body bytes read by routes with <see cref="CannedResponse.DrainRequest"/>, in all.</summary>
    public long BytesDrained => Interlocked.Read(ref _bytesDrained);

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Starts a server answering the given paths (e.g. <c>/v1/models</c>).</summary>
    public static async Task<BenchmarkServer> StartAsync(IReadOnlyDictionary<string, CannedResponse> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o =>
        {
            o.AddServerHeader = false;
            // Plain-text loopback: HTTP/1.1 for every contender, so all of them go through the same protocol.
            o.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new BenchmarkServer(app, new Dictionary<string, CannedResponse>(routes, StringComparer.Ordinal));
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private Task HandleAsync(HttpContext context)
    {
        if (!_routes.TryGetValue(context.Request.Path.Value ?? string.Empty, out var canned))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (canned.DrainRequest)
        {
            return DrainThenAnswerAsync(context, canned);
        }

        // The request body is left to Kestrel, which drains it after the response.
        return AnswerAsync(context, canned);
    }

    private async Task DrainThenAnswerAsync(HttpContext context, CannedResponse canned)
    {
        // Uploads are larger than Kestrel's 30 MB default limit; the bytes are counted and dropped.
        var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = null;
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                Interlocked.Add(ref _bytesDrained, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        await AnswerAsync(context, canned).ConfigureAwait(false);
    }

    private static Task AnswerAsync(HttpContext context, CannedResponse canned)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = canned.ContentType;
        if (!canned.Chunked)
        {
            context.Response.ContentLength = canned.Body.Length;
        }

        return context.Response.Body.WriteAsync(canned.Body, context.RequestAborted).AsTask();
    }
}
