using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// Writes <c>WaitForCompletionAsync</c> onto the request builder of a get operation with <c>x-nebius-long-running</c>.
/// The polling (growing pauses, timeout, progress) is the package's compiled <c>Waiting.Poller</c>; the terminal test
/// is the generated <c>NebiusTerminalStates.IsTerminal</c> overload of the same resource.
/// </summary>
internal sealed class WaitingEmitter(string rootNamespace)
{
    public void Write(CodeWriter writer, OperationModel operation)
    {
        var resource = operation.LongRunning!;
        var model = resource.Model.FullName;
        var what = Literals.Doc(resource.Resource);
        var states = $"global::{rootNamespace}.{TerminalStatesEmitter.ClassName}";
        var failed = resource.Failed.Count == 0
            ? string.Empty
            : $" A {what} that ends {Alternatives(resource.Failed)} is returned, not thrown: look at its <c>{resource.Status.Name}</c>.";
        writer.Summary($"Polls <c>GET {Literals.Doc(operation.Path)}</c> until the {what} reaches one of the terminal states of <see cref=\"{states}.{resource.Name}States\"/> ({string.Join(", ", resource.Terminal.Select(s => $"<c>{Literals.Doc(s)}</c>"))}; any other state, unknown ones included, keeps the wait going), and returns it.{failed}");
        writer.Line($"/// <returns>The {what} in its terminal state.</returns>");
        writer.Line("/// <param name=\"options\">Poll pacing, timeout and clock; the defaults when null.</param>");
        writer.Line($"/// <param name=\"progress\">Receives the {what} after every poll.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Stops waiting.</param>");
        writer.Line($"/// <exception cref=\"global::{rootNamespace}.NebiusWaitTimeoutException\">The timeout ran out first.</exception>");
        foreach (var (code, error) in operation.ErrorMappings)
        {
            var when = code == "XXX" ? "a 4XX or 5XX status code" : $"a {code} status code";
            writer.Line($"/// <exception cref=\"{error.FullName}\">When a poll receives {when}</exception>");
        }

        writer.Line("// Deviation from Kiota, which generates no waiting: the terminal states come from the operation's x-nebius-long-running.");
        writer.Open($"public Task<{model}> WaitForCompletionAsync(global::{rootNamespace}.NebiusWaitOptions? options = default, IProgress<{model}>? progress = default, CancellationToken cancellationToken = default)");
        writer.Line($"return global::{rootNamespace}.Waiting.Poller.WaitAsync<{model}>(");
        writer.Line($"    token => GetAsync(c => c.Options.Add(global::{rootNamespace}.Http.NebiusRequiredBodyOption.Instance), token),");
        writer.Line($"    {states}.IsTerminal,");
        writer.Line($"    resource => resource.{resource.Status.Name},");
        writer.Line($"    {Literals.Quote("The " + resource.Resource)},");
        writer.Line("    options,");
        writer.Line("    progress,");
        writer.Line("    cancellationToken);");
        writer.Close();
    }

    /// <summary><c>a</c>, <c>b</c> or <c>c</c>.</summary>
    private static string Alternatives(IReadOnlyList<string> states)
    {
        var quoted = states.Select(s => $"<c>{Literals.Doc(s)}</c>").ToList();
        return quoted.Count == 1 ? quoted[0] : $"{string.Join(", ", quoted[..^1])} or {quoted[^1]}";
    }
}
