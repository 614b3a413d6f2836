namespace Nebius.TokenFactory;

/// <summary>
/// A multipart dataset upload failed after it was opened. <see cref="State"/> says how far it got: save it and call
/// <c>client.V1.Datasets.Uploads.ResumeAsync(State, source)</c> with the same content to send only the rest.
/// </summary>
public sealed class DatasetUploadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="state">How far the upload got.</param>
    /// <param name="innerException">What failed.</param>
    public DatasetUploadException(DatasetUploadState state, Exception innerException)
        : base($"The dataset upload '{state?.UploadId}' failed before it was completed ({state?.ConfirmedPartIds.Count} parts confirmed): {innerException?.Message} Resume it with Uploads.ResumeAsync(exception.State, source).", innerException)
    {
        State = state ?? throw new ArgumentNullException(nameof(state));
    }

    /// <summary>Creates the exception, with an empty state.</summary>
    public DatasetUploadException()
    {
        State = new DatasetUploadState(string.Empty, 0, []);
    }

    /// <summary>Creates the exception, with an empty state.</summary>
    /// <param name="message">The message.</param>
    public DatasetUploadException(string message)
        : base(message)
    {
        State = new DatasetUploadState(string.Empty, 0, []);
    }

    /// <summary>The id of the open upload.</summary>
    public string UploadId => State.UploadId;

    /// <summary>How far the upload got: the resume state.</summary>
    public DatasetUploadState State { get; }
}
