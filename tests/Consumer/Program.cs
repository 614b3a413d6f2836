// Uses the packed Nebius.TokenFactory, .AI and .Testing packages the way an internal
// consumer would, against the fake server from the test kit. Prints one line per check; exit code 0
// only when every check passed.
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Nebius.TokenFactory;
using Nebius.TokenFactory.AI;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using ChatRole = Nebius.TokenFactory.Models.ChatRole;

await using var fake = await FakeTokenFactory.StartAsync();
fake.ChatReply = "Paris is the capital of France.";
var failures = 0;

void Check(string name, bool passed, string detail)
{
    Console.WriteLine($"{(passed ? "ok" : "FAILED")} {name}: {detail}");
    failures += passed ? 0 : 1;
}

using (var client = new NebiusClient(new NebiusClientOptions { ApiKey = "consumer-key", BaseUrl = fake.BaseUrl, AiProjectId = "consumer-project" }))
{
    var models = await client.ListModelsAsync();
    Check("models", models.Any(m => m.Id == "meta-llama/Meta-Llama-3.1-8B-Instruct"), $"{models.Count} models");

    var answer = await client.AskAsync("meta-llama/Meta-Llama-3.1-8B-Instruct", "Capital of France?");
    Check("chat", answer == fake.ChatReply, answer);

    var request = new ChatCompletionRequest
    {
        Model = "meta-llama/Meta-Llama-3.1-8B-Instruct",
        Messages = [new ChatCompletionMessage { Role = ChatRole.User, Content = "Capital of France?" }],
    };
    var accumulator = new ChatCompletionAccumulator();
    await foreach (var chunk in client.StreamChatAsync(request))
    {
        accumulator.Add(chunk);
    }

    var streamed = accumulator.ToResponse().Choices?.FirstOrDefault()?.Message?.Content;
    Check("stream", streamed == fake.ChatReply && accumulator.ChunkCount > 1, $"{accumulator.ChunkCount} chunks: {streamed}");

    try
    {
        await client.V1.Models["no/such-model"].GetAsync();
        Check("error", false, "no exception for an unknown model");
    }
    catch (NebiusNotFoundException ex)
    {
        Check("error", ex.StatusCode == 404, $"{ex.GetType().Name} {ex.StatusCode}: {ex.Detail}");
    }
}

var services = new ServiceCollection();
services.AddNebiusTokenFactory(o =>
{
    o.ApiKey = "consumer-key";
    o.BaseUrl = fake.BaseUrl;
});
await using (var provider = services.BuildServiceProvider())
{
    var client = provider.GetRequiredService<NebiusClient>();   // a singleton: the container owns it
    var answer = await client.AskAsync("meta-llama/Meta-Llama-3.1-8B-Instruct", "Capital of France?");
    Check("dependency injection", answer == fake.ChatReply && ReferenceEquals(client, provider.GetRequiredService<NebiusClient>()), answer);

    IChatClient chat = client.AsIChatClient("meta-llama/Meta-Llama-3.1-8B-Instruct");
    var response = await chat.GetResponseAsync("Capital of France?");
    Check("ai adapter", response.Text == fake.ChatReply, response.Text);
}

var scoped = fake.Journal.Count(r => r.Query.Contains("ai_project_id=consumer-project", StringComparison.Ordinal));
Check("journal", fake.Journal.Count >= 5 && scoped >= 4, $"{fake.Journal.Count} requests, {scoped} scoped to the project");
Console.WriteLine(failures == 0 ? "consumer: ok" : $"consumer: {failures} failed");
return failures == 0 ? 0 : 1;
