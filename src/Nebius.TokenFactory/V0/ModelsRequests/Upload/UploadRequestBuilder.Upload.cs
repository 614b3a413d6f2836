using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Transfers;

namespace Nebius.TokenFactory.V0.ModelsRequests.Upload;

/// <summary>Streamed uploads of LoRA weights for <c>POST /v0/models/upload</c> (multipart, one zip file).</summary>
public partial class UploadRequestBuilder
{
    /// <summary>
    /// Uploads a zip holding <c>adapter_config.json</c> and <c>adapter_model.safetensors</c>, streamed; pass the
    /// returned id as <c>source</c> when creating the custom model.
    /// </summary>
    /// <param name="path">The zip file.</param>
    /// <param name="progress">Receives the number of bytes sent so far.</param>
    /// <param name="requestConfiguration">Query parameters, headers and options for the call.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The stored upload (its id).</returns>
    /// <exception cref="ArgumentException">No file at <paramref name="path"/>, or not a <c>.zip</c>.</exception>
    /// <exception cref="NebiusApiException">The server refused the upload.</exception>
    public async Task<ModelUploadResponse> UploadAsync(
        string path,
        IProgress<long>? progress = null,
        Action<RequestConfiguration<UploadRequestBuilderPostQueryParameters>>? requestConfiguration = default,
        CancellationToken cancellationToken = default)
    {
        RequireZip(path, nameof(path));
        var source = UploadSource.FromPath(path, long.MaxValue, nameof(path));
        await using (source.ConfigureAwait(false))
        {
            return await SendUploadAsync(source, progress, requestConfiguration, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Uploads a zip of LoRA weights from any readable stream (seekable or not), streamed. The stream is left open.</summary>
    /// <param name="content">The zip bytes, from the current position.</param>
    /// <param name="fileName">The file name to send; must end in <c>.zip</c>.</param>
    /// <param name="progress">Receives the number of bytes sent so far.</param>
    /// <param name="requestConfiguration">Query parameters, headers and options for the call.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The stored upload (its id).</returns>
    /// <exception cref="ArgumentException">An unreadable stream, or a file name that is not a <c>.zip</c>.</exception>
    /// <exception cref="NebiusApiException">The server refused the upload.</exception>
    public async Task<ModelUploadResponse> UploadAsync(
        Stream content,
        string fileName,
        IProgress<long>? progress = null,
        Action<RequestConfiguration<UploadRequestBuilderPostQueryParameters>>? requestConfiguration = default,
        CancellationToken cancellationToken = default)
    {
        RequireZip(fileName, nameof(fileName));
        var source = UploadSource.FromStream(content, fileName, long.MaxValue, nameof(content), nameof(fileName));
        await using (source.ConfigureAwait(false))
        {
            return await SendUploadAsync(source, progress, requestConfiguration, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void RequireZip(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameterName);
        if (!name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"LoRA weights are uploaded as a .zip archive; '{name}' is not one.", parameterName);
        }
    }

    private Task<ModelUploadResponse> SendUploadAsync(
        UploadSource source,
        IProgress<long>? progress,
        Action<RequestConfiguration<UploadRequestBuilderPostQueryParameters>>? requestConfiguration,
        CancellationToken cancellationToken)
    {
        var request = new RequestInformation(Method.POST, UrlTemplate, PathParameters);
        request.Configure(requestConfiguration);
        return MultipartUpload.SendAsync(RequestAdapter, request, source, [], ModelUploadResponse.CreateFromDiscriminatorValue, CreatePostErrorMapping(), progress, cancellationToken);
    }
}
