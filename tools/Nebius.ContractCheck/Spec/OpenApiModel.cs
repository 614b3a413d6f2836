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
}
