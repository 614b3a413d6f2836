using System.Text;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>What a stream fault does once its frames have gone through.</summary>
internal enum StreamFaultKind
{
    /// <summary>Drops the connection.</summary>
    Disconnect,

    /// <summary>Slips in a malformed frame, then carries on.</summary>
    Malform,

    /// <summary>Sends nothing more and holds the connection until the client leaves.</summary>
    Stall,
}

/// <summary>
/// Sits in front of a response body and counts server-sent event frames (each ends with a blank line) as the
/// fake writes them. After <c>frames</c> frames it drops the connection, slips in a malformed frame or stalls,
/// which is how the stream faults of <see cref="FakeFault"/> reach a client that is mid-stream.
/// </summary>
internal sealed class FrameInterceptingStream(Stream inner, HttpContext context, int frames, StreamFaultKind kind, string? malformedFrame) : Stream
{
    private int _framesWritten;
    private bool _injected;

    public bool Disconnected { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Disconnected)
        {
            throw new OperationCanceledException("The fake dropped the connection.");
        }

        if (_framesWritten >= frames && !_injected)
        {
            _injected = true;
            if (kind == StreamFaultKind.Stall)
            {
                // Ends only by throwing, when the client goes away (or the fake stops): nothing after the stall is sent.
                await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
            }

            if (kind == StreamFaultKind.Disconnect)
            {
                await inner.FlushAsync(cancellationToken).ConfigureAwait(false);

                // Kestrel sends asynchronously; aborting at once could drop the frames that were meant to get through.
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None).ConfigureAwait(false);
                Disconnected = true;
                context.Abort();
                throw new OperationCanceledException("The fake dropped the connection.");
            }

            await inner.WriteAsync(Encoding.UTF8.GetBytes(malformedFrame + "\n\n"), cancellationToken).ConfigureAwait(false);
        }

        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        _framesWritten += CountFrameEnds(buffer.Span);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => Disconnected ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static int CountFrameEnds(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        for (var i = bytes.IndexOf("\n\n"u8); i >= 0; i = bytes.IndexOf("\n\n"u8))
        {
            count++;
            bytes = bytes[(i + 2)..];
        }

        return count;
    }
}
