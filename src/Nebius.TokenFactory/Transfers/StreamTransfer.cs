using System.Buffers;

namespace Nebius.TokenFactory.Transfers;

/// <summary>Copies a response body to its destination through one pooled buffer, reporting the running total.</summary>
internal static class StreamTransfer
{
    private const int BufferSize = 81920;

    public static async Task<long> CopyAsync(Stream source, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
                progress?.Report(total);
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes to <paramref name="path"/> through a temporary file beside it and moves it into place at the
    /// end, so a broken download never leaves a truncated file under the final name.
    /// </summary>
    public static async Task<long> ToFileAsync(string path, Func<Stream, CancellationToken, Task<long>> write, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + "." + Guid.NewGuid().ToString("N")[..8] + ".partial";
        try
        {
            long total;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                total = await write(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
            return total;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
