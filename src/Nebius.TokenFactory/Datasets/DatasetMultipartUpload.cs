using System.Buffers;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.V1.Datasets.Uploads.Item;

namespace Nebius.TokenFactory.Datasets;

/// <summary>
/// The dataset multipart flow: cut the source into parts, <c>PUT</c> each one (a failed part is sent again on
/// its own, with a growing pause, up to <see cref="DatasetUploadOptions.MaxPartAttempts"/>), then complete the
/// upload with the part ids in order. One part is held in a pooled buffer at a time, whatever the size. A
/// resumed upload reuses the parts the server already holds (same number, same size).
/// </summary>
internal static class DatasetMultipartUpload
{
    public static async Task<UploadResponse> SendPartsAndCompleteAsync(
        WithUploadItemRequestBuilder upload,
        Stream source,
        long? length,
        IReadOnlyDictionary<int, UploadPartInfoResponse> existing,
        DatasetUploadOptions options,
        CancellationToken cancellationToken)
    {
        var partSize = options.PartSizeFor(length, nameof(source));
        var buffer = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var ids = new List<string>();
            long confirmed = 0;
            for (var number = 1; ; number++)
            {
                if (existing.TryGetValue(number, out var held) && held.Id is { } heldId && held.Size is { } heldSize && heldSize <= partSize && await SkipAsync(source, buffer, heldSize, cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(heldId);
                    confirmed += heldSize;
                    options.Progress?.Report(confirmed);
                    continue;
                }

                var filled = await FillAsync(source, buffer, partSize, cancellationToken).ConfigureAwait(false);
                if (filled == 0 && number > 1)
                {
                    break;
                }

                ids.Add(await SendPartAsync(upload, number, buffer, filled, options, cancellationToken).ConfigureAwait(false));
                confirmed += filled;
                options.Progress?.Report(confirmed);
                if (filled < partSize)
                {
                    break;
                }
            }

            return await upload.Complete.PostAsync(new CompleteUploadRequest { PartIds = ids }, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The server answered the upload's completion with an empty body.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string> SendPartAsync(WithUploadItemRequestBuilder upload, int number, byte[] buffer, int count, DatasetUploadOptions options, CancellationToken cancellationToken)
    {
        var delay = options.PartRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var part = new MemoryStream(buffer, 0, count, writable: false);
                var stored = await upload.Parts[number].PutAsync(part, cancellationToken: cancellationToken).ConfigureAwait(false);
                return stored?.Id ?? throw new InvalidOperationException($"The server stored part {number} but gave no part id.");
            }
            catch (Exception ex) when (attempt < options.MaxPartAttempts && IsWorthRetrying(ex, cancellationToken))
            {
                // Only this part goes again: the parts before it are stored, the ones after it not read yet.
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

    /// <summary>Moves past a part the server already has; false (nothing consumed) when the source cannot show it holds that many bytes.</summary>
    private static async Task<bool> SkipAsync(Stream source, byte[] buffer, long size, CancellationToken cancellationToken)
    {
        if (source.CanSeek)
        {
            if (source.Length - source.Position < size)
            {
                return false;
            }

            source.Seek(size, SeekOrigin.Current);
            return true;
        }

        // A forward-only source is read through.
        var filled = await FillAsync(source, buffer, (int)size, cancellationToken).ConfigureAwait(false);
        if (filled != size)
        {
            throw new InvalidOperationException($"The source ended inside a part the server already holds ({size} bytes); it is not the content of this upload.");
        }

        return true;
    }
}
