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
public sealed record CannedResponse(string ContentType, byte[] Body, bool Chunked = false);

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

        // The request body is left to Kestrel, which drains it after the response.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = canned.ContentType;
        if (!canned.Chunked)
        {
            context.Response.ContentLength = canned.Body.Length;
        }

        return context.Response.Body.WriteAsync(canned.Body, context.RequestAborted).AsTask();
    }
}
