using Nebius.TokenFactory.Datasets;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.V1.Datasets.Uploads.Item;

/// <summary>Resuming an interrupted multipart dataset upload.</summary>
public partial class WithUploadItemRequestBuilder
{
    /// <summary>
    /// Finishes an upload that stopped half-way: lists the parts the server holds (<c>GET …/parts</c>), sends only
    /// the missing ones from <paramref name="content"/> (the same bytes, cut with the same part size as before),
    /// and completes the upload. A seekable stream skips held parts without reading them. The stream is left open.
    /// </summary>
    /// <param name="content">The whole content of the upload, from its start.</param>
    /// <param name="options">The same part size as the first attempt; retries and progress.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The completed upload.</returns>
    /// <exception cref="ArgumentException">An unreadable stream or bad options.</exception>
    /// <exception cref="NebiusApiException">The server refused a call.</exception>
    public async Task<UploadResponse> ResumeAsync(Stream content, DatasetUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(content));
        }

        options ??= new DatasetUploadOptions();
        options.Validate(nameof(options));
        long? length = content.CanSeek ? content.Length - content.Position : null;
        var held = await Parts.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var existing = new Dictionary<int, UploadPartInfoResponse>();
        foreach (var part in held?.Data ?? [])
        {
            if (part.PartNumber is { } number)
            {
                existing[number] = part;
            }
        }

        return await DatasetMultipartUpload.SendPartsAndCompleteAsync(this, content, length, existing, options, cancellationToken).ConfigureAwait(false);
    }
}
