using Nebius.TokenFactory;
using Nebius.TokenFactory.Testing;

namespace Nebius.Cli;

/// <summary>
/// A client for the command: the real API when a key is given (option or <c>NEBIUS_API_KEY</c>), otherwise
/// the built-in fake on a loopback port, announced on stderr so nobody mistakes it for the real thing.
/// </summary>
internal sealed class ClientSession : IAsyncDisposable
{
    private readonly FakeTokenFactory? _fake;

    private ClientSession(NebiusClient client, FakeTokenFactory? fake)
    {
        Client = client;
        _fake = fake;
    }

    public NebiusClient Client { get; }

    public bool IsFake => _fake is not null;

    public static async Task<ClientSession> OpenAsync(CliArguments arguments, TextWriter notices, CancellationToken cancellationToken)
    {
        var apiKey = arguments.Option("--api-key", "NEBIUS_API_KEY");
        var baseUrl = arguments.Option("--base-url", "NEBIUS_BASE_URL");
        var project = arguments.Option("--project", "NEBIUS_AI_PROJECT_ID");
        FakeTokenFactory? fake = null;
        if (apiKey is null)
        {
            fake = await FakeTokenFactory.StartAsync(cancellationToken).ConfigureAwait(false);
            await notices.WriteLineAsync($"No NEBIUS_API_KEY: using the built-in fake Token Factory at {fake.BaseUrl} (set the key to call the real API).").ConfigureAwait(false);
            apiKey = "fake-key";
            baseUrl = fake.BaseUrl.ToString();
        }

        try
        {
            var options = new NebiusClientOptions { ApiKey = apiKey, AiProjectId = project };
            if (baseUrl is not null)
            {
                options.BaseUrl = new Uri(baseUrl, UriKind.Absolute);
            }

            return new ClientSession(new NebiusClient(options), fake);
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException)
        {
            if (fake is not null)
            {
                await fake.DisposeAsync().ConfigureAwait(false);
            }

            throw new CliUsageException(ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_fake is not null)
        {
            await _fake.DisposeAsync().ConfigureAwait(false);
        }
    }
}
