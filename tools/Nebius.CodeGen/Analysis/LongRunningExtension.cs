using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// Reads a get operation's <c>x-nebius-long-running</c> (shape in openapi/README.md): the answer must be an object
/// whose status property is a string, and the failed states must be terminal ones.
/// </summary>
internal static class LongRunningExtension
{
    public const string Name = "x-nebius-long-running";

    public static LongRunningModel? Read(OperationModel operation, JsonObject raw, string pointer)
    {
        if (ExtensionReader.Open(raw, Name, pointer) is not { } extension)
        {
            return null;
        }

        extension.AllowOnly("name", "resource", "status-property", "terminal", "failed");
        if (operation.Method != "GET" || operation.ResponseType is not NamedRef { Type: ModelType model })
        {
            throw new SpecException(extension.Pointer, $"{Name} belongs on a GET operation that answers an object");
        }

        var name = extension.RequiredString("name");
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Z][A-Za-z0-9]*$"))
        {
            throw extension.Error("name", $"'{name}' is not a PascalCase name");
        }

        var statusName = extension.RequiredString("status-property");
        var status = FindProperty(model, statusName) ?? throw extension.Error("status-property", $"{model.Name} has no property '{statusName}'");
        if (status.Type is not PrimitiveRef { Kind: PrimitiveKind.String })
        {
            throw extension.Error("status-property", $"{model.Name}.{statusName} must be a string (an open enum is one)");
        }

        var terminal = extension.OptionalStrings("terminal") ?? throw extension.Error("terminal", "'terminal' is required");
        var failed = extension.OptionalStrings("failed") ?? [];
        if (failed.FirstOrDefault(state => !terminal.Contains(state, StringComparer.Ordinal)) is { } stray)
        {
            throw extension.Error("failed", $"'{stray}' is not one of the terminal states");
        }

        return new LongRunningModel
        {
            Name = name,
            Resource = extension.RequiredString("resource"),
            Model = model,
            Status = status,
            Terminal = terminal,
            Failed = failed,
            Pointer = extension.Pointer,
        };
    }

    private static ModelProperty? FindProperty(ModelType model, string wireName)
    {
        for (var current = model; current is not null; current = current.Base)
        {
            if (current.Properties.FirstOrDefault(p => p.WireName == wireName) is { } property)
            {
                return property;
            }
        }

        return null;
    }
}
