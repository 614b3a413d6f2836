using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Datasets;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Transfers;

namespace Nebius.TokenFactory.V1.Datasets.Uploads;

/// <summary>The whole multipart dataset upload in one call: create the upload, send the parts, complete it.</summary>
public partial class UploadsRequestBuilder
{
    /// <summary>
    /// Uploads the file at <paramref name="path"/> as a new dataset: opens a multipart upload, <c>POST</c>s the file in
    /// order in parts of <see cref="DatasetUploadOptions.PartSize"/> (the last shorter), and completes the upload with
    /// the part ids the server answered, in order. If it fails after the upload was opened, the exception carries the
    /// state to resume it with <see cref="ResumeAsync"/>.
    /// </summary>
    /// <remarks>
    /// A part call is not idempotent (it carries no part number): a failed part is sent again on its own, and a part
    /// whose answer was lost may be stored twice. <c>complete</c> names only the ids the client got back, in order, so
    /// such an orphan never enters the dataset (evidence D: the server is assumed to drop parts <c>complete</c> does not name).
    /// </remarks>
    /// <param name="body">The new dataset's name, folder and column schema.</param>
    /// <param name="path">The data file.</param>
    /// <param name="options">Part size, part retries, progress; the defaults when null.</param>
    /// <param name="requestConfiguration">Query parameters, headers and options of the create call.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The completed upload (its <c>upload_info.dataset</c> names the dataset).</returns>
    /// <exception cref="ArgumentException">A missing name, folder or schema; no file at <paramref name="path"/>, or an empty one; bad options.</exception>
    /// <exception cref="DatasetUploadException">A part or the completion failed after the upload was opened; its <c>State</c> resumes it.</exception>
    /// <exception cref="NebiusApiException">The server refused to open the upload.</exception>
    public async Task<UploadResponse> UploadAsync(
        CreateUploadRequest body,
        string path,
        DatasetUploadOptions? options = null,
        Action<RequestConfiguration<UploadsRequestBuilderPostQueryParameters>>? requestConfiguration = default,
        CancellationToken cancellationToken = default)
    {
        DatasetChecks.Upload(body, nameof(body));
        options ??= new DatasetUploadOptions();
        options.Validate(nameof(options));
        var source = UploadSource.FromPath(path, long.MaxValue, nameof(path));
        await using (source.ConfigureAwait(false))
        {
            if (source.Length == 0)
            {
                throw new ArgumentException($"The file '{path}' is empty.", nameof(path));
            }

            var partSize = options.PartSizeFor(source.Length, nameof(path));
            return await OpenAndSendAsync(body, source.Stream, partSize, options, requestConfiguration, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Uploads <paramref name="content"/> (from its position to its end; seekable or not) as a new dataset in parts.
    /// The stream is left open. See the path overload for the steps.
    /// </summary>
    /// <param name="body">The new dataset's name, folder and column schema.</param>
    /// <param name="content">The data.</param>
    /// <param name="options">Part size, part retries, progress; the defaults when null.</param>
    /// <param name="requestConfiguration">Query parameters, headers and options of the create call.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The completed upload (its <c>upload_info.dataset</c> names the dataset).</returns>
    /// <exception cref="ArgumentException">A missing name, folder or schema; an unreadable stream; bad options.</exception>
    /// <exception cref="DatasetUploadException">A part or the completion failed after the upload was opened; its <c>State</c> resumes it.</exception>
    /// <exception cref="NebiusApiException">The server refused to open the upload.</exception>
    public async Task<UploadResponse> UploadAsync(
        CreateUploadRequest body,
        Stream content,
        DatasetUploadOptions? options = null,
        Action<RequestConfiguration<UploadsRequestBuilderPostQueryParameters>>? requestConfiguration = default,
        CancellationToken cancellationToken = default)
    {
        DatasetChecks.Upload(body, nameof(body));
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(content));
        }

        options ??= new DatasetUploadOptions();
        options.Validate(nameof(options));
        long? length = content.CanSeek ? content.Length - content.Position : null;
        var partSize = options.PartSizeFor(length, nameof(content));
        return await OpenAndSendAsync(body, content, partSize, options, requestConfiguration, cancellationToken).ConfigureAwait(false);
    }

    private async Task<UploadResponse> OpenAndSendAsync(
        CreateUploadRequest body,
        Stream content,
        int partSize,
        DatasetUploadOptions options,
        Action<RequestConfiguration<UploadsRequestBuilderPostQueryParameters>>? requestConfiguration,
        CancellationToken cancellationToken)
    {
        var opened = await PostAsync(body, c => requestConfiguration?.Invoke(c.RequireBody()), cancellationToken).ConfigureAwait(false);
        var uploadId = opened?.Id ?? throw new InvalidOperationException("The server opened the upload but gave no upload id.");
        var state = new DatasetUploadState(uploadId, partSize, []);
        return await DatasetMultipartUpload.SendPartsAndCompleteAsync(this[uploadId], state, content, options, nameof(content), cancellationToken).ConfigureAwait(false);
    }
}
