using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Tests.Serialization;

/// <summary>
/// The values of the wrong kind that the direct path kept instead of dropping them (a <see cref="JsonElement"/>
/// under the wire name in a model's additional data): where they sit in the JSON, and the model's fingerprint
/// without them. Kiota's node drops such a value or fails on it, so the differential tests compare the direct
/// reading without its kept values to Kiota's reading of the JSON without those properties.
/// </summary>
internal static class KeptValues
{
    private const string Marker = "\u0001kept";

    /// <summary>
    /// The kept values (each its JSON path and its JSON text, for <see cref="JsonPaths.Without(byte[], IReadOnlyList{ValueTuple{string[], string}})"/>),
    /// and the model's written text and description without them.
    /// </summary>
    public static (IReadOnlyList<(string[] Path, string RawValue)> Kept, string Text, string Described) Strip(IParsable model)
    {
        var entries = new List<(IDictionary<string, object> Data, string Key, object Value)>();
        Find(model, entries);
        if (entries.Count == 0)
        {
            return ([], JsonPaths.Without(ModelFingerprint.Write(model), []), ModelFingerprint.Describe(model));
        }

        // Each kept value is swapped for a numbered marker, so that its path can be found in the written JSON.
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].Data[entries[i].Key] = Marker + i;
        }

        var marked = ModelFingerprint.Write(model);
        foreach (var (data, key, _) in entries)
        {
            data.Remove(key);
        }

        var described = ModelFingerprint.Describe(model);
        foreach (var (data, key, value) in entries)
        {
            data[key] = value;
        }

        var markers = JsonPaths.Find(marked, Marker);
        var text = JsonPaths.Without(marked, [.. markers.Select(m => (m.Path, JsonSerializer.Serialize(m.Value)))]);
        var kept = markers.Select(m => (m.Path, ((JsonElement)entries[int.Parse(m.Value[Marker.Length..], System.Globalization.CultureInfo.InvariantCulture)].Value).GetRawText())).ToList();
        return (kept, text, described);
    }

    /// <summary>Every kept value in the model and the models under it.</summary>
    public static int Count(IParsable model)
    {
        var entries = new List<(IDictionary<string, object> Data, string Key, object Value)>();
        Find(model, entries);
        return entries.Count;
    }

    private static void Find(object? value, List<(IDictionary<string, object> Data, string Key, object Value)> found)
    {
        switch (value)
        {
            case UntypedNode:
                break;
            case IParsable parsable:
                if (parsable is IAdditionalDataHolder { AdditionalData: { } data })
                {
                    found.AddRange(data.Where(pair => pair.Value is JsonElement).Select(pair => (data, pair.Key, pair.Value)));
                }

                foreach (var property in parsable.GetType().GetProperties())
                {
                    if (property.GetIndexParameters().Length == 0 && property.Name is not "AdditionalData")
                    {
                        Find(property.GetValue(parsable), found);
                    }
                }

                break;
            case System.Collections.IEnumerable items and not string:
                foreach (var item in items)
                {
                    Find(item, found);
                }

                break;
        }
    }
}
