using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// Writes the public <c>NebiusTerminalStates</c>: for each long-running resource of the spec, its set of terminal
/// states and an <c>IsTerminal</c> overload. A hand-written part of the same partial class may add tests the
/// extension cannot express.
/// </summary>
internal static class TerminalStatesEmitter
{
    public const string ClassName = "NebiusTerminalStates";

    public static string Emit(string rootNamespace, IReadOnlyList<LongRunningModel> resources)
    {
        var status = $"global::{rootNamespace}.Waiting.TerminalStatus";
        var writer = FileFrame.Begin(rootNamespace, ["System", "System.Collections.Generic"]);
        writer.Summary("The states after which a long-running resource no longer changes on its own, from the spec's x-nebius-long-running. Unknown states count as still running, so a new intermediate state on the server never ends a wait early; states compare case-insensitively.");
        writer.Line(FileFrame.GeneratedCodeAttribute);
        writer.Open($"public static partial class {ClassName}");
        foreach (var resource in resources)
        {
            var what = Literals.Doc(resource.Resource);
            writer.Summary($"Terminal states of the {what}: {string.Join(", ", resource.Terminal.Select(s => $"<c>{Literals.Doc(s)}</c>"))}.");
            writer.Line($"public static IReadOnlySet<string> {resource.Name}States {{ get; }} = {status}.Set({string.Join(", ", resource.Terminal.Select(Literals.Quote))});");
        }

        foreach (var resource in resources)
        {
            var parameter = Names.ParameterName(resource.Resource.Split(' ', '-')[^1]);
            writer.Summary($"Whether the {Literals.Doc(resource.Resource)} has ended: its <c>{Literals.Doc(resource.Status.WireName)}</c> is one of <see cref=\"{resource.Name}States\"/>.");
            writer.Line($"/// <param name=\"{parameter.TrimStart('@')}\">The {Literals.Doc(resource.Resource)} as last read.</param>");
            writer.Line($"public static bool IsTerminal({resource.Model.FullName} {parameter}) => {status}.Reached({resource.Name}States, {parameter}, {parameter}?.{resource.Status.Name});");
        }

        writer.Close();
        return FileFrame.End(writer);
    }
}
