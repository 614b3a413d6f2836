using System.Text;
using Nebius.TokenFactory;
using Nebius.TokenFactory.Testing;

namespace Nebius.Cli;

/// <summary>
/// A client for the command: the real API with the key given, or the built-in fake on a loopback port when it
/// was asked for (<c>--fake</c>, <c>NEBIUS_FAKE=1</c>) or, for a command that allows it, when no key is given;
/// the fake is announced on stderr so nobody mistakes it for the real thing. Without a key and without the fake
/// the command stops with exit code 2 before anything runs (a CI job whose secret is missing must not pass on fake data).
/// </summary>
internal sealed class ClientSession : IAsyncDisposable
{
    /// <summary>A training file the built-in fake holds, so <c>fine-tune create</c> can be tried offline.</summary>
    public const string SampleTrainingFileId = "file-sample-training";

    private readonly FakeTokenFactory? _fake;

    private ClientSession(NebiusClient client, FakeTokenFactory? fake)
    {
        Client = client;
        _fake = fake;
    }

    public NebiusClient Client { get; }

    public bool IsFake => _fake is not null;

    public static async Task<ClientSession> OpenAsync(string? apiKey, bool fakeAsked, bool offlineWithoutKey, string? baseUrl, string? project, TextWriter notices, CancellationToken cancellationToken)
    {
        if (apiKey is null && !fakeAsked && !offlineWithoutKey)
        {
            throw new CliUsageException("no API key: set NEBIUS_API_KEY or pass --api-key-file <path>; --fake runs against the built-in fake instead.", showHelp: false);
        }

        FakeTokenFactory? fake = null;
        if (fakeAsked || apiKey is null)
        {
            fake = await FakeTokenFactory.StartAsync(cancellationToken).ConfigureAwait(false);
            fake.Files[SampleTrainingFileId] = new FakeFile(
                SampleTrainingFileId,
                "sample-training.jsonl",
                "fine-tune",
                Encoding.UTF8.GetBytes("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello!\"}]}\n"),
                DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            var why = fakeAsked ? "--fake" : "no NEBIUS_API_KEY";
            await notices.WriteLineAsync($"{why}: using the built-in fake Token Factory at {fake.BaseUrl}, not the real API.").ConfigureAwait(false);
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
