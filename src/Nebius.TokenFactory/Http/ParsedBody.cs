using System.Buffers;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// A response body, held whole in a buffer rented from the shared pool, and its root for reading; dispose it
/// once the models are read. The bytes stay at hand so that a body that cannot be read is described from them
/// (<see cref="BodyFault"/>).
/// </summary>
internal abstract class ParsedBody : IDisposable
{
    private readonly int _start;
    private readonly int _length;
    private byte[]? _buffer;

    protected ParsedBody(byte[] buffer, int start, int length)
    {
        _buffer = buffer;
        _start = start;
        _length = length - start;
    }

    /// <summary>The body's bytes (without a UTF-8 byte order mark for JSON).</summary>
    public ReadOnlySpan<byte> Bytes => Memory.Span;

    /// <summary>Where <see cref="Bytes"/> start in the body as sent (3 after a byte order mark).</summary>
    public int Start => _start;

    /// <summary>The root as a parse node, for what is not a model (collections, primitives, other content types).</summary>
    public abstract IParseNode Node { get; }

    protected ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(ParsedBody))).AsMemory(_start, _length);

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
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>
/// A body of a content type other than JSON, read by the Kiota parse node registered for it (text, form data).
/// A content type nothing is registered for (an event stream answering a plain call) has no node: reading it
/// throws the registry's error, which the adapter turns into a <see cref="NebiusResponseFormatException"/>.
/// </summary>
internal sealed class OtherContentBody(byte[] buffer, int length, IParseNode? node, Exception? noReader) : ParsedBody(buffer, 0, length)
{
    public override IParseNode Node => node ?? throw new InvalidOperationException(noReader?.Message, noReader);
}

/// <summary>
/// A JSON body. A model is read from the bytes in place by the generated direct path
/// (<see cref="JsonModelReader"/>, no document), which copies every value out (values left to Kiota's node get
/// elements of their own). Anything else (collections, primitives) goes to Kiota's node over an element that
/// owns a copy of the bytes, made on first use: Kiota's UntypedArray reads its element lazily, so an element
/// over the rented buffer would be read after it is returned.
/// </summary>
internal sealed class PooledJsonRoot(byte[] buffer, int length)
    : ParsedBody(buffer, buffer.AsSpan(0, length).StartsWith("\uFEFF"u8) ? 3 : 0, length) // A UTF-8 byte order mark is skipped, as JsonDocument does for streams.
{
    private JsonParseNode? _node;

    /// <summary>The root node over an element that owns its bytes, parsed on first use with JsonDocument's rules (one value, no trailing content).</summary>
    public override IParseNode Node => _node ??= new JsonParseNode(ParseOwned(Bytes));

    /// <inheritdoc />
    public override T ReadObject<T>(ParsableFactory<T> factory) => JsonModelReader.Read(Bytes, factory);

    /// <inheritdoc />
    public override (string? Detail, IReadOnlyList<NebiusValidationIssue> Issues) ReadDetail()
    {
        try
        {
            using var document = JsonDocument.Parse(Memory);
            return ApiExceptionTranslator.ReadDetail(document.RootElement);
        }
        catch (Exception ex) when (BodyFault.IsReadFailure(ex))
        {
            // An error body that is not JSON, or JSON with invalid UTF-8 in its text: the status still says what happened.
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
}
