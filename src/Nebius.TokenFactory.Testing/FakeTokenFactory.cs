using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nebius.TokenFactory.Testing;

/// <summary>
/// A fake Nebius Token Factory listening on 127.0.0.1 with a random port, serving every operation of the contract.
/// It answers the inference endpoints with scripted text (as JSON or, for chat and completions, as an SSE stream),
/// keeps files, batches, fine-tuning jobs, datasets and their uploads, Data Lab operations, custom models and
/// dedicated endpoints in memory (the long-running ones move on one state per read), validates requests the way
/// the real API does (422 with <c>detail</c>),
/// and can be told to fail the next requests. Every request lands in <see cref="Journal"/>.
/// </summary>
/// <example>
/// <code>
/// await using var fake = await FakeTokenFactory.StartAsync();
/// fake.ChatReply = "Paris.";
/// using var client = new NebiusClient(new NebiusClientOptions { ApiKey = "test", BaseUrl = fake.BaseUrl });
/// </code>
/// </example>
public sealed class FakeTokenFactory : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeFault> _faults = new();

    private FakeTokenFactory(WebApplication app) => _app = app;

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:50123</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<FakeRequest> Journal { get; } = new();

    /// <summary>The text chat and text completions answer with (streams split it into words).</summary>
    public string ChatReply { get; set; } = "Hello from the fake Token Factory.";

    /// <summary>Scripted assistant turns: each chat request takes the next one; when none is left, chat answers with <see cref="ChatReply"/>.</summary>
    public ConcurrentQueue<FakeChatTurn> ChatTurns { get; } = new();

    /// <summary>
    /// The states a batch passes through, one per read; the last is final. The default follows the docs
    /// (validating, in_progress, completed); the real API's own names are validating, validated, running, done.
    /// </summary>
    public IReadOnlyList<string> BatchStates
    {
        get => State.BatchStates;
        set => State.BatchStates = value is { Count: > 0 } ? [.. value] : throw new ArgumentException("At least one state is needed.", nameof(value));
    }

    /// <summary>Each batch line's answer from the line's last user message; <see cref="ChatReply"/> for every line when null.</summary>
    public Func<string, string>? BatchReply { get; set; }

    /// <summary>Decides which batch lines fail: given a <c>custom_id</c>, an error message puts the line in the error file; null lets it succeed.</summary>
    public Func<string, string?>? BatchLineFailure { get; set; }

    /// <summary>Models the fake serves.</summary>
    public IList<string> Models { get; } = ["meta-llama/Meta-Llama-3.1-8B-Instruct", "Qwen/Qwen3-235B-A22B", "BAAI/bge-en-icl"];

    /// <summary>Files uploaded so far, by id.</summary>
    public ConcurrentDictionary<string, FakeFile> Files { get; } = new();

    internal FakeState State { get; } = new();

    internal FakeManagedState Managed { get; } = new();

    /// <summary>
    /// The states a fine-tuning job passes through, one per read of the job; the last one is final. The default
    /// ends in <c>succeeded</c> (with checkpoints); end it in <c>failed</c> to test how a failure is handled.
    /// </summary>
    public IReadOnlyList<string> FineTuningStates
    {
        get => Managed.FineTuningStates;
        set => Managed.FineTuningStates = value is { Count: > 0 } ? [.. value] : throw new ArgumentException("At least one state is needed.", nameof(value));
    }

    /// <summary>
    /// The states a Data Lab operation passes through, one per read; the last one is final (default queued, running,
    /// succeeded). A cancel ends an unfinished operation in <c>cancelled</c>.
    /// </summary>
    public IReadOnlyList<string> OperationStates
    {
        get => State.OperationStates;
        set => State.OperationStates = value is { Count: > 0 } ? [.. value] : throw new ArgumentException("At least one state is needed.", nameof(value));
    }

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeTokenFactory> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(System.Net.IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = null; // uploads of any size, as the real API takes 10 GB files
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTokenFactory(app);
        app.Use(fake.RecordAndInjectAsync);
        FakeRoutes.Map(app, fake);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address);
        return fake;
    }

    /// <summary>Makes the next matching request fail (faults are used once each, in order).</summary>
    /// <param name="fault">What to send instead of the normal answer.</param>
    public void Inject(FakeFault fault) => _faults.Enqueue(fault ?? throw new ArgumentNullException(nameof(fault)));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RecordAndInjectAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        byte[] body = [];
        if (!context.Request.HasFormContentType) // multipart bodies can be huge; the route reads them as a stream
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
            context.Request.Body.Position = 0;
        }

        Journal.Enqueue(new FakeRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            System.Text.Encoding.UTF8.GetString(body))
        {
            RawBody = body,
        });

        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await FakeJson.Write(context, 401, new System.Text.Json.Nodes.JsonObject { ["detail"] = "Not authenticated" }).ConfigureAwait(false);
            return;
        }

        if (_faults.TryPeek(out var fault) && fault.Matches(context.Request.Path.Value) && _faults.TryDequeue(out fault))
        {
            await fault.ApplyAsync(context, next).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}

/// <summary>One request as the fake received it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path, e.g. <c>/v1/models</c>.</param>
/// <param name="Query">Query string including <c>?</c>, or empty.</param>
/// <param name="Headers">Headers by case-insensitive name.</param>
/// <param name="Body">The body text (empty for multipart uploads).</param>
public sealed record FakeRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The body's exact bytes (empty for multipart uploads), e.g. the raw bytes of a dataset part.</summary>
    public ReadOnlyMemory<byte> RawBody { get; init; }
}

/// <summary>An uploaded file held by the fake.</summary>
/// <param name="Id">File id.</param>
/// <param name="FileName">Name given at upload.</param>
/// <param name="Purpose">Purpose given at upload.</param>
/// <param name="Content">The bytes.</param>
/// <param name="CreatedAt">Unix seconds.</param>
public sealed record FakeFile(string Id, string FileName, string Purpose, byte[] Content, long CreatedAt);
