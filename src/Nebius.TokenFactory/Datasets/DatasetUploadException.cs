namespace Nebius.TokenFactory;

/// <summary>
/// A multipart dataset upload failed after it was opened. <see cref="UploadId"/> names it: call
/// <c>client.V1.Datasets.Uploads[UploadId].ResumeAsync(...)</c> with the same content and part size to send only the missing parts.
/// </summary>
public sealed class DatasetUploadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="uploadId">The open upload.</param>
    /// <param name="innerException">What failed.</param>
    public DatasetUploadException(string uploadId, Exception innerException)
        : base($"The dataset upload '{uploadId}' failed before it was completed: {innerException?.Message} Resume it with Uploads[\"{uploadId}\"].ResumeAsync.", innerException)
    {
        UploadId = uploadId;
    }

    /// <summary>Creates the exception.</summary>
    public DatasetUploadException()
    {
        UploadId = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public DatasetUploadException(string message)
        : base(message)
    {
        UploadId = string.Empty;
    }

    /// <summary>The id of the open upload to resume.</summary>
    public string UploadId { get; }
}
