using Nebius.TokenFactory.Fuzz.Server;

namespace Nebius.TokenFactory.Fuzz.Client;

/// <summary>
/// One loopback server and one client of it: runs a case (sets the answer, makes the call) and says how the call
/// ended, with a watchdog so a call that never ends is reported instead of waited on. One case at a time.
/// </summary>
internal sealed class FuzzHarness : IAsyncDisposable
{
    /// <summary>The client's own deadline: a few seconds, far above what a loopback answer takes.</summary>
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The watchdog: past the client's deadline with room for a loaded machine, so only a call that ignores its deadline trips it.</summary>
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private readonly FuzzServer _server;

    private FuzzHarness(FuzzServer server, FuzzClient client)
    {
        _server = server;
        Client = client;
    }

    public FuzzClient Client { get; }

    /// <summary>Requests the server has answered: one per case, since the client does not retry.</summary>
    public int Requests => _server.Requests;

    public static async Task<FuzzHarness> StartAsync()
    {
        var server = await FuzzServer.StartAsync().ConfigureAwait(false);
        return new FuzzHarness(server, new FuzzClient(FuzzClient.Options(server.BaseUrl, ClientTimeout)));
    }

    public async Task<Outcome> RunAsync(FuzzCase fuzzCase)
    {
        _server.AnswerWith(fuzzCase.Answer);
        using var abandon = new CancellationTokenSource();
        // Task.Run: a call that blocks or throws synchronously is caught by the watchdog all the same.
        var call = Task.Run(() => fuzzCase.Call.Invoke(Client, abandon.Token), CancellationToken.None);
        if (await Task.WhenAny(call, Task.Delay(Watchdog, CancellationToken.None)).ConfigureAwait(false) != call)
        {
            await abandon.CancelAsync().ConfigureAwait(false);
            _ = call.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return Outcome.Hang();
        }

        try
        {
            return Outcome.Of(await call.ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return Outcome.Of(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
    }
}
