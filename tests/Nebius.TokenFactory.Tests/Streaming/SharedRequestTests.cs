using System.Text;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Streaming;

/// <summary>
/// One request object may serve many calls at once: a stream adds <c>stream: true</c> while writing the body and
/// never sets it on the object, so a concurrent non-streaming call with the same object still gets JSON.
/// </summary>
public sealed class SharedRequestTests
{
    private const string Model = "meta-llama/Meta-Llama-3.1-8B-Instruct";

    [Fact]
    public async Task Two_thousand_concurrent_posts_and_streams_sharing_one_request_each_get_their_own_kind_of_answer()
    {
        const int Threads = 16;
        const int CallsPerThread = 125;
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "Paris is the capital.";
        using var client = TestClients.Create(fake);
        var shared = TestRequests.Chat(Model);
        var calls = new Task<string>[Threads * CallsPerThread];

        // Every thread waits at the barrier, then starts its calls without awaiting them: the request bodies of all
        // of them are written at the same time, from many threads, which is where a flag set on the object would race.
        using var barrier = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            barrier.SignalAndWait();
            for (var i = 0; i < CallsPerThread; i++)
            {
                var call = (t * CallsPerThread) + i;
                calls[call] = call % 2 == 0 ? PostAsync(client, shared) : StreamAsync(client, shared);
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        var answers = await Task.WhenAll(calls);

        for (var call = 0; call < answers.Length; call++)
        {
            Assert.Equal(call % 2 == 0 ? "json: Paris is the capital." : "stream: Paris is the capital.", answers[call]);
        }

        Assert.Equal(calls.Length / 2, fake.Journal.Count(r => r.Body.Contains("\"stream\":true", StringComparison.Ordinal)));
        Assert.Null(shared.Stream);
    }

    [Fact]
    public async Task The_callers_request_is_unchanged_after_a_stream_and_a_post_including_additional_data_and_explicit_nulls()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake);
        var request = TestRequests.Chat(Model);
        request.AdditionalData["nebius_extra"] = "kept";
        request.ExplicitNulls.Add("stream");
        request.ExplicitNulls.Add("temperature");

        Assert.StartsWith("stream: ", await StreamAsync(client, request), StringComparison.Ordinal);
        Assert.StartsWith("json: ", await PostAsync(client, request), StringComparison.Ordinal);

        Assert.Null(request.Stream);
        Assert.Null(request.StreamOptions);
        Assert.Equal(["stream", "temperature"], request.ExplicitNulls.Order(StringComparer.Ordinal));
        Assert.Equal("kept", Assert.Single(request.AdditionalData).Value);
        var sent = fake.Journal.Select(r => r.Body).ToList();
        Assert.Contains("\"stream\":true", sent[0], StringComparison.Ordinal);
        Assert.Contains("\"temperature\":null", sent[0], StringComparison.Ordinal);
        Assert.Contains("\"stream\":null", sent[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_stream_request_is_the_generated_stream_request_with_the_flag_written_in_its_place()
    {
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = TestClients.SecretKey, BaseUrl = new Uri("http://127.0.0.1:9/") });
        var request = TestRequests.Chat(Model);
        request.Temperature = 0.5;
        var flagged = TestRequests.Chat(Model);
        flagged.Temperature = 0.5;
        flagged.Stream = true;

        var ours = client.V1.Chat.Completions.ToStreamingRequestInformation(request, c => c.QueryParameters.AiProjectId = "p-1");
        var generated = client.V1.Chat.Completions.ToPostStreamRequestInformation(flagged, c => c.QueryParameters.AiProjectId = "p-1");

        Assert.Equal(generated.URI, ours.URI);
        Assert.Equal(generated.HttpMethod, ours.HttpMethod);
        Assert.Equal(generated.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}"), ours.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}"));
        Assert.Equal(Text(generated.Content), Text(ours.Content));
    }

    [Fact]
    public void A_stream_key_in_additional_data_gives_way_to_the_flag_so_the_body_has_it_once()
    {
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = TestClients.SecretKey, BaseUrl = new Uri("http://127.0.0.1:9/") });
        var request = TestRequests.Chat(Model);
        request.AdditionalData["stream"] = false;
        request.AdditionalData["nebius_extra"] = 1;

        var body = Text(client.V1.Chat.Completions.ToStreamingRequestInformation(request).Content);

        Assert.Equal(2, body.Split("\"stream\":").Length);
        Assert.Contains("\"stream\":true", body, StringComparison.Ordinal);
        Assert.Contains("\"nebius_extra\":1", body, StringComparison.Ordinal);
        Assert.False((bool)request.AdditionalData["stream"]);
    }

    [Fact]
    public async Task Text_completions_stream_without_touching_the_request_too()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake);
        var request = new CompletionRequest { Model = Model, Prompt = new CompletionRequestPrompt { String = "Say hi" } };

        var text = new StringBuilder();
        await foreach (var chunk in client.V1.Completions.StreamAsync(request))
        {
            text.Append(chunk.Choices?.FirstOrDefault()?.Text);
        }

        Assert.Equal(fake.ChatReply, text.ToString());
        Assert.Null(request.Stream);
        Assert.Contains("\"stream\":true", Assert.Single(fake.Journal).Body, StringComparison.Ordinal);
    }

    private static async Task<string> PostAsync(NebiusClient client, ChatCompletionRequest request)
    {
        var response = await client.V1.Chat.Completions.PostAsync(request);
        return $"{(response!.Object == "chat.completion" ? "json" : response.Object)}: {response.Choices![0].Message!.Content}";
    }

    private static async Task<string> StreamAsync(NebiusClient client, ChatCompletionRequest request)
    {
        var text = new StringBuilder();
        await foreach (var chunk in client.V1.Chat.Completions.StreamAsync(request))
        {
            Assert.Equal("chat.completion.chunk", chunk.Object);
            text.Append(chunk.Choices?.FirstOrDefault()?.Delta?.Content);
        }

        return $"stream: {text}";
    }

    private static string Text(Stream? content)
    {
        using var reader = new StreamReader(content!);
        return reader.ReadToEnd();
    }
}
