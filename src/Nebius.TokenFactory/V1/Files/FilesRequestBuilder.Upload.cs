using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Transfers;

namespace Nebius.TokenFactory.V1.Files;

/// <summary>Streamed uploads for <c>POST /v1/files</c>; the generated <c>PostAsync</c> copies the whole file into memory first.</summary>
public partial class FilesRequestBuilder
{
    /// <summary>
    /// Uploads the file at <paramref name="path"/> as multipart form data (<c>file</c>, <c>purpose</c>), reading it
    /// as it is sent, so memory stays bounded whatever its size.
    /// </summary>
    /// <param name="path">The file to upload; its name is sent as the file name.</param>
    /// <param name="purpose">What the file is for; batch input files may hold up to 10 GB.</param>
    /// <param name="progress">Receives the number of file bytes sent so far.</param>
    /// <param name="requestConfiguration">Query parameters, headers and options for the call.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The stored file.</returns>
    /// <exception cref="ArgumentException">No file at <paramref name="path"/>, an unknown purpose, or a file over the documented limit.</exception>
    /// <exception cref="NebiusApiException">The server refused the upload.</exception>
    public async Task<FileResponse> UploadAsync(
        string path,
        FilePurpose purpose,
        IProgress<long>? progress = null,
        Action<RequestConfiguration<FilesRequestBuilderPostQueryParameters>>? requestConfiguration = default,
        CancellationToken cancellationToken = default)
    {
        var purposeValue = PurposeValue(purpose);
        var source = UploadSource.FromPath(path, MaxBytes(purpose), nameof(path));
        await using (source.ConfigureAwait(false))
        {
            return await SendUploadAsync(source, purposeValue, progress, requestConfiguration, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Uploads <paramref name="content"/> from its current position to its end as multipart form data, streamed:
    /// any readable stream works, including one that cannot seek (it is then sent chunked and checked against
    /// the size limit while it is read). The stream is left open.
    /// </summary>
    /// <param name="content">The bytes to upload.</param>
    /// <param name="fileName">The file name to store, e.g. <c>batch-input.jsonl</c>.</param>
    /// <param name="purpose">What the file is for; batch input files may hold up to 10 GB.</param>
    /// <param name="progress">Receives the number of file bytes sent so far.</param>
    /// <param name="requestConfiguration">Query parameters, headers and options for the call.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The stored file.</returns>
    /// <exception cref="ArgumentException">An unreadable stream, a missing file name, an unknown purpose, or content over the documented limit.</exception>
    /// <exception cref="NebiusApiException">The server refused the upload.</exception>
    public async Task<FileResponse> UploadAsync(
        Stream content,
        string fileName,
        FilePurpose purpose,
        IProgress<long>? progress = null,
        Action<RequestConfiguration<FilesRequestBuilderPostQueryParameters>>? requestConfiguration = default,
        CancellationToken cancellationToken = default)
    {
        var purposeValue = PurposeValue(purpose);
        var source = UploadSource.FromStream(content, fileName, MaxBytes(purpose), nameof(content), nameof(fileName));
        await using (source.ConfigureAwait(false))
        {
            return await SendUploadAsync(source, purposeValue, progress, requestConfiguration, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string PurposeValue(FilePurpose purpose) => purpose switch
    {
        FilePurpose.Batch => "batch",
        FilePurpose.FineTune => "fine-tune",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "The purpose must be Batch or FineTune."),
    };

    private static long MaxBytes(FilePurpose purpose) =>
        purpose == FilePurpose.Batch ? NebiusLimits.BatchInputFileMaxBytes : NebiusLimits.FineTuneFileMaxBytes;

    private Task<FileResponse> SendUploadAsync(
        UploadSource source,
        string purpose,
        IProgress<long>? progress,
        Action<RequestConfiguration<FilesRequestBuilderPostQueryParameters>>? requestConfiguration,
        CancellationToken cancellationToken)
    {
        var request = new RequestInformation(Method.POST, UrlTemplate, PathParameters);
        request.Configure(requestConfiguration);
        return MultipartUpload.SendAsync(RequestAdapter, request, source, [new("purpose", purpose)], FileResponse.CreateFromDiscriminatorValue, CreatePostErrorMapping(), progress, cancellationToken);
    }
}
