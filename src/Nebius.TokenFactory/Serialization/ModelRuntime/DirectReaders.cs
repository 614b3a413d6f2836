using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// Finds, once per model type, whether <typeparamref name="T"/> reads itself directly. A Kiota request
/// adapter receives only the model's factory, which wants a parse node: the factory is called once with an
/// empty object (a generated factory then returns a plain <typeparamref name="T"/>, no discriminator to read),
/// and that instance, when it is a model generated into this assembly, lends its <see cref="IJsonModel.ReadNew"/>.
/// </summary>
/// <typeparam name="T">The model type asked for.</typeparam>
internal static class DirectReaders<T>
    where T : IParsable
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
    private static IJsonModel? _prototype;
    private static bool _known;

    /// <summary>The instance whose <see cref="IJsonModel.ReadNew"/> reads a <typeparamref name="T"/>, or null when only Kiota's node can read it.</summary>
    /// <param name="factory">The model's factory, as the adapter received it.</param>
    public static IJsonModel? Prototype(ParsableFactory<T> factory)
    {
        if (!Volatile.Read(ref _known))
        {
            // A race only makes the probe run twice; both runs reach the same answer.
            var made = factory(new JsonParseNode(EmptyObject));
            _prototype = made is IJsonModel model && made.GetType() == typeof(T) && typeof(T).Assembly == typeof(IJsonModel).Assembly ? model : null;
            Volatile.Write(ref _known, true);
        }

        return _prototype;
    }
}
