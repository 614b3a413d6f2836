using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// Reads <c>x-nebius-genai-operation</c>: the OpenTelemetry GenAI operation name (<c>chat</c>, <c>text_completion</c>,
/// <c>embeddings</c>) under which the client traces an inference call.
/// </summary>
internal static class GenAiExtension
{
    public const string Name = "x-nebius-genai-operation";

    public static string? Read(OperationModel operation, JsonObject raw, string pointer)
    {
        if (!raw.TryGetPropertyValue(Name, out _))
        {
            return null;
        }

        var value = raw.Str(Name);
        if (string.IsNullOrEmpty(value) || !System.Text.RegularExpressions.Regex.IsMatch(value, "^[a-z][a-z_.]*$"))
        {
            throw new SpecException(pointer.Child(Name), $"{Name} must be a GenAI operation name such as 'chat' (lower case, '_' and '.')");
        }

        return operation.Tags.Contains(OperationFacts.InferenceTag)
            ? value
            : throw new SpecException(pointer.Child(Name), $"{Name} belongs on an operation tagged '{OperationFacts.InferenceTag}'");
    }
}
