using System.Text;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory;

/// <summary>
/// Folds the tool-call fragments of one streamed choice into whole calls. It is the one rule that
/// <see cref="ChatCompletionAccumulator"/> and the Microsoft.Extensions.AI adapter share, so a stream yields the same
/// calls whichever of them reads it:
/// <list type="bullet">
/// <item>a fragment with an <c>index</c> belongs to the call of that index;</item>
/// <item>a fragment without <c>index</c> whose <c>id</c> was not seen before starts a new call;</item>
/// <item>a fragment without <c>index</c> whose <c>id</c> was seen belongs to that id's call;</item>
/// <item>a fragment with neither continues the call the previous fragment went to (or starts the first one).</item>
/// </list>
/// The first id, type and name a call receives stay; argument text is appended in arrival order. An empty id counts as none.
/// </summary>
public sealed class ToolCallFolder
{
    // Two kinds of keys, so a call begun without an index never merges with an indexed one that comes later.
    private readonly SortedDictionary<int, PendingCall> _byIndex = [];
    private readonly List<PendingCall> _withoutIndex = [];
    private readonly Dictionary<string, PendingCall> _byId = new(StringComparer.Ordinal);
    private PendingCall? _last;

    /// <summary>The number of calls begun so far.</summary>
    public int Count => _byIndex.Count + _withoutIndex.Count;

    /// <summary>Adds one fragment to the call it belongs to.</summary>
    /// <param name="fragment">A tool-call fragment of a chunk's delta.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fragment"/> is null.</exception>
    public void Add(ChatToolCallDelta fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        var id = string.IsNullOrEmpty(fragment.Id) ? null : fragment.Id;
        PendingCall call;
        if (fragment.Index is { } index)
        {
            call = AtIndex(index);
        }
        else if (id is not null)
        {
            call = _byId.TryGetValue(id, out var known) ? known : Begin();
        }
        else
        {
            call = _last ?? Begin();
        }

        call.Add(fragment);
        if (id is not null)
        {
            _byId.TryAdd(id, call);
        }

        _last = call;
    }

    /// <summary>The calls so far, whole: the indexed ones in index order, then those begun without an index, in arrival order.</summary>
    /// <returns>One <see cref="ChatMessageToolCall"/> per call; its type is <c>function</c> when the stream gave none.</returns>
    public IReadOnlyList<ChatMessageToolCall> ToToolCalls()
    {
        var calls = new List<ChatMessageToolCall>(Count);
        foreach (var call in _byIndex.Values)
        {
            calls.Add(call.ToToolCall());
        }

        foreach (var call in _withoutIndex)
        {
            calls.Add(call.ToToolCall());
        }

        return calls;
    }

    /// <summary>Forgets every call, e.g. once they have been handed on.</summary>
    public void Clear()
    {
        _byIndex.Clear();
        _withoutIndex.Clear();
        _byId.Clear();
        _last = null;
    }

    private PendingCall AtIndex(int index)
    {
        if (!_byIndex.TryGetValue(index, out var call))
        {
            _byIndex[index] = call = new PendingCall();
        }

        return call;
    }

    private PendingCall Begin()
    {
        var call = new PendingCall();
        _withoutIndex.Add(call);
        return call;
    }

    private sealed class PendingCall
    {
        private readonly StringBuilder _arguments = new();
        private string? _id;
        private string? _type;
        private string? _name;

        public void Add(ChatToolCallDelta fragment)
        {
            _id ??= string.IsNullOrEmpty(fragment.Id) ? null : fragment.Id;
            _type ??= fragment.Type;
            _name ??= fragment.Function?.Name;
            _arguments.Append(fragment.Function?.Arguments);
        }

        public ChatMessageToolCall ToToolCall() => new()
        {
            Id = _id,
            Type = _type ?? "function",
            Function = new ChatFunctionCall { Name = _name, Arguments = _arguments.ToString() },
        };
    }
}
