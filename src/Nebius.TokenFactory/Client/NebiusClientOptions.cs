namespace Nebius.TokenFactory;

/// <summary>Everything a <see cref="NebiusClient"/> needs: credentials, endpoint, project, deadlines and retries.</summary>
/// <remarks>Bindable from configuration (for example the <c>Nebius</c> section of appsettings.json).</remarks>
public sealed class NebiusClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "NEBIUS_API_KEY";

    /// <summary>The API key sent as <c>Authorization: Bearer …</c>; falls back to <c>NEBIUS_API_KEY</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API host (default <see cref="NebiusEndpoints.Default"/>). A trailing <c>/v1</c>, as OpenAI-style SDKs expect, is accepted and removed.</summary>
    public Uri BaseUrl { get; set; } = NebiusEndpoints.Default;

    /// <summary>The project every request is scoped to (<c>ai_project_id</c>), unless a call sets its own.</summary>
    public string? AiProjectId { get; set; }

    /// <summary>
    /// The overall deadline of one call, retries included. Long by default (10 minutes) because a
    /// non-streaming generation can take minutes; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How failed attempts are retried.</summary>
    public NebiusRetryOptions Retry { get; set; } = new();

    /// <summary>Called before each retry with what failed and how long the client will wait.</summary>
    public Action<NebiusRetryEvent>? OnRetry { get; set; }

    /// <summary>
    /// Whether inference calls emit the library's own GenAI spans and metrics (<see cref="NebiusTelemetry"/>); on by
    /// default, and free while nothing listens. Inside a GenAI span of another library (Microsoft.Extensions.AI's
    /// <c>UseOpenTelemetry()</c>) the client never adds a second span or metric values, only <c>nebius.*</c> facts
    /// on that span; <c>false</c> switches the library's GenAI telemetry off everywhere.
    /// </summary>
    public bool GenAiTelemetry { get; set; } = true;

    /// <summary>Checks the options and returns the resolved settings; throws <see cref="ArgumentException"/> naming the bad option.</summary>
    internal NebiusSettings Resolve() => Resolve(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Resolve()"/>, reading the environment through <paramref name="environment"/> (tests pass a fake one).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2208", Justification = "The exception names the option property at fault, which is what the caller must fix.")]
    internal NebiusSettings Resolve(Func<string, string?> environment)
    {
        var apiKey = string.IsNullOrWhiteSpace(ApiKey) ? environment(ApiKeyEnvironmentVariable) : ApiKey;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException($"No API key: set {nameof(NebiusClientOptions)}.{nameof(ApiKey)} or the {ApiKeyEnvironmentVariable} environment variable.", nameof(ApiKey));
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (AiProjectId is { } project && string.IsNullOrWhiteSpace(project))
        {
            throw new ArgumentException("The project id must not be blank; leave it null to send none.", nameof(AiProjectId));
        }

        (Retry ?? throw new ArgumentNullException(nameof(Retry))).Validate();
        return new NebiusSettings(apiKey.Trim(), NebiusEndpoints.Normalize(BaseUrl, nameof(BaseUrl)), AiProjectId, Timeout, Retry.Clone(), OnRetry, GenAiTelemetry);
    }
}

/// <summary>An immutable snapshot of validated options, taken when a client is built.</summary>
internal sealed record NebiusSettings(string ApiKey, Uri BaseUrl, string? AiProjectId, TimeSpan Timeout, NebiusRetryOptions Retry, Action<NebiusRetryEvent>? OnRetry, bool GenAiTelemetry = true)
{
    /// <summary>Never print the key.</summary>
    public override string ToString() => $"NebiusSettings {{ BaseUrl = {BaseUrl}, AiProjectId = {AiProjectId}, Timeout = {Timeout} }}";
}
