using Nebius.TokenFactory.Datasets;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.V1.Datasets.Uploads;

/// <summary>Resuming a multipart dataset upload from the state its failure saved.</summary>
public partial class UploadsRequestBuilder
{
    /// <summary>
    /// Finishes the upload <paramref name="state"/> names: skips the first <c>confirmed parts × part size</c> bytes of
    /// <paramref name="source"/> (a seekable stream without reading them), sends the rest in parts of the state's part
    /// size, and completes the upload with the confirmed ids followed by the new ones. The stream is left open.
    /// </summary>
    /// <param name="state">The state of a <see cref="DatasetUploadException"/>, saved or not.</param>
    /// <param name="source">The whole content of the upload, from its start.</param>
    /// <param name="options">Part retries and progress; its <c>PartSize</c> is ignored (the state's is used).</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The completed upload.</returns>
    /// <exception cref="ArgumentException">A state without an upload id or with a bad part size; an unreadable source, or one shorter than the confirmed parts; bad options.</exception>
    /// <exception cref="DatasetUploadException">It failed again; its <c>State</c> resumes it.</exception>
    public async Task<UploadResponse> ResumeAsync(DatasetUploadState state, Stream source, DatasetUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Validate(nameof(state));
        ArgumentNullException.ThrowIfNull(source);
        if (!source.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(source));
        }

        options ??= new DatasetUploadOptions();
        options.Validate(nameof(options));
        return await DatasetMultipartUpload.SendPartsAndCompleteAsync(this[state.UploadId], state, source, options, nameof(source), cancellationToken).ConfigureAwait(false);
    }
}
