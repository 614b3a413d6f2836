using Nebius.TokenFactory.Fuzz;
using Nebius.TokenFactory.Fuzz.Calls;
using Nebius.TokenFactory.Fuzz.Server;

namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>The harness makes exactly one request per case, so an answer is judged as the client reads it, not as a retry hides it.</summary>
[Collection(FuzzGroup.Name)]
public sealed class FuzzHarnessTests(FuzzHarnessFixture fixture)
{
    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_retryable_status_is_not_retried(int status)
    {
        var before = fixture.Harness.Requests;
        var answer = new Answer(status, "application/json", """{"detail":"busy"}"""u8.ToArray(), [17], AbortAfterBody: false) { Headers = [new("Retry-After", "0")] };

        var outcome = await fixture.Harness.RunAsync(new FuzzCase("json", CallCatalog.Json[0], "retryable", answer));

        var error = Assert.IsAssignableFrom<NebiusApiException>(outcome.Error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, fixture.Harness.Requests - before);
    }

    [Fact]
    public async Task A_valid_example_reads_as_its_model()
    {
        var call = CallCatalog.Json.Single(c => c.Name == "V1.Files[id].GetAsync");
        var body = Nebius.TokenFactory.Fuzz.Examples.ResponseExamples.Bytes(call.Example!);

        var outcome = await fixture.Harness.RunAsync(new FuzzCase("json", call, "unchanged", new Answer(200, "application/json", body, [body.Length], false)));

        var file = Assert.IsType<Nebius.TokenFactory.Models.FileResponse>(outcome.Result);
        Assert.Equal("f01cbeef-4714-4edb-8896-25b712d287db", file.Id);
        Assert.Equal(2477, file.Bytes);
    }
}
