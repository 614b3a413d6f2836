namespace Nebius.TokenFactory.Tests.Client;

/// <summary>Code that depends on <see cref="NebiusClient"/> can be tested with a double, no server involved.</summary>
public sealed class TestDoubleTests
{
    [Fact]
    public async Task A_double_overrides_AskAsync_and_code_under_test_gets_its_answer()
    {
        using NebiusClient client = new CannedClient("Paris.");

        var answer = await CapitalOf(client, "France");

        Assert.Equal("Paris.", answer);
        Assert.Equal(["Capital of France?"], ((CannedClient)client).Prompts);
    }

    [Fact]
    public async Task What_a_double_does_not_override_fails_without_sending()
    {
        using var client = new CannedClient("unused");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.V1.Models.GetAsync());

        Assert.Contains("test double", error.Message, StringComparison.Ordinal);
    }

    private static Task<string> CapitalOf(NebiusClient client, string country) =>
        client.AskAsync("meta-llama/Meta-Llama-3.1-8B-Instruct", $"Capital of {country}?");

    private sealed class CannedClient(string answer) : NebiusClient
    {
        public List<string> Prompts { get; } = [];

        public override Task<string> AskAsync(string model, string prompt, CancellationToken cancellationToken = default)
        {
            Prompts.Add(prompt);
            return Task.FromResult(answer);
        }
    }
}
