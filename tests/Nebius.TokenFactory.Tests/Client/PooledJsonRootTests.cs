using System.Buffers;
using System.Text;
using Nebius.TokenFactory.Http;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Serialization;

namespace Nebius.TokenFactory.Tests.Client;

/// <summary>
/// A response body lives in a rented buffer that goes back to the pool once the models are read, so the
/// models must keep nothing of it. Kiota's UntypedArray reads its JSON element lazily: an unknown array
/// kept as additional data must still be whole after the buffer is returned and reused.
/// </summary>
public sealed class PooledJsonRootTests
{
    private const string Body = """{"object":"list","data":[{"id":"m","object":"model","vendor":[1,"x",[true,null]]}],"extra":[{"a":[2.5]}]}""";

    [Fact]
    public void A_model_read_from_the_body_keeps_its_untyped_arrays_after_the_buffer_is_returned()
    {
        var model = ReadThenReuseBuffer(root => root.ReadObject(ModelList.CreateFromDiscriminatorValue));

        var written = ModelFingerprint.Write(model);

        Assert.Contains("\"vendor\":[1,\"x\",[true,null]]", written, StringComparison.Ordinal);
        Assert.Contains("\"extra\":[{\"a\":[2.5]}]", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_read_through_the_root_node_keep_their_untyped_arrays_after_the_buffer_is_returned()
    {
        var models = ReadThenReuseBuffer(root => root.Node.GetChildNode("data")!.GetCollectionOfObjectValues(Model.CreateFromDiscriminatorValue).ToList());

        Assert.Contains("\"vendor\":[1,\"x\",[true,null]]", ModelFingerprint.Write(models[0]), StringComparison.Ordinal);
    }

    /// <summary>Reads the body from a rented buffer, disposes the root, then rents the buffer back and overwrites it.</summary>
    private static T ReadThenReuseBuffer<T>(Func<ParsedBody, T> read)
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(buffer, 0);
        T result;
        using (var root = new PooledJsonRoot(buffer, bytes.Length))
        {
            result = read(root);
        }

        // The pool hands the returned buffer back to the same thread: the overwrite really hits the body's bytes.
        var reused = ArrayPool<byte>.Shared.Rent(bytes.Length);
        Assert.Same(buffer, reused);
        reused.AsSpan().Fill((byte)' ');
        ArrayPool<byte>.Shared.Return(reused);
        return result;
    }
}
