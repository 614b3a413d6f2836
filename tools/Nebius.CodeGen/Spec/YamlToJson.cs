using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Nebius.CodeGen.Spec;

/// <summary>
/// Converts a YAML document into a <see cref="JsonNode"/> tree following the YAML 1.2 core schema,
/// recording the source position of every node so that errors can name a line.
/// </summary>
/// <remarks>
/// Microsoft.OpenApi's own YAML reader does not work with the package versions we can restore, so
/// YAML is parsed here with YamlDotNet and handed to Microsoft.OpenApi as JSON.
/// </remarks>
public static partial class YamlToJson
{
    public static (JsonNode Root, SourceMap Map) Convert(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new SpecYamlException((int)ex.Start.Line, (int)ex.Start.Column, ex.Message);
        }

        if (stream.Documents.Count != 1)
        {
            throw new SpecYamlException(1, 1, $"expected exactly one YAML document, found {stream.Documents.Count}");
        }

        var map = new SourceMap();
        var root = ConvertNode(stream.Documents[0].RootNode, "", map)
            ?? throw new SpecYamlException(1, 1, "the document is empty");
        return (root, map);
    }

    private static JsonNode? ConvertNode(YamlNode node, string pointer, SourceMap map)
    {
        map.Record(pointer.Length == 0 ? "/" : pointer, (int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key })
                    {
                        throw new SpecYamlException((int)keyNode.Start.Line, (int)keyNode.Start.Column, "mapping keys must be plain strings");
                    }

                    if (obj.ContainsKey(key))
                    {
                        throw new SpecYamlException((int)keyNode.Start.Line, (int)keyNode.Start.Column, $"duplicate key '{key}'");
                    }

                    obj[key] = ConvertNode(valueNode, pointer + "/" + EscapePointer(key), map);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(ConvertNode(sequence.Children[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), map));
                }

                return array;
            case YamlScalarNode scalar:
                return ConvertScalar(scalar);
            default:
                throw new SpecYamlException((int)node.Start.Line, (int)node.Start.Column, $"unsupported YAML node {node.NodeType}");
        }
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        // YAML 1.2 core schema resolution for plain scalars.
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    internal static string EscapePointer(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}

/// <summary>The YAML itself could not be read.</summary>
public sealed class SpecYamlException(int line, int column, string message) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
