namespace Nebius.TokenFactory.AI;

/// <summary>
/// A client for one call, with whatever must be released after it. Under DI the client is a transient from a
/// scope of its own, so the container does not keep every per-call client until it is itself disposed.
/// </summary>
internal readonly struct ClientLease(NebiusClient client, IDisposable? owner) : IDisposable
{
    public NebiusClient Client => client;

    public void Dispose() => owner?.Dispose();
}
