namespace Nebius.TokenFactory;

/// <summary>How a multipart dataset upload cuts and sends its parts.</summary>
public sealed class DatasetUploadOptions
{
    /// <summary>The smallest part size accepted here (64 KiB).</summary>
    public const int MinPartSize = 64 * 1024;

    /// <summary>The largest part size accepted here (512 MiB): one part is held in memory while it is sent.</summary>
    public const int MaxPartSize = 512 * 1024 * 1024;

    /// <summary>Most parts one upload is cut into; a known length grows the part size to stay within it.</summary>
    public const int MaxParts = 10_000;

    /// <summary>Bytes per part (default 16 MiB); the last part may be shorter. Memory holds one part at a time.</summary>
    public int PartSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// How often one part is tried before the upload fails (default 3); only that part is resent. The part call is not
    /// idempotent: if an attempt was stored but its answer lost, the part is stored twice, yet only the ids the client
    /// received are named to <c>complete</c>, so the orphan never enters the dataset (evidence D: the server is assumed
    /// to drop parts <c>complete</c> does not name).
    /// </summary>
    public int MaxPartAttempts { get; init; } = 3;

    /// <summary>The pause before a part's second attempt; it doubles for each further attempt (default 1 s).</summary>
    public TimeSpan PartRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Receives the number of bytes whose parts the server has confirmed.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>The clock of the retry pauses; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate(string parameterName)
    {
        if (PartSize is < MinPartSize or > MaxPartSize)
        {
            throw new ArgumentException($"PartSize must be between {MinPartSize} and {MaxPartSize} bytes.", parameterName);
        }

        if (MaxPartAttempts is < 1 or > 10)
        {
            throw new ArgumentException("MaxPartAttempts must be between 1 and 10.", parameterName);
        }

        if (PartRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("PartRetryDelay cannot be negative.", parameterName);
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("TimeProvider is required.", parameterName);
        }
    }

    /// <summary>The part size for a source of <paramref name="length"/> bytes: the option, grown to keep within <see cref="MaxParts"/>.</summary>
    internal int PartSizeFor(long? length, string parameterName)
    {
        if (length is not { } total || (total + PartSize - 1) / PartSize <= MaxParts)
        {
            return PartSize;
        }

        var needed = (total + MaxParts - 1) / MaxParts;
        if (needed > MaxPartSize)
        {
            throw new ArgumentException($"The content is too large for {MaxParts} parts of at most {MaxPartSize} bytes.", parameterName);
        }

        return (int)needed;
    }
}
