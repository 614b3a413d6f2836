using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nebius.TokenFactory.Fuzz;
using Nebius.TokenFactory.Fuzz.Calls;
using Nebius.TokenFactory.Fuzz.Client;
using Nebius.TokenFactory.Fuzz.Generators;
using Nebius.TokenFactory.Fuzz.Server;

namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>
/// Property 2: how a valid answer is cut into network reads does not change what the client reads from it. The
/// result of the split answer, serialized by the client's own writer (models) or as JSON (conveniences, stream
/// chunks), equals that of the same bytes sent in one write.
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class SplitBodyProperties(FuzzHarnessFixture fixture)
{
    [Property(MaxTest = 200, Replay = FuzzSeeds.Replay)]
    public Property A_valid_answer_split_anywhere_reads_as_it_does_whole() =>
        Prop.ForAll(Arb.From(FuzzCases.ValidSplits), async split =>
        {
            var whole = await ReadAsync(split.Whole);
            Assert.DoesNotContain(Failed, whole, StringComparison.Ordinal);
            Assert.Equal(whole, await ReadAsync(split.Split));
            return true;
        });

    /// <summary>
    /// Every cut of one stream (CRLF line ends, comments, event lines, multi-line data, every kind of UTF-8 character),
    /// including the cuts between a CR and its LF and inside each multi-byte character, reads as the stream does whole.
    /// </summary>
    [Fact]
    public async Task A_stream_cut_at_every_byte_reads_as_it_does_whole()
    {
        var stream = SseStreams.ValidStream(new SseFraming("\r\n", Comments: true, EventLines: true, SpaceAfterColon: true, MultiLineData: true), SseStreams.MaxPieces);
        var whole = new Answer(200, "text/event-stream", stream.Bytes, [stream.Bytes.Length], AbortAfterBody: false);
        var expected = await ReadAsync(new FuzzCase("split", CallCatalog.ChatStream, stream.Description, whole));
        Assert.DoesNotContain(Failed, expected, StringComparison.Ordinal);

        var differing = new List<int>();
        for (var cut = 1; cut < stream.Bytes.Length; cut++)
        {
            var split = whole with { Chunks = Chunking.FromCuts(stream.Bytes.Length, [cut]) };
            if (await ReadAsync(new FuzzCase("split", CallCatalog.ChatStream, $"cut at {cut}", split)) != expected)
            {
                differing.Add(cut);
            }
        }

        Assert.True(differing.Count == 0, $"cuts that read differently: {string.Join(", ", differing)}");
    }

    private const string Failed = "the call failed: ";

    /// <summary>The result as text, or how the call failed (so a failing cut shows what happened instead of stopping the loop).</summary>
    private async Task<string> ReadAsync(FuzzCase fuzzCase)
    {
        var outcome = await fixture.Harness.RunAsync(fuzzCase);
        return outcome.Returned ? ResultText.Of(outcome.Result, fixture.Harness.Client.Writers) : Failed + outcome;
    }
}
