using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// Writes the internal <c>OperationFacts</c> table the hand-written HTTP layer reads (retry rules, project scoping,
/// GenAI tracing), so those paths come from the spec rather than from copies kept by hand.
/// </summary>
internal static class OperationFactsEmitter
{
    public const string ClassName = "OperationFacts";

    public static string Emit(string rootNamespace, OperationFacts facts)
    {
        var writer = FileFrame.Begin(rootNamespace, ["System.Collections.Generic"]);
        writer.Summary("Facts about the spec's operations that the HTTP layer looks up by request path (each a path suffix, matched against the request's path).");
        writer.Line(FileFrame.GeneratedCodeAttribute);
        writer.Open($"internal static class {ClassName}");
        writer.Summary($"POSTs of the operations tagged <c>{OperationFacts.InferenceTag}</c>: they only compute an answer, so retrying one after a server error cannot duplicate a resource.");
        writer.Line($"public static string[] InferencePostPaths {{ get; }} = [{string.Join(", ", facts.InferencePostPaths.Select(Literals.Quote))}];");
        writer.Summary($"POSTs whose JSON request body declares <c>{OperationFacts.ProjectField}</c>: the client scopes the body to its project too.");
        writer.Line($"public static string[] ProjectBodyPostPaths {{ get; }} = [{string.Join(", ", facts.ProjectBodyPostPaths.Select(Literals.Quote))}];");
        writer.Summary("Calls traced as GenAI operations (<c>x-nebius-genai-operation</c>): the path and the operation name.");
        writer.Line($"public static KeyValuePair<string, string>[] GenAiOperations {{ get; }} = [{string.Join(", ", facts.GenAiOperations.Select(g => $"new({Literals.Quote(g.Path)}, {Literals.Quote(g.Operation)})"))}];");
        writer.Close();
        return FileFrame.End(writer);
    }
}
