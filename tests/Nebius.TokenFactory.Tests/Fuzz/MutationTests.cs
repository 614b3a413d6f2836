using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Nebius.TokenFactory.Fuzz;
using Nebius.TokenFactory.Fuzz.Examples;
using Nebius.TokenFactory.Fuzz.Generators;
using Nebius.TokenFactory.Fuzz.Json;

namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>The generators make what they say they make; otherwise the properties would test something else.</summary>
public sealed class MutationTests
{
    private const ulong Seed = 7;

    private static readonly byte[] Chat = ResponseExamples.Bytes("POST_v1_chat_completions.basic.real-2025.json");

    [Theory]
    [InlineData("""{"a":1}""", true)]
    [InlineData("""{"a":"\ud800"}""", true)] // a lone surrogate escape is valid syntax
    [InlineData(" [1, 2] \n", true)]
    [InlineData("""{"a":1}x""", false)]
    [InlineData("""{"a":1""", false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData("""{"a":1,}""", false)]
    [InlineData("<html></html>", false)]
    public void Validity_follows_the_RFC(string json, bool valid) => Assert.Equal(valid, JsonValidity.IsValid(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Validity_rejects_invalid_UTF8_and_skips_a_BOM_and_accepts_any_depth()
    {
        Assert.False(JsonValidity.IsValid([.. "{\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8]));
        Assert.True(JsonValidity.IsValid([0xEF, 0xBB, 0xBF, .. "{}"u8]));
        Assert.True(JsonValidity.IsValid(Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000))));
    }

    [Fact]
    public void Deep_nesting_is_five_thousand_levels_in_an_unknown_property_of_a_still_valid_body()
    {
        var deepest = Enumerable.Range(0, 50).Select(i => FuzzCases.Sample(BodyMutations.DeepNesting(Chat), Seed, i)).Where(m => m.Description.StartsWith("5000", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(deepest);
        Assert.All(deepest, m =>
        {
            Assert.True(JsonValidity.IsValid(m.Body));
            Assert.StartsWith("{\"x_fuzz_nested\":", Encoding.UTF8.GetString(m.Body), StringComparison.Ordinal);
            Assert.True(m.Body.Count(b => b is (byte)'[' or (byte)'{') > 5000);
        });
    }

    [Fact]
    public void Invalid_UTF8_lands_inside_a_string_and_breaks_the_body()
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var i = 0; i < 50; i++)
        {
            var mutated = FuzzCases.Sample(BodyMutations.InvalidUtf8InString(Chat), Seed, i);
            Assert.Throws<DecoderFallbackException>(() => strict.GetString(mutated.Body));
            Assert.False(JsonValidity.IsValid(mutated.Body), mutated.Description);
        }
    }

    [Fact]
    public void A_wrong_kind_case_changes_only_its_target()
    {
        for (var i = 0; i < 50; i++)
        {
            var wrong = FuzzCases.Sample(FuzzCases.WrongKinds, Seed, i);
            var original = ResponseExamples.Bytes(wrong.Case.Call.Example!);
            var body = wrong.Case.Answer.Body;
            Assert.Equal(original[..wrong.Target.Start], body[..wrong.Target.Start]);
            Assert.Equal(wrong.Raw, Encoding.UTF8.GetString(body, wrong.Target.Start, wrong.Raw.Length));
            Assert.Equal(original[wrong.Target.End..], body[(wrong.Target.Start + wrong.Raw.Length)..]);
            Assert.NotNull(ModelPaths.ScalarType(wrong.Case.Call.ModelType!, wrong.Target.Path));
        }
    }

    [Fact]
    public void Writes_add_up_to_the_body_and_stay_few()
    {
        for (var i = 0; i < 300; i++)
        {
            var answer = FuzzCases.Sample(FuzzCases.Any, Seed, i).Answer;
            Assert.Equal(answer.Body.Length, answer.Chunks.Sum());
            Assert.All(answer.Chunks, size => Assert.True(size > 0));
            Assert.True(answer.Chunks.Count <= Chunking.MaxWrites);
        }
    }

    [Fact]
    public void A_split_inside_a_character_cuts_before_a_continuation_byte()
    {
        var stream = SseStreams.ValidStream(new SseFraming("\n", false, false, true, false), SseStreams.MaxPieces).Bytes;
        for (var i = 0; i < 30; i++)
        {
            var first = FuzzCases.Sample(Chunking.SplitInsideCharacter(stream), Seed, i)[0];
            Assert.Equal(0x80, stream[first] & 0xC0);
        }
    }

    [Fact]
    public void Streams_come_in_every_framing_and_defect()
    {
        var descriptions = Enumerable.Range(0, 400).Select(i => FuzzCases.Sample(FuzzCases.Stream, Seed, i).Mutation).ToList();
        string[] expected = ["CRLF", "CR,", "comment lines", "event: lines", "multi-line data", "no [DONE]", "FastAPI", "vLLM", "event: error", "malformed frame", "invalid UTF-8", "connection reset", "no event stream"];
        Assert.All(expected, part => Assert.Contains(descriptions, d => d.Contains(part, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_same_seed_and_number_give_the_same_case()
    {
        var first = FuzzCases.Sample(FuzzCases.Any, 42, 17);
        var again = FuzzCases.Sample(FuzzCases.Any, 42, 17);
        Assert.Equal(first.Repro, again.Repro);
        Assert.NotEqual(first.Repro, FuzzCases.Sample(FuzzCases.Any, 42, 18).Repro);
    }
}
