using System.Buffers;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Http;

/// <summary>A response body's root node, and whatever must be released once the models are read from it.</summary>
internal class ParsedBody(IParseNode node) : IDisposable
{
    public IParseNode Node { get; } = node;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>
/// A JSON body parsed in place: a pooled <see cref="JsonDocument"/> over the rented buffer the body was read
/// into, no copy of either. Safe because the models are read from it before it is disposed and keep no
/// element of it: our parse node copies every value out (strings, numbers, and unknown properties as
/// Kiota's UntypedNode trees or CLR scalars).
/// </summary>
internal sealed class PooledJsonRoot : ParsedBody
{
    private readonly JsonDocument _document;
    private byte[]? _buffer;

    public PooledJsonRoot(byte[] buffer, int length)
        : this(Parse(buffer, length), buffer)
    {
    }

    private PooledJsonRoot(JsonDocument document, byte[] buffer)
        : base(new NebiusJsonParseNode(document.RootElement))
    {
        _document = document;
        _buffer = buffer;
    }

    protected override void Dispose(bool disposing)
    {
        _document.Dispose();
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    /// <summary>JsonDocument's own rules (one value, no trailing content); a UTF-8 byte order mark is skipped as JsonDocument does for streams.</summary>
    private static JsonDocument Parse(byte[] buffer, int length)
    {
        var start = buffer.AsSpan(0, length).StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return JsonDocument.Parse(buffer.AsMemory(start, length - start));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
