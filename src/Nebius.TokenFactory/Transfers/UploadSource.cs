using System.Globalization;

namespace Nebius.TokenFactory.Transfers;

/// <summary>What an upload reads from: a file opened here, or a caller's stream left open. Checked before anything is sent.</summary>
internal sealed class UploadSource : IAsyncDisposable
{
    private UploadSource(Stream stream, string fileName, long? length, bool owned, long maxBytes, string parameterName)
    {
        Stream = stream;
        FileName = fileName;
        Length = length;
        Owned = owned;
        MaxBytes = maxBytes;
        ParameterName = parameterName;
    }

    public Stream Stream { get; }

    public string FileName { get; }

    /// <summary>Bytes still to send, when the source can tell (files and seekable streams).</summary>
    public long? Length { get; }

    public bool Owned { get; }

    public long MaxBytes { get; }

    public string ParameterName { get; }

    /// <summary>Opens a file for reading after checking it exists and is within <paramref name="maxBytes"/>.</summary>
    public static UploadSource FromPath(string path, long maxBytes, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, parameterName);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ArgumentException($"There is no file at '{path}'.", parameterName);
        }

        CheckLength(info.Length, maxBytes, parameterName);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return new UploadSource(stream, info.Name, info.Length, owned: true, maxBytes, parameterName);
    }

    /// <summary>Wraps a caller's stream (not disposed here); a seekable one is checked against <paramref name="maxBytes"/> now, any other while it is read.</summary>
    public static UploadSource FromStream(Stream content, string fileName, long maxBytes, string parameterName, string fileNameParameter)
    {
        ArgumentNullException.ThrowIfNull(content, parameterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName, fileNameParameter);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", parameterName);
        }

        long? length = null;
        if (content.CanSeek)
        {
            length = content.Length - content.Position;
            CheckLength(length.Value, maxBytes, parameterName);
        }

        return new UploadSource(content, fileName, length, owned: false, maxBytes, parameterName);
    }

    public ValueTask DisposeAsync() => Owned ? Stream.DisposeAsync() : ValueTask.CompletedTask;

    private static void CheckLength(long length, long maxBytes, string parameterName)
    {
        if (length > maxBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The content is {length:N0} bytes, more than the documented limit of {maxBytes:N0} bytes."),
                parameterName);
        }
    }
}
