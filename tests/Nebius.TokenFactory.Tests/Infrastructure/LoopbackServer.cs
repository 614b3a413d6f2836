using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nebius.TokenFactory.Tests.Infrastructure;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a random port, answering every request through a scripted
/// handler and keeping a journal of what it received. Real sockets, so timing and disconnects are real.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private Func<HttpContext, RecordedRequest, Task> _handler = (context, _) => Json(context, 200, "{}");
    private Func<HttpContext, Task>? _streamingHandler;

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<RecordedRequest> Journal { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>Replaces the handler; it sees the context and the recorded request (body already read).</summary>
    public void Respond(Func<HttpContext, RecordedRequest, Task> handler) => _handler = handler;

    /// <summary>
    /// Replaces the handler with one that reads the request body itself (the journal records it with an
    /// empty body and no size limit applies): for uploads too large to hold in memory.
    /// </summary>
    public void RespondStreaming(Func<HttpContext, Task> handler) => _streamingHandler = handler;

    /// <summary>Answers every request with the same status, JSON body and headers.</summary>
    public void RespondJson(int status, string json, params (string Name, string Value)[] headers) =>
        Respond((context, _) => Json(context, status, json, headers));

    public static Task Json(HttpContext context, int status, string json, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    /// <summary>Answers every request only after <paramref name="delay"/> (or never, if the client gives up first).</summary>
    public void RespondSlowly(TimeSpan delay) =>
        Respond(async (context, _) =>
        {
            await Task.Delay(delay, context.RequestAborted);
            await Json(context, 200, "{}");
        });

    /// <summary>Starts a text/event-stream response (headers are flushed at once).</summary>
    public static async Task BeginEventStream(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>Writes one raw SSE block (e.g. <c>data: {...}</c>) followed by the blank line, and flushes it.</summary>
    public static async Task WriteEvent(HttpContext context, string block)
    {
        await context.Response.WriteAsync(block + "\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (_streamingHandler is { } streaming)
        {
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
            Journal.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                string.Empty));
            await streaming(context);
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        Journal.Enqueue(recorded);
        await _handler(context, recorded);
    }
}

/// <summary>One request as the server saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The value of a query parameter, or null.</summary>
    public string? QueryValue(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var values) ? values.ToString() : null;
}
