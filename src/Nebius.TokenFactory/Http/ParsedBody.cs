using System.Buffers;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Http;

/// <summary>A response body's root node, and whatever must be released once the models are read from it.</summary>
internal class ParsedBody(IParseNode? node) : IDisposable
{
    /// <summary>The root as a parse node, for what is not a model (collections, primitives, other content types).</summary>
    public virtual IParseNode Node => node!;

    /// <summary>The body as a model made by <paramref name="factory"/>.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="factory">The model's factory.</param>
    public virtual T ReadObject<T>(ParsableFactory<T> factory)
        where T : IParsable => Node.GetObjectValue(factory);

    /// <summary>FastAPI's <c>detail</c> (text or the 422 list) or an OpenAI-style message, read from the body; none for a body that is not JSON.</summary>
    public virtual (string? Detail, IReadOnlyList<NebiusValidationIssue> Issues) ReadDetail() => (null, []);

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
/// A JSON body in the rented buffer it was read into. A model is read from the bytes in place by the
/// generated direct path (<see cref="JsonModelReader"/>, no document), which copies every value out
/// (values left to Kiota's node get elements of their own). Anything else (collections, primitives) goes
/// to Kiota's node over an element that owns a copy of the bytes, made on first use: Kiota's UntypedArray
/// reads its element lazily, so an element over the rented buffer would be read after it is returned.
/// </summary>
internal sealed class PooledJsonRoot : ParsedBody
{
    private readonly int _start;
    private readonly int _length;
    private byte[]? _buffer;
    private JsonParseNode? _node;

    public PooledJsonRoot(byte[] buffer, int length)
        : base(null)
    {
        // A UTF-8 byte order mark is skipped, as JsonDocument does for streams.
        _start = buffer.AsSpan(0, length).StartsWith("\uFEFF"u8) ? 3 : 0;
        _length = length - _start;
        _buffer = buffer;
    }

    /// <summary>The root node over an element that owns its bytes, parsed on first use with JsonDocument's rules (one value, no trailing content).</summary>
    public override IParseNode Node => _node ??= new JsonParseNode(ParseOwned(Json.Span));

    private ReadOnlyMemory<byte> Json => (_buffer ?? throw new ObjectDisposedException(nameof(PooledJsonRoot))).AsMemory(_start, _length);

    /// <inheritdoc />
    public override T ReadObject<T>(ParsableFactory<T> factory) => JsonModelReader.Read(Json.Span, factory);

    /// <inheritdoc />
    public override (string? Detail, IReadOnlyList<NebiusValidationIssue> Issues) ReadDetail()
    {
        try
        {
            using var document = JsonDocument.Parse(Json);
            return ApiExceptionTranslator.ReadDetail(document.RootElement);
        }
        catch (JsonException)
        {
            return (null, []);
        }
    }

    private static JsonElement ParseOwned(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var root = JsonElement.ParseValue(ref reader);

        JsonValueEnd.Require(ref reader);

        return root;
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }
}
