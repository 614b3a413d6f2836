using Nebius.TokenFactory.Datasets;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.V1.Datasets.Uploads.Item;

/// <summary>Resuming an interrupted multipart dataset upload when only its id is known.</summary>
public partial class WithUploadItemRequestBuilder
{
    /// <summary>
    /// Finishes an upload that stopped half-way when no <see cref="DatasetUploadState"/> was saved: lists the parts the
    /// server holds (<c>GET …/parts</c>), takes them in listed order as the first parts of <paramref name="content"/>
    /// cut with <paramref name="partSize"/> (the listed parts carry no size, so it must be the size the upload used),
    /// sends the rest and completes the upload. Prefer <c>Uploads.ResumeAsync(state, source)</c>: a part whose answer
    /// was lost may be listed as well, and only a saved state knows to leave it out. The stream is left open.
    /// </summary>
    /// <param name="content">The whole content of the upload, from its start.</param>
    /// <param name="partSize">The part size the upload was cut with.</param>
    /// <param name="options">Part retries and progress; its <c>PartSize</c> is ignored.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The completed upload.</returns>
    /// <exception cref="ArgumentException">An unreadable stream, a part size out of range, a stream shorter than the listed parts, or bad options.</exception>
    /// <exception cref="DatasetUploadException">A part or the completion failed; its <c>State</c> resumes it.</exception>
    /// <exception cref="NebiusApiException">The server refused to list the parts.</exception>
    public async Task<UploadResponse> ResumeAsync(Stream content, int partSize, DatasetUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(content));
        }

        if (partSize is < DatasetUploadOptions.MinPartSize or > DatasetUploadOptions.MaxPartSize)
        {
            throw new ArgumentException($"The part size must be between {DatasetUploadOptions.MinPartSize} and {DatasetUploadOptions.MaxPartSize} bytes.", nameof(partSize));
        }

        options ??= new DatasetUploadOptions();
        options.Validate(nameof(options));
        var uploadId = PathParameters.TryGetValue("upload_id", out var id) ? id?.ToString() ?? string.Empty : string.Empty;
        var held = await Parts.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var ids = (held?.Data ?? []).Select(p => p.Id).OfType<string>().ToList();
        var state = new DatasetUploadState(uploadId, partSize, ids);
        return await DatasetMultipartUpload.SendPartsAndCompleteAsync(this, state, content, options, nameof(content), cancellationToken).ConfigureAwait(false);
    }
}
