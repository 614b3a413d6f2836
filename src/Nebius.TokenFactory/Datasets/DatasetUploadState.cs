using System.Text.Json.Serialization;

namespace Nebius.TokenFactory;

/// <summary>
/// Where a multipart dataset upload stands: the upload, the part size it cuts the content with, and the ids of the
/// parts the server confirmed, in order. Save it (it serializes with System.Text.Json) to resume the upload later with
/// <c>client.V1.Datasets.Uploads.ResumeAsync(state, source)</c>.
/// </summary>
/// <remarks>
/// The server's part list carries neither sizes nor numbers, so a resume rests on the fixed part size: the confirmed
/// parts are the first <c>ConfirmedPartIds.Count × PartSize</c> bytes of the content (the last part may be shorter).
/// </remarks>
public sealed record DatasetUploadState
{
    /// <summary>Creates a state.</summary>
    /// <param name="uploadId">The open upload.</param>
    /// <param name="partSize">The bytes of every part but the last.</param>
    /// <param name="confirmedPartIds">The ids of the stored parts, in content order.</param>
    [JsonConstructor]
    public DatasetUploadState(string uploadId, int partSize, IReadOnlyList<string> confirmedPartIds)
    {
        UploadId = uploadId;
        PartSize = partSize;
        ConfirmedPartIds = confirmedPartIds is null ? [] : [.. confirmedPartIds]; // a copy: the caller's list stays theirs
    }

    /// <summary>The open upload.</summary>
    public string UploadId { get; }

    /// <summary>The bytes of every part but the last.</summary>
    public int PartSize { get; }

    /// <summary>The ids of the parts the server confirmed, in content order.</summary>
    public IReadOnlyList<string> ConfirmedPartIds { get; }

    internal void Validate(string parameterName)
    {
        if (string.IsNullOrWhiteSpace(UploadId))
        {
            throw new ArgumentException($"{parameterName}.UploadId is required.", parameterName);
        }

        if (PartSize is < DatasetUploadOptions.MinPartSize or > DatasetUploadOptions.MaxPartSize)
        {
            throw new ArgumentException($"{parameterName}.PartSize must be between {DatasetUploadOptions.MinPartSize} and {DatasetUploadOptions.MaxPartSize} bytes.", parameterName);
        }

        if (ConfirmedPartIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"{parameterName}.ConfirmedPartIds holds a blank id.", parameterName);
        }
    }
}
