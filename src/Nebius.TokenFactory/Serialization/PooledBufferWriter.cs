using System.Buffers;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from the shared pool, handed on as a
/// <see cref="PooledJsonStream"/> once written. The bytes are copied once per growth, never at hand-off.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    private const int InitialSize = 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _written;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>The written bytes as a read-only stream that returns the array to the pool when disposed; this writer is spent.</summary>
    public PooledJsonStream Detach()
    {
        var stream = new PooledJsonStream(_buffer, _written);
        _buffer = [];
        _written = 0;
        return stream;
    }

    /// <summary>Returns the array when the bytes were never handed on.</summary>
    public void Release()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Ensure(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, checked(_buffer.Length * 2)));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}

/// <summary>
/// A serialized request body: a read-only <see cref="MemoryStream"/> (so HttpClient knows its length, copies it
/// without a buffer and can rewind it for a retry) over a pooled array that goes back to the pool on dispose.
/// </summary>
internal sealed class PooledJsonStream(byte[] buffer, int length) : MemoryStream(buffer, 0, length, writable: false, publiclyVisible: true)
{
    private byte[]? _pooled = buffer;

    /// <summary>The model these bytes were written from: telemetry reads the request's facts from it instead of parsing the bytes again.</summary>
    public Microsoft.Kiota.Abstractions.Serialization.IParsable? Root { get; set; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Interlocked.Exchange(ref _pooled, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
