namespace Nebius.TokenFactory.Tests.Infrastructure;

/// <summary>
/// A read-only, non-seekable stream of <c>length</c> bytes made up on the fly (byte i is i mod 251), so
/// a test can upload gigabytes without holding them anywhere. <see cref="Checksum"/> lets the receiver verify.
/// </summary>
internal sealed class GeneratedStream(long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The byte at a position.</summary>
    public static byte At(long position) => (byte)(position % 251);

    /// <summary>Sum of all bytes of a generated stream of <paramref name="length"/> bytes.</summary>
    public static long Checksum(long length)
    {
        long full = length / 251, rest = length % 251;
        return (full * 250 * 251 / 2) + (rest * (rest - 1) / 2);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = At(_position + i);
        }

        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
