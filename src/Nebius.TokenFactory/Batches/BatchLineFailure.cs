namespace Nebius.TokenFactory.Batches;

/// <summary>
/// The error of strict reading at a line that cannot be read: an <see cref="InvalidDataException"/>, as before (the
/// type is sealed, and callers such as the CLI catch it), with the line's number and <c>custom_id</c> in the message
/// and, for programs, in <see cref="Exception.Data"/> under <see cref="LineNumberKey"/> and <see cref="CustomIdKey"/>.
/// </summary>
internal static class BatchLineFailure
{
    /// <summary>The <see cref="Exception.Data"/> key of the 1-based line number (an <see cref="int"/>).</summary>
    public const string LineNumberKey = "LineNumber";

    /// <summary>The <see cref="Exception.Data"/> key of the line's <c>custom_id</c> (a string; absent when it could not be read).</summary>
    public const string CustomIdKey = "CustomId";

    public static InvalidDataException Create(string message, int lineNumber, string? customId, Exception? innerException = null)
    {
        var error = new InvalidDataException(message, innerException);
        error.Data[LineNumberKey] = lineNumber;
        if (customId is not null)
        {
            error.Data[CustomIdKey] = customId;
        }

        return error;
    }
}
