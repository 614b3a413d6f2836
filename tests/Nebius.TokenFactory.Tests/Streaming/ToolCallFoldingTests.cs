using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Kiota.Serialization.Json;
using Nebius.TokenFactory.AI;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Tests.Streaming;

/// <summary>
/// One folding rule for streamed tool-call fragments: <see cref="ChatCompletionAccumulator"/> and the
/// Microsoft.Extensions.AI streaming mapper are fed the same fragment sequences and must rebuild the same calls.
/// </summary>
public sealed class ToolCallFoldingTests
{
    // The adapter's own options (they know JsonElement values), written compactly like the accumulator's text.
    private static readonly JsonSerializerOptions Compact = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    /// <summary>Fragment sequences (the <c>tool_calls</c> array of each chunk's delta) and the calls they fold into, as id|name|arguments.</summary>
    public static TheoryData<string[], string[]> Sequences => new()
    {
        // With index, interleaved.
        {
            [
                """[{"index":0,"id":"call-a","type":"function","function":{"name":"weather","arguments":"{\"city\":"}}]""",
                """[{"index":1,"id":"call-b","type":"function","function":{"name":"time","arguments":"{\"tz\":"}}]""",
                """[{"index":0,"function":{"arguments":"\"Paris\"}"}}]""",
                """[{"index":1,"function":{"arguments":"\"UTC\"}"}}]""",
            ],
            ["call-a|weather|{\"city\":\"Paris\"}", "call-b|time|{\"tz\":\"UTC\"}"]
        },
        // Without index, each call announced by a new id.
        {
            [
                """[{"id":"call-a","type":"function","function":{"name":"weather","arguments":"{\"city\":"}}]""",
                """[{"id":"call-a","function":{"arguments":"\"Paris\"}"}}]""",
                """[{"id":"call-b","type":"function","function":{"name":"time","arguments":"{\"tz\":\"UTC\"}"}}]""",
            ],
            ["call-a|weather|{\"city\":\"Paris\"}", "call-b|time|{\"tz\":\"UTC\"}"]
        },
        // Without index and id, pieces continue the last call.
        {
            [
                """[{"id":"call-a","type":"function","function":{"name":"weather","arguments":""}}]""",
                """[{"function":{"arguments":"{\"city\":"}}]""",
                """[{"function":{"arguments":"\"Paris\"}"}}]""",
                """[{"id":"call-b","function":{"name":"time"}}]""",
                """[{"function":{"arguments":"{\"tz\":\"UTC\"}"}}]""",
            ],
            ["call-a|weather|{\"city\":\"Paris\"}", "call-b|time|{\"tz\":\"UTC\"}"]
        },
        // Two new ids in one delta.
        {
            [
                """[{"id":"call-a","function":{"name":"weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"call-b","function":{"name":"time","arguments":"{\"tz\":\"UTC\"}"}}]""",
            ],
            ["call-a|weather|{\"city\":\"Paris\"}", "call-b|time|{\"tz\":\"UTC\"}"]
        },
        // Mixed: a call without index between indexed ones comes after them, and an index it would have had is no match.
        {
            [
                """[{"index":0,"id":"call-a","function":{"name":"weather","arguments":"{\"city\":"}}]""",
                """[{"id":"call-c","function":{"name":"news","arguments":"{\"topic\":"}}]""",
                """[{"function":{"arguments":"\"rain\"}"}}]""",
                """[{"index":0,"function":{"arguments":"\"Paris\"}"}}]""",
                """[{"index":1,"id":"call-b","function":{"name":"time","arguments":"{\"tz\":\"UTC\"}"}}]""",
            ],
            ["call-a|weather|{\"city\":\"Paris\"}", "call-b|time|{\"tz\":\"UTC\"}", "call-c|news|{\"topic\":\"rain\"}"]
        },
        // Mixed: a piece without index names an id seen with an index.
        {
            [
                """[{"index":0,"id":"call-a","function":{"name":"weather","arguments":"{\"city\":"}}]""",
                """[{"index":1,"id":"call-b","function":{"name":"time","arguments":"{\"tz\":\"UTC\"}"}}]""",
                """[{"id":"call-a","function":{"arguments":"\"Paris\"}"}}]""",
            ],
            ["call-a|weather|{\"city\":\"Paris\"}", "call-b|time|{\"tz\":\"UTC\"}"]
        },
        // No id and no index at all: one call.
        {
            [
                """[{"function":{"name":"weather","arguments":"{\"city\":"}}]""",
                """[{"function":{"arguments":"\"Paris\"}"}}]""",
            ],
            ["|weather|{\"city\":\"Paris\"}"]
        },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void The_accumulator_folds_the_fragments_by_the_rule(string[] deltas, string[] expected)
    {
        var accumulator = new ChatCompletionAccumulator();
        foreach (var chunk in Chunks(deltas))
        {
            accumulator.Add(chunk);
        }

        var calls = Assert.Single(accumulator.ToResponse().Choices!).Message!.ToolCalls!;

        Assert.Equal(expected, calls.Select(c => $"{c.Id}|{c.Function!.Name}|{c.Function.Arguments}"));
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public void The_ai_streaming_mapper_folds_the_same_fragments_into_the_same_calls(string[] deltas, string[] expected)
    {
        var mapper = new StreamingUpdateMapper();
        var contents = Chunks(deltas).SelectMany(chunk => mapper.Map(chunk).Contents).ToList();

        var calls = contents.OfType<FunctionCallContent>().ToList();

        // The mapper parses the arguments; written back compactly they must be the text the accumulator joined.
        Assert.Equal(expected, calls.Select(c => $"{c.CallId}|{c.Name}|{JsonSerializer.Serialize(c.Arguments, Compact)}"));
        Assert.Null(mapper.Complete());
    }

    [Fact]
    public void The_folder_counts_calls_and_forgets_them_when_cleared()
    {
        var folder = new ToolCallFolder();
        folder.Add(new ChatToolCallDelta { Id = "call-a", Function = new ChatFunctionCallDelta { Name = "weather" } });
        folder.Add(new ChatToolCallDelta { Id = "call-b", Function = new ChatFunctionCallDelta { Name = "time" } });
        Assert.Equal(2, folder.Count);

        folder.Clear();
        folder.Add(new ChatToolCallDelta { Function = new ChatFunctionCallDelta { Arguments = "{}" } });

        var call = Assert.Single(folder.ToToolCalls());
        Assert.Null(call.Id);
        Assert.Equal("function", call.Type);
        Assert.Throws<ArgumentNullException>("fragment", () => folder.Add(null!));
    }

    /// <summary>One chunk per delta, then the finish chunk (which is where the mapper hands the calls on).</summary>
    private static IEnumerable<ChatCompletionChunk> Chunks(string[] deltas)
    {
        foreach (var toolCalls in deltas)
        {
            yield return Chunk("""{"id":"c","choices":[{"index":0,"delta":{"tool_calls":""" + toolCalls + "}}]}");
        }

        yield return Chunk("""{"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""");
    }

    private static ChatCompletionChunk Chunk(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new JsonParseNode(document.RootElement.Clone()).GetObjectValue(ChatCompletionChunk.CreateFromDiscriminatorValue)!;
    }
}
