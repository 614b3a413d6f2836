namespace Nebius.CodeGen.Analysis;

/// <summary>A resource that is polled until it reaches a terminal state, as the get operation's <c>x-nebius-long-running</c> says.</summary>
public sealed class LongRunningModel
{
    /// <summary>The name of its set in <c>NebiusTerminalStates</c> (<c>Batch</c> → <c>BatchStates</c>).</summary>
    public required string Name { get; init; }

    /// <summary>What the resource is called in prose (<c>fine-tuning job</c>).</summary>
    public required string Resource { get; init; }

    /// <summary>The model the get operation answers.</summary>
    public required ModelType Model { get; init; }

    /// <summary>The string property that holds the state.</summary>
    public required ModelProperty Status { get; init; }

    public required IReadOnlyList<string> Terminal { get; init; }

    /// <summary>The terminal states that mean the work did not succeed (documentation: the wait returns them like any other).</summary>
    public required IReadOnlyList<string> Failed { get; init; }

    /// <summary>Where the extension was read, for errors that compare two of them.</summary>
    public required string Pointer { get; init; }
}
