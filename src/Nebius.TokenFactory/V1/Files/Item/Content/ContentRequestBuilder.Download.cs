using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Transfers;

namespace Nebius.TokenFactory.V1.Files.Item.Content;

/// <summary>Streamed downloads for <c>GET /v1/files/{file_id}/content</c>.</summary>
public partial class ContentRequestBuilder
{
    /// <summary>Copies the file's bytes into <paramref name="destination"/> as they arrive (nothing is buffered whole). The stream is left open.</summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="progress">Receives the number of bytes written so far.</param>
    /// <param name="requestConfiguration">Query parameters, headers and options for the call.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot be written.</exception>
    /// <exception cref="NebiusApiException">The server refused the request (e.g. 404 for an unknown file).</exception>
    public async Task<long> DownloadToAsync(
        Stream destination,
        IProgress<long>? progress = null,
        Action<RequestConfiguration<ContentRequestBuilderGetQueryParameters>>? requestConfiguration = default,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written.", nameof(destination));
        }

        return await CopyToAsync(destination, progress, requestConfiguration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves the file's bytes to <paramref name="path"/>, streamed. The bytes go to a temporary file beside it
    /// first, so a failed download leaves no truncated file under that name; an existing file is replaced.
    /// </summary>
    /// <param name="path">Where to save; its folder must exist.</param>
    /// <param name="progress">Receives the number of bytes written so far.</param>
    /// <param name="requestConfiguration">Query parameters, headers and options for the call.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">An empty path, or one whose folder does not exist.</exception>
    /// <exception cref="NebiusApiException">The server refused the request (e.g. 404 for an unknown file).</exception>
    public Task<long> DownloadToFileAsync(
        string path,
        IProgress<long>? progress = null,
        Action<RequestConfiguration<ContentRequestBuilderGetQueryParameters>>? requestConfiguration = default,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null || !Directory.Exists(folder))
        {
            throw new ArgumentException($"The folder of '{path}' does not exist.", nameof(path));
        }

        return StreamTransfer.ToFileAsync(path, (file, ct) => CopyToAsync(file, progress, requestConfiguration, ct), cancellationToken);
    }

    private async Task<long> CopyToAsync(Stream destination, IProgress<long>? progress, Action<RequestConfiguration<ContentRequestBuilderGetQueryParameters>>? requestConfiguration, CancellationToken cancellationToken)
    {
        var source = await GetAsync(requestConfiguration, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return 0;
        }

        // Disposing the response stream releases the connection, also when the copy fails half-way.
        await using (source.ConfigureAwait(false))
        {
            return await StreamTransfer.CopyAsync(source, destination, progress, cancellationToken).ConfigureAwait(false);
        }
    }
}
