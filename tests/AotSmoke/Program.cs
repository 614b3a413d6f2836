// Runs under Native AOT: the everyday calls against the test kit's fake, one line each; exit code 0 only when all passed.
using Microsoft.Extensions.AI;
using Nebius.TokenFactory;
using Nebius.TokenFactory.AI;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using ChatRole = Nebius.TokenFactory.Models.ChatRole;

const string ChatModel = "meta-llama/Meta-Llama-3.1-8B-Instruct";
await using var fake = await FakeTokenFactory.StartAsync();
fake.ChatReply = "Paris.";
using var client = new NebiusClient(new NebiusClientOptions { ApiKey = "aot-key", BaseUrl = fake.BaseUrl });
var failures = 0;

void Check(string name, bool passed, string detail)
{
    Console.WriteLine($"{(passed ? "ok" : "FAILED")} {name}: {detail}");
    failures += passed ? 0 : 1;
}

var answer = await client.AskAsync(ChatModel, "Capital of France?");
Check("chat", answer == fake.ChatReply, answer);

var accumulator = new ChatCompletionAccumulator();
var request = new ChatCompletionRequest { Model = ChatModel, Messages = [new ChatCompletionMessage { Role = ChatRole.User, Content = "Capital of France?" }] };
await foreach (var chunk in client.StreamChatAsync(request))
{
    accumulator.Add(chunk);
}

var streamed = accumulator.ToResponse().Choices?.FirstOrDefault()?.Message?.Content;
Check("stream", streamed == fake.ChatReply && accumulator.ChunkCount > 1, $"{accumulator.ChunkCount} chunks: {streamed}");

var vectors = await client.EmbedAsync("BAAI/bge-en-icl", ["one", "two"]);
Check("embeddings", vectors.Count == 2 && vectors.All(v => v.Length > 0), $"{vectors.Count} vectors of {vectors[0].Length}");

var models = await client.ListModelsAsync();
Check("models", models.Any(m => m.Id == ChatModel), $"{models.Count} models");

using var chat = client.AsIChatClient(ChatModel);
var adapted = await chat.GetResponseAsync("Capital of France?");
Check("ai adapter", adapted.Text == fake.ChatReply, adapted.Text);

Console.WriteLine(failures == 0 ? "aot smoke: ok" : $"aot smoke: {failures} failed");
return failures == 0 ? 0 : 1;
