using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nebius.TokenFactory.Fuzz.Generators;
using Nebius.TokenFactory.Fuzz.Json;

namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>
/// Property 3: a success status with a JSON content type and a body that is not valid JSON (truncated, a flipped or
/// inserted byte, HTML, invalid UTF-8, trailing garbage, a body that broke off), and an event stream that cannot be
/// read to its <c>[DONE]</c>, never read as a success: the call throws. Which exception is property 1's business.
/// An empty body is not among them: like Kiota, the client reads no body as no result (null).
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class InvalidBodyProperties(FuzzHarnessFixture fixture)
{
    [Property(MaxTest = 250, Replay = FuzzSeeds.Replay)]
    public Property A_body_that_is_not_valid_JSON_never_reads_as_a_success() =>
        Prop.ForAll(Arb.From(FuzzCases.InvalidSuccesses), async fuzzCase =>
        {
            Assert.True(fuzzCase.Call.Example is null || !JsonValidity.IsValid(fuzzCase.Answer.Body), "the generator made a valid body");
            var outcome = await fixture.Harness.RunAsync(fuzzCase);
            Assert.False(outcome.Hung, "the call did not end");
            Assert.False(outcome.Returned, $"the call returned {Nebius.TokenFactory.Fuzz.Client.ResultText.Of(outcome.Result, fixture.Harness.Client.Writers)}");
            return true;
        });
}
