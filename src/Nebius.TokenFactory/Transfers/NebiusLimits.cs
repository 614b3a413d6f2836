namespace Nebius.TokenFactory;

/// <summary>The documented limits the client checks before (or while) sending, so a doomed upload fails early.</summary>
public static class NebiusLimits
{
    /// <summary>Largest batch input file: 10 GB (batch-inference guide). Counted as GiB, the looser reading, so nothing the server takes is refused here.</summary>
    public const long BatchInputFileMaxBytes = 10L * 1024 * 1024 * 1024;

    /// <summary>Most requests (lines) in one batch input file: 5,000,000 (batch-inference guide).</summary>
    public const int BatchInputMaxLines = 5_000_000;

    /// <summary>
    /// Largest fine-tuning dataset file. The guides disagree (5 GB on the datasets page, 20 GB on the
    /// post-training pages); the client enforces the looser 20 GiB and leaves the stricter rule to the server.
    /// </summary>
    public const long FineTuneFileMaxBytes = 20L * 1024 * 1024 * 1024;

    /// <summary>The only completion window the batch API accepts.</summary>
    public const string BatchCompletionWindow = "24h";
}
