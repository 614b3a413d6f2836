using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Nebius.CodeGen.Spec;

/// <summary>A loaded, validated OpenAPI document: its JSON tree and where each node came from.</summary>
public sealed record SpecDocument(JsonObject Root, SourceMap Map);

/// <summary>Reads the YAML spec, converts it to JSON and has Microsoft.OpenApi validate it.</summary>
public static class SpecLoader
{
    public static SpecDocument Load(string yaml)
    {
        var (root, map) = YamlToJson.Convert(yaml);
        if (root is not JsonObject rootObject)
        {
            throw new SpecValidationException([new SpecDiagnostic("#/", "the document root must be a mapping")]);
        }

        var diagnostics = SchemaShapeCheck.Find(rootObject).ToList();
        if (diagnostics.Count == 0)
        {
            diagnostics = Validate(rootObject.ToJsonString());
        }

        if (diagnostics.Count > 0)
        {
            throw new SpecValidationException(diagnostics);
        }

        return new SpecDocument(rootObject, map);
    }

    private static List<SpecDiagnostic> Validate(string json)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddMicrosoftExtensionParsers();
        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(json, "json", settings);
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or ArgumentException or FormatException)
        {
            // Microsoft.OpenApi throws instead of reporting on some malformed input; say so rather than crash.
            return [new SpecDiagnostic("#/", $"Microsoft.OpenApi could not read the document ({ex.GetType().Name}: {ex.Message})")];
        }

        var found = new List<SpecDiagnostic>();
        foreach (var error in result.Diagnostic?.Errors ?? [])
        {
            found.Add(new SpecDiagnostic(error.Pointer ?? "#/", error.Message));
        }

        if (result.Document is { } document)
        {
            foreach (var error in document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? [])
            {
                found.Add(new SpecDiagnostic(error.Pointer ?? "#/", error.Message));
            }
        }

        return found;
    }
}
