using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.AI;

/// <summary>
/// Turns the loosely typed values of Microsoft.Extensions.AI (JSON schemas as <see cref="JsonElement"/>,
/// <c>AdditionalProperties</c> holding primitives, dictionaries or JSON) into Kiota's untyped nodes, which
/// the generated models write into their JSON verbatim through <c>AdditionalData</c>.
/// </summary>
internal static class UntypedValues
{
    /// <summary>One value as an untyped node (objects and arrays recursively).</summary>
    public static UntypedNode From(object? value) => value switch
    {
        null => new UntypedNull(),
        UntypedNode node => node,
        string text => new UntypedString(text),
        bool flag => new UntypedBoolean(flag),
        int number => new UntypedInteger(number),
        long number => new UntypedLong(number),
        short number => new UntypedInteger(number),
        float number => new UntypedFloat(number),
        double number => new UntypedDouble(number),
        decimal number => new UntypedDecimal(number),
        Enum choice => new UntypedString(choice.ToString()),
        JsonElement element => From(element),
        JsonNode node => FromNode(node),
        IEnumerable<KeyValuePair<string, object?>> pairs => new UntypedObject(pairs.ToDictionary(p => p.Key, p => From(p.Value), StringComparer.Ordinal)),
        IEnumerable items => new UntypedArray([.. items.Cast<object?>().Select(From)]),
        _ => From(JsonSerializer.SerializeToElement(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType()))),
    };

    /// <summary>A JSON node, through its text (the copy is complete before the parsed document is released).</summary>
    public static UntypedNode FromNode(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return From(document.RootElement);
    }

    /// <summary>A JSON element as an untyped node; numbers keep integer form when they have one.</summary>
    public static UntypedNode From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new UntypedObject(element.EnumerateObject().ToDictionary(p => p.Name, p => From(p.Value), StringComparer.Ordinal)),
        JsonValueKind.Array => new UntypedArray([.. element.EnumerateArray().Select(From)]),
        JsonValueKind.String => new UntypedString(element.GetString()),
        JsonValueKind.Number when element.TryGetInt64(out var whole) => new UntypedLong(whole),
        JsonValueKind.Number => new UntypedDouble(element.GetDouble()),
        JsonValueKind.True => new UntypedBoolean(true),
        JsonValueKind.False => new UntypedBoolean(false),
        _ => new UntypedNull(),
    };

    /// <summary>
    /// The members of a JSON object value, for the generated open models (<c>parameters</c>, <c>schema</c>,
    /// <c>chat_template_kwargs</c>) whose content lives in <c>AdditionalData</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a JSON object.</exception>
    public static Dictionary<string, object> ObjectMembers(object? value, string parameterName, string field)
    {
        if (From(value) is not UntypedObject obj)
        {
            throw new ArgumentException($"{field} must be a JSON object.", parameterName);
        }

        return obj.GetValue().ToDictionary(p => p.Key, p => (object)p.Value, StringComparer.Ordinal);
    }

    /// <summary>The value as a string, when it is one (a CLR string or a JSON string).</summary>
    public static string? AsString(object? value) => value switch
    {
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonValue node when node.TryGetValue<string>(out var text) => text,
        _ => null,
    };

    /// <summary>The value as a number, when it is one (any CLR number, a numeric JSON value, or numeric text).</summary>
    public static double? AsNumber(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Number } element => element.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.String } element when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        JsonValue node when node.TryGetValue<double>(out var number) => number,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        IConvertible convertible when value is not string and not bool => convertible.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };
}
