using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Fuzz.Client;

/// <summary>
/// The shipped <see cref="NebiusClient"/>, unchanged, plus access to the serialization writers of its request adapter,
/// so a model read from an answer can be written exactly as the client would send it back.
/// </summary>
internal sealed class FuzzClient(NebiusClientOptions options) : NebiusClient(options)
{
    /// <summary>The writer factory the client serializes request bodies with.</summary>
    public ISerializationWriterFactory Writers => RequestAdapter.SerializationWriterFactory;

    /// <summary>
    /// Options for fuzzing: no retries (each case is exactly one request, and a retried 5xx would only repeat the same
    /// answer), and a deadline of <paramref name="timeout"/> so a stalled call ends in the client's own TimeoutException.
    /// </summary>
    public static NebiusClientOptions Options(Uri baseUrl, TimeSpan timeout) => new()
    {
        ApiKey = "nb-fuzz-key",
        BaseUrl = baseUrl,
        Timeout = timeout,
        Retry = new NebiusRetryOptions { MaxRetries = 0 },
        GenAiTelemetry = false,
    };
}
