using System.Text;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Nebius.TokenFactory.Tests.Serialization;

/// <summary>What two readings of the same JSON are compared by: the JSON a model writes back, and what it keeps aside.</summary>
internal static class ModelFingerprint
{
    public static string Write(IParsable model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var content = writer.GetSerializedContent();
        using var reader = new StreamReader(content, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>What a model keeps besides its properties, for every object in it, in reading order.</summary>
    public static string Describe(IParsable model)
    {
        var text = new StringBuilder();
        Walk(model, text);
        return text.ToString();
    }

    private static void Walk(object? value, StringBuilder text)
    {
        switch (value)
        {
            case IParsable parsable:
                text.Append('{').Append(parsable.GetType().Name);
                if (parsable is IAdditionalDataHolder holder)
                {
                    foreach (var (key, extra) in holder.AdditionalData)
                    {
                        text.Append(" +").Append(key).Append(':').Append(extra?.GetType().Name);
                    }
                }

                foreach (var property in parsable.GetType().GetProperties())
                {
                    if (property.Name is "ExplicitNulls" && property.GetValue(parsable) is ISet<string> nulls)
                    {
                        text.Append(" nulls=").AppendJoin(',', nulls.Order(StringComparer.Ordinal));
                    }
                    else if (property.Name is "UnknownEnumValues" && property.GetValue(parsable) is IReadOnlyDictionary<string, string> unknown)
                    {
                        text.Append(" unknown=").AppendJoin(',', unknown.Select(p => p.Key + "=" + p.Value));
                    }
                    else if (property.GetIndexParameters().Length == 0 && property.Name is not "AdditionalData")
                    {
                        Walk(property.GetValue(parsable), text);
                    }
                }

                text.Append('}');
                break;
            case System.Collections.IEnumerable items and not string:
                foreach (var item in items)
                {
                    Walk(item, text);
                }

                break;
        }
    }
}
