using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// What the hand-written HTTP layer needs to know about operations by path, taken from the spec instead of kept
/// by hand: which POSTs are inference (they only compute an answer, so a retry cannot duplicate a resource), which
/// POSTs take the project in their JSON body, and which calls are traced under a GenAI operation name.
/// </summary>
public sealed class OperationFacts
{
    /// <summary>The tag of the inference operations.</summary>
    public const string InferenceTag = "inference";

    /// <summary>The project parameter; a request body that declares a property of this name is scoped in the body too.</summary>
    public const string ProjectField = "ai_project_id";

    public List<string> InferencePostPaths { get; } = [];

    public List<string> ProjectBodyPostPaths { get; } = [];

    public List<(string Path, string Operation)> GenAiOperations { get; } = [];

    public static OperationFacts Collect(BuilderNode root)
    {
        var facts = new OperationFacts();
        Visit(root, facts);
        facts.InferencePostPaths.Sort(StringComparer.Ordinal);
        facts.ProjectBodyPostPaths.Sort(StringComparer.Ordinal);
        facts.GenAiOperations.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return facts;
    }

    private static void Visit(BuilderNode node, OperationFacts facts)
    {
        foreach (var operation in node.Operations)
        {
            if (operation.Method == "POST" && operation.Tags.Contains(InferenceTag))
            {
                facts.InferencePostPaths.Add(LiteralPath(operation));
            }

            if (operation.Method == "POST" && operation.BodyDeclaresProject)
            {
                facts.ProjectBodyPostPaths.Add(LiteralPath(operation));
            }

            if (operation.GenAiOperation is { } genAi)
            {
                facts.GenAiOperations.Add((LiteralPath(operation), genAi));
            }
        }

        foreach (var child in node.Children.Values)
        {
            Visit(child, facts);
        }
    }

    /// <summary>The runtime matches these paths as suffixes of the request path, which a path parameter would defeat.</summary>
    private static string LiteralPath(OperationModel operation) =>
        operation.Path.Contains('{', StringComparison.Ordinal)
            ? throw new SpecException("#/paths".Child(operation.Path).Child(operation.Method.ToLowerInvariant()), $"{operation.Path} has a path parameter, but the client recognises inference and body-scoped calls by a literal path suffix")
            : operation.Path;
}
