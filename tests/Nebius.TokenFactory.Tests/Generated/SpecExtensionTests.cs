using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Tests.Generated;

/// <summary>
/// The compiled client against the contract's extensions: NebiusTerminalStates holds exactly the terminal states each
/// x-nebius-long-running lists, and the HTTP layer's path tables hold what the hand-kept lists they replaced held.
/// </summary>
public sealed class SpecExtensionTests
{
    private static readonly Lazy<JsonObject> Spec = new(() =>
        SpecLoader.Load(File.ReadAllText(Path.Combine(Nebius.Testing.RepositoryPaths.Root, "openapi", "nebius-token-factory.yaml"))).Root);

    public static TheoryData<string> LongRunningNames
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var name in LongRunningExtensions().Select(e => e.Name).Distinct())
            {
                names.Add(name);
            }

            return names;
        }
    }

    [Theory]
    [MemberData(nameof(LongRunningNames))]
    public void Each_terminal_state_set_is_the_extensions_list(string name)
    {
        var property = typeof(NebiusTerminalStates).GetProperty(name + "States")
            ?? throw new Xunit.Sdk.XunitException($"NebiusTerminalStates has no {name}States");
        var compiled = (IReadOnlySet<string>)property.GetValue(null)!;

        foreach (var (_, terminal) in LongRunningExtensions().Where(e => e.Name == name))
        {
            Assert.Equal(terminal.Order(StringComparer.Ordinal), compiled.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Every_state_set_of_the_class_comes_from_an_extension()
    {
        var sets = typeof(NebiusTerminalStates).GetProperties().Where(p => p.Name.EndsWith("States", StringComparison.Ordinal)).Select(p => p.Name[..^"States".Length]);

        Assert.Equal(LongRunningExtensions().Select(e => e.Name).Distinct().Order(StringComparer.Ordinal), sets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_spec_keeps_the_states_the_waits_were_written_against()
    {
        // The values NebiusTerminalStates held when it was hand-written; a spec edit that drops one is a behaviour change.
        Assert.Equal(["cancelled", "completed", "done", "expired", "failed"], NebiusTerminalStates.BatchStates.Order(StringComparer.Ordinal));
        Assert.Equal(["cancelled", "failed", "succeeded"], NebiusTerminalStates.FineTuningJobStates.Order(StringComparer.Ordinal));
        Assert.Equal(["active", "deleted", "error"], NebiusTerminalStates.CustomModelStates.Order(StringComparer.Ordinal));
        Assert.Equal(["cancelled", "failed", "succeeded"], NebiusTerminalStates.OperationStates.Order(StringComparer.Ordinal));
        Assert.True(NebiusTerminalStates.IsTerminal(new Batch { Status = "Done" }));
    }

    [Fact]
    public void The_path_tables_hold_what_the_hand_kept_lists_held()
    {
        Assert.Equal(
            ["/v1/chat/completions", "/v1/completions", "/v1/embeddings", "/v1/images/generations", "/v1/rerank", "/v1/responses"],
            OperationFacts.InferencePostPaths);
        Assert.Equal(["/v1/datasets", "/v1/operations"], OperationFacts.ProjectBodyPostPaths);
        Assert.Equal(
            [new("/v1/chat/completions", "chat"), new("/v1/completions", "text_completion"), new("/v1/embeddings", "embeddings")],
            OperationFacts.GenAiOperations);
    }

    private static IEnumerable<(string Name, List<string> Terminal)> LongRunningExtensions() =>
        from path in Spec.Value["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        where operation.Value is JsonObject op && op.ContainsKey("x-nebius-long-running")
        let extension = operation.Value!["x-nebius-long-running"]!.AsObject()
        select ((string)extension["name"]!, extension["terminal"]!.AsArray().Select(s => (string)s!).ToList());
}
