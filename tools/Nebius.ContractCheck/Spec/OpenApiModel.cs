using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Nebius.CodeGen.Spec;

namespace Nebius.ContractCheck.Spec;

/// <summary>Loads a spec into Microsoft.OpenApi's object model, through the generator's YAML reader and checks.</summary>
internal static class OpenApiModel
{
    /// <summary>Loads YAML (or JSON) text; throws <see cref="SpecValidationException"/> or <see cref="SpecYamlException"/> on a bad spec.</summary>
    public static OpenApiDocument Load(string yaml)
    {
        // SpecLoader validates the same way the build does; Microsoft.OpenApi's YAML reader crashes, so it is handed JSON.
        var document = SpecLoader.Load(yaml);
        var settings = new OpenApiReaderSettings();
        settings.AddMicrosoftExtensionParsers();
        var result = OpenApiDocument.Parse(document.Root.ToJsonString(), "json", settings);
        return result.Document ?? throw new SpecValidationException([new SpecDiagnostic("#/", "Microsoft.OpenApi produced no document")]);
    }

    /// <summary>
    /// Reads a JSON tree that is not ours to keep valid (the API's own document, or a rewrite of one): only what
    /// Microsoft.OpenApi cannot read is an error, not what its validation rules would flag.
    /// </summary>
    public static OpenApiDocument Read(JsonObject root)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddMicrosoftExtensionParsers();
        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(root.ToJsonString(), "json", settings);
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new SpecValidationException([new SpecDiagnostic("#/", $"Microsoft.OpenApi could not read the document ({ex.GetType().Name}: {ex.Message})")]);
        }

        var errors = result.Diagnostic?.Errors ?? [];
        if (errors.Count > 0 || result.Document is null)
        {
            throw new SpecValidationException([.. errors.Select(e => new SpecDiagnostic(e.Pointer ?? "#/", e.Message)).DefaultIfEmpty(new SpecDiagnostic("#/", "Microsoft.OpenApi produced no document"))]);
        }

        return result.Document;
    }
}
