using Nebius.TokenFactory;

namespace Nebius.ContractCheck.Probe;

/// <summary>
/// One read-only call of the drift checks: the live probe sends it as raw HTTP (to see the bytes the API
/// answers), <c>record</c> and the replay tests send it through the shipped <see cref="NebiusClient"/> (to see
/// that the client reads those bytes). <see cref="All"/> is the one list both use.
/// </summary>
/// <param name="Method">The HTTP method, as the spec's path item names it in upper case.</param>
/// <param name="Path">The path as written in the spec (these calls have no path parameters).</param>
/// <param name="ThroughClient">The same call made with the generated request builders; returns the parsed model.</param>
internal sealed record ReadOnlyCall(string Method, string Path, Func<NebiusClient, CancellationToken, Task<object?>> ThroughClient)
{
    public static IReadOnlyList<ReadOnlyCall> All { get; } =
    [
        new("GET", "/v1/models", async (client, token) => await client.V1.Models.GetAsync(cancellationToken: token).ConfigureAwait(false)),
        new("GET", "/v1/files", async (client, token) => await client.V1.Files.GetAsync(cancellationToken: token).ConfigureAwait(false)),
        new("GET", "/v1/batches", async (client, token) => await client.V1.Batches.GetAsync(cancellationToken: token).ConfigureAwait(false)),
        new("GET", "/v1/fine_tuning/jobs", async (client, token) => await client.V1.FineTuning.Jobs.GetAsync(cancellationToken: token).ConfigureAwait(false)),
        new("GET", "/v0/models", async (client, token) => await client.V0.Models.GetAsync(cancellationToken: token).ConfigureAwait(false)),
        new("GET", "/v0/dedicated_endpoints", async (client, token) => await client.V0.DedicatedEndpoints.GetAsync(cancellationToken: token).ConfigureAwait(false)),
    ];

    /// <summary><c>GET /v1/models</c>: how reports and findings name the call.</summary>
    public string Name => $"{Method} {Path}";

    /// <summary>The call a recorded request was made by, or null when no call of the list has that method and path.</summary>
    public static ReadOnlyCall? Find(string method, string path) =>
        All.FirstOrDefault(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Path, path, StringComparison.Ordinal));
}
