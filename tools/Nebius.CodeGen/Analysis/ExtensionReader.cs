using System.Text.Json;
using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>Strict accessors for our <c>x-nebius-*</c> extensions: a missing or mistyped field is a <see cref="SpecException"/> at its pointer.</summary>
internal sealed class ExtensionReader(JsonObject extension, string pointer)
{
    public string Pointer { get; } = pointer;

    public static ExtensionReader? Open(JsonObject operation, string name, string operationPointer)
    {
        if (!operation.TryGetPropertyValue(name, out var node))
        {
            return null;
        }

        var pointer = operationPointer.Child(name);
        return node is JsonObject obj ? new ExtensionReader(obj, pointer) : throw new SpecException(pointer, $"{name} must be a mapping");
    }

    public SpecException Error(string field, string message) => new(Pointer.Child(field), message);

    public string RequiredString(string field) =>
        OptionalString(field) ?? throw Error(field, $"'{field}' is required");

    public string? OptionalString(string field) => extension.TryGetPropertyValue(field, out var node) switch
    {
        false => null,
        true when node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > 0 => value.GetValue<string>(),
        _ => throw Error(field, $"'{field}' must be a non-empty string"),
    };

    public IReadOnlyList<string>? OptionalStrings(string field)
    {
        if (!extension.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (node is not JsonArray array || array.Count == 0 || array.Any(item => item is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Length == 0))
        {
            throw Error(field, $"'{field}' must be a non-empty list of strings");
        }

        return array.Select(item => item!.GetValue<string>()).ToList();
    }

    public ExtensionReader RequiredObject(string field) =>
        extension.TryGetPropertyValue(field, out var node) && node is JsonObject obj
            ? new ExtensionReader(obj, Pointer.Child(field))
            : throw Error(field, $"'{field}' must be a mapping");

    public int? OptionalPositiveInt(string field) => extension.TryGetPropertyValue(field, out var node) switch
    {
        false => null,
        true when node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) && number is > 0 and <= int.MaxValue => (int)number,
        _ => throw Error(field, $"'{field}' must be a positive integer"),
    };

    /// <summary>Fails on a field the extension does not define, so a misspelt one is not silently ignored.</summary>
    public void AllowOnly(params string[] fields)
    {
        if (extension.Select(e => e.Key).FirstOrDefault(key => !fields.Contains(key, StringComparer.Ordinal)) is { } unknown)
        {
            throw Error(unknown, $"unknown field '{unknown}' (expected one of: {string.Join(", ", fields)})");
        }
    }
}
