namespace Nebius.TokenFactory.Transfers;

/// <summary>
/// A read-only view of an upload source that reports how many bytes the HTTP stack has read so far and
/// stops the upload once a documented size limit is crossed (for sources whose length is unknown up front).
/// When the source can seek, a resend rewinds it and the count follows the position.
/// </summary>
internal sealed class ProgressReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IProgress<long>? _progress;
    private readonly long _maxBytes;
    private readonly string _parameterName;
    private readonly bool _leaveOpen;
    private readonly long _origin;
    private long _read;

    public ProgressReadStream(Stream inner, IProgress<long>? progress, long maxBytes, string parameterName, bool leaveOpen)
    {
        _inner = inner;
        _progress = progress;
        _maxBytes = maxBytes;
        _parameterName = parameterName;
        _leaveOpen = leaveOpen;
        _origin = inner.CanSeek ? inner.Position : 0;
    }

    /// <summary>Bytes handed to the reader since the start (or the last rewind).</summary>
    public long BytesRead => _read;

    public override bool CanRead => true;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set
        {
            _inner.Position = value;
            _read = value - _origin;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = _inner.Seek(offset, origin);
        _read = position - _origin;
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_leaveOpen)
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Count(int read)
    {
        if (read <= 0)
        {
            return read;
        }

        _read += read;
        if (_read > _maxBytes)
        {
            throw new ArgumentException($"The content is larger than the documented limit of {_maxBytes:N0} bytes; the upload was stopped.", _parameterName);
        }

        _progress?.Report(_read);
        return read;
    }
}
