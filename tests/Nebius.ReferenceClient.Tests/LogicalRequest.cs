using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Nodes;

namespace Nebius.ReferenceClient.Tests;

/// <summary>The logical request both clients are asked to send: one value per parameter, one body.</summary>
internal sealed record LogicalRequest(IReadOnlyDictionary<string, JsonNode> Values, string? BodyJson)
{
    public static LogicalRequest For(ContractOperation operation)
    {
        var values = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var parameter in operation.Parameters)
        {
            values[parameter.Name] = parameter.Name == "ai_project_id"
                ? "project-e2e"
                : parameter.In == "path" && SampleJson.For(parameter.Schema) is JsonValue v && v.TryGetValue<int>(out _)
                    ? 7
                    : parameter.In == "path" ? $"{parameter.Name}-1" : SampleJson.For(parameter.Schema) ?? "sample";
        }

        var body = operation.RequestExample is { } file
            ? File.ReadAllText(ContractCatalog.ExamplePath(file))
            : operation.RequestSchema is { } schema ? SampleJson.For(schema)?.ToJsonString() : null;
        return new LogicalRequest(values, body);
    }

    /// <summary>Converts a sample JSON value to a parameter's CLR type (string, number, bool, or an enum by its wire name).</summary>
    public static object? Convert(JsonNode value, Type target)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsEnum)
        {
            var wire = value.GetValue<string>();
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var name = field.GetCustomAttribute<EnumMemberAttribute>()?.Value
                    ?? field.GetCustomAttribute<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>()?.Name
                    ?? field.Name;
                if (string.Equals(name, wire, StringComparison.Ordinal))
                {
                    return field.GetValue(null);
                }
            }

            throw new InvalidOperationException($"{type.Name} has no member for '{wire}'");
        }

        if (type == typeof(string))
        {
            return value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        }

        return System.Convert.ChangeType(value.ToJsonString().Trim('"'), type, CultureInfo.InvariantCulture);
    }
}
