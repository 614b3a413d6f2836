using System.Buffers;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.V1.Datasets.Uploads.Item;

namespace Nebius.TokenFactory.Datasets;

/// <summary>
/// The dataset multipart flow: cut the source into parts of one fixed size (the last shorter), <c>POST</c> each one
/// in order to <c>…/parts</c> as raw bytes, collect the part ids the server answers, then complete the upload with
/// those ids in order. One part is held in a pooled buffer at a time, whatever the size.
/// </summary>
/// <remarks>
/// Retries: the part call carries no part number, so it is not idempotent; a part whose answer was lost may be
/// stored twice. A failed part is sent again on its own (with a growing pause, up to
/// <see cref="DatasetUploadOptions.MaxPartAttempts"/>), and <c>complete</c> names only the ids the client got back,
/// in order, so such an orphan never enters the dataset (that the server drops parts <c>complete</c> does not name is
/// an assumption, evidence D). A failure after the upload was opened becomes a <see cref="DatasetUploadException"/>
/// carrying the resume state.
/// </remarks>
internal static class DatasetMultipartUpload
{
    /// <summary>
    /// Skips the content of the parts <paramref name="state"/> confirms, sends the rest and completes the upload.
    /// </summary>
    /// <exception cref="ArgumentException">The source is shorter than the confirmed parts (nothing was sent).</exception>
    /// <exception cref="DatasetUploadException">A part or the completion failed.</exception>
    public static async Task<UploadResponse> SendPartsAndCompleteAsync(
        WithUploadItemRequestBuilder upload,
        DatasetUploadState state,
        Stream source,
        DatasetUploadOptions options,
        string sourceParameterName,
        CancellationToken cancellationToken)
    {
        var partSize = state.PartSize;
        var ids = new List<string>(state.ConfirmedPartIds);
        var buffer = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var (confirmed, ended) = await SkipConfirmedAsync(source, buffer, state, sourceParameterName, cancellationToken).ConfigureAwait(false);
            if (confirmed > 0)
            {
                options.Progress?.Report(confirmed);
            }

            try
            {
                while (!ended)
                {
                    var filled = await FillAsync(source, buffer, partSize, cancellationToken).ConfigureAwait(false);
                    if (filled == 0 && ids.Count > 0)
                    {
                        break;
                    }

                    ids.Add(await SendPartAsync(upload, ids.Count + 1, buffer, filled, options, cancellationToken).ConfigureAwait(false));
                    confirmed += filled;
                    options.Progress?.Report(confirmed);
                    ended = filled < partSize;
                }

                return await upload.Complete.PostAsync(new CompleteUploadRequest { PartIds = [.. ids] }, c => c.RequireBody(), cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The server answered the upload's completion with an empty body.");
            }
            catch (Exception ex) when (ex is NebiusApiException or HttpRequestException or IOException or InvalidOperationException)
            {
                throw new DatasetUploadException(new DatasetUploadState(state.UploadId, partSize, ids), ex);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string> SendPartAsync(WithUploadItemRequestBuilder upload, int position, byte[] buffer, int count, DatasetUploadOptions options, CancellationToken cancellationToken)
    {
        var delay = options.PartRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var part = new MemoryStream(buffer, 0, count, writable: false);
                var stored = await upload.Parts.PostAsync(part, cancellationToken: cancellationToken).ConfigureAwait(false);
                return stored?.Id is { Length: > 0 } id ? id : throw new InvalidOperationException($"The server stored part {position} but gave no part id.");
            }
            catch (Exception ex) when (attempt < options.MaxPartAttempts && IsWorthRetrying(ex, cancellationToken))
            {
                // Only this part goes again: the parts before it are confirmed, the ones after it not read yet. If the
                // lost attempt was stored after all, its id was never seen and complete leaves it out.
                await Task.Delay(delay, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                delay += delay;
            }
        }
    }

    private static bool IsWorthRetrying(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception switch
        {
            NebiusApiException api => api.StatusCode is 408 or 429 or >= 500,
            HttpRequestException or IOException => true,
            OperationCanceledException => true, // a deadline of the attempt, not the caller's token (checked above)
            _ => false,
        };

    /// <summary>Reads until the part is full or the source ends.</summary>
    private static async Task<int> FillAsync(Stream source, byte[] buffer, int partSize, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < partSize && (read = await source.ReadAsync(buffer.AsMemory(filled, partSize - filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>
    /// Moves past the confirmed parts: every one but the last is a full part; the last may be the short final part,
    /// in which case the source ends there (<c>ended</c>). Returns the bytes passed.
    /// </summary>
    private static async Task<(long Confirmed, bool Ended)> SkipConfirmedAsync(Stream source, byte[] buffer, DatasetUploadState state, string parameterName, CancellationToken cancellationToken)
    {
        var parts = state.ConfirmedPartIds.Count;
        if (parts == 0)
        {
            return (0, false);
        }

        var full = (long)(parts - 1) * state.PartSize;
        if (source.CanSeek)
        {
            var remaining = source.Length - source.Position;
            if (remaining <= full)
            {
                throw TooShort(state, parameterName);
            }

            var skip = Math.Min(remaining, full + state.PartSize);
            source.Seek(skip, SeekOrigin.Current);
            return (skip, skip < full + state.PartSize);
        }

        // A forward-only source is read through, part by part.
        long passed = 0;
        for (var i = 0; i < parts; i++)
        {
            var filled = await FillAsync(source, buffer, state.PartSize, cancellationToken).ConfigureAwait(false);
            passed += filled;
            if (filled < state.PartSize)
            {
                return i == parts - 1 && filled > 0 ? (passed, true) : throw TooShort(state, parameterName);
            }
        }

        return (passed, false);
    }

    private static ArgumentException TooShort(DatasetUploadState state, string parameterName) =>
        new($"The source ends before the {state.ConfirmedPartIds.Count} confirmed parts of {state.PartSize} bytes; it is not the content of upload '{state.UploadId}'.", parameterName);
}
