using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Fuzz.Client;

/// <summary>
/// A call's result as text, for comparing two reads of the same answer: models as the client's own writer
/// serializes them (every property, additional data included), conveniences' values as JSON.
/// </summary>
internal static class ResultText
{
    public static string Of(object? result, ISerializationWriterFactory writers) => result switch
    {
        null => "null",
        string text => JsonSerializer.Serialize(text),
        IParsable model => Model(model, writers),
        float[] vector => "[" + string.Join(",", vector.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]",
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(item => Of(item, writers))) + "]",
        _ => throw new ArgumentException($"No text form for {result.GetType()}.", nameof(result)),
    };

    private static string Model(IParsable model, ISerializationWriterFactory writers)
    {
        using var writer = writers.GetSerializationWriter("application/json");
        writer.WriteObjectValue(null, model);
        using var content = writer.GetSerializedContent();
        using var reader = new StreamReader(content, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
