using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Nebius.TokenFactory.AI;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using ChatResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;
using ChatRole = Microsoft.Extensions.AI.ChatRole;

namespace Nebius.TokenFactory.Tests.AI;

/// <summary>The IChatClient adapter: what it sends for each option, and what it makes of the answers.</summary>
public sealed class ChatClientTests
{
    [Fact]
    public async Task Nebius_specific_additional_properties_reach_the_wire()
    {
        await using var fixture = await AIFixture.StartAsync(o => o.AiProjectId = "project-default");
        var chat = fixture.Client.AsIChatClient(AIFixture.ChatModel);
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").RootElement;
        var options = new ChatOptions
        {
            AdditionalProperties = new()
            {
                [NebiusChatProperties.AiProjectId] = "project-call",
                [NebiusChatProperties.TopK] = 20,
                [NebiusChatProperties.GuidedJson] = schema,
                [NebiusChatProperties.ReasoningEffort] = "low",
                [NebiusChatProperties.ChatTemplateKwargs] = new Dictionary<string, object?> { ["enable_thinking"] = false },
                [NebiusChatProperties.MinP] = 0.05,
                ["some_future_knob"] = 3,
            },
        };

        await chat.GetResponseAsync("Hi", options);

        var request = fixture.Fake.Journal.Single();
        Assert.Contains("ai_project_id=project-call", request.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("project-default", request.Query, StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(20, (int?)body["top_k"]);
        Assert.Equal("string", (string?)body["guided_json"]!["properties"]!["city"]!["type"]);
        Assert.Equal("city", (string?)body["guided_json"]!["required"]![0]);
        Assert.Equal("low", (string?)body["reasoning_effort"]);
        Assert.False((bool)body["chat_template_kwargs"]!["enable_thinking"]!);
        Assert.Equal(0.05, (double?)body["min_p"]);
        Assert.Equal(3, (int?)body["some_future_knob"]);
    }

    [Fact]
    public async Task Standard_options_map_to_the_api_fields()
    {
        await using var fixture = await AIFixture.StartAsync();
        var chat = fixture.Client.AsIChatClient("meta-llama/Meta-Llama-3.1-8B-Instruct");
        var options = new ChatOptions
        {
            ModelId = AIFixture.ChatModel,
            Instructions = "Be brief.",
            Temperature = 0.5f,
            TopP = 0.9f,
            TopK = 40,
            MaxOutputTokens = 64,
            Seed = 7,
            StopSequences = ["END"],
            Reasoning = new ReasoningOptions { Effort = Microsoft.Extensions.AI.ReasoningEffort.High },
        };

        await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "You are a bot."), new ChatMessage(ChatRole.User, "Hi")], options);

        var body = fixture.Bodies().Single();
        Assert.Equal(AIFixture.ChatModel, (string?)body["model"]);
        Assert.Equal(["system", "system", "user"], body["messages"]!.AsArray().Select(m => (string?)m!["role"]));
        Assert.Equal("Be brief.", (string?)body["messages"]![0]!["content"]);
        Assert.Equal(0.5, (double)body["temperature"]!, 3);
        Assert.Equal(0.9, (double)body["top_p"]!, 3);
        Assert.Equal(40, (int?)body["top_k"]);
        Assert.Equal(64, (int?)body["max_tokens"]);
        Assert.Equal(7, (long?)body["seed"]);
        Assert.Equal("END", (string?)body["stop"]![0]);
        Assert.Equal("high", (string?)body["reasoning_effort"]);
    }

    [Fact]
    public async Task Json_and_json_schema_response_formats_are_sent()
    {
        await using var fixture = await AIFixture.StartAsync();
        var chat = fixture.Client.AsIChatClient(AIFixture.ChatModel);
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"integer"}}}""").RootElement;

        await chat.GetResponseAsync("1+1?", new ChatOptions { ResponseFormat = ChatResponseFormat.Json });
        await chat.GetResponseAsync("1+1?", new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "sum", "The sum.") });

        var bodies = fixture.Bodies();
        Assert.Equal("json_object", (string?)bodies[0]["response_format"]!["type"]);
        var format = bodies[1]["response_format"]!;
        Assert.Equal("json_schema", (string?)format["type"]);
        Assert.Equal("sum", (string?)format["json_schema"]!["name"]);
        Assert.Equal("The sum.", (string?)format["json_schema"]!["description"]);
        Assert.Equal("integer", (string?)format["json_schema"]!["schema"]!["properties"]!["answer"]!["type"]);
    }

    [Fact]
    public async Task A_response_surfaces_reasoning_usage_finish_reason_and_the_raw_response()
    {
        await using var fixture = await AIFixture.StartAsync();
        fixture.Fake.ChatTurns.Enqueue(FakeChatTurn.Reply("Forty two.", reasoning: "Six times seven."));
        var chat = fixture.Client.AsIChatClient(AIFixture.ChatModel);

        var response = await chat.GetResponseAsync("Answer?");

        Assert.Equal("Forty two.", response.Text);
        Assert.Equal("Six times seven.", response.Messages.Single().Contents.OfType<TextReasoningContent>().Single().Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(AIFixture.ChatModel, response.ModelId);
        Assert.Equal(10, response.Usage?.InputTokenCount);
        Assert.Equal(5, response.Usage?.OutputTokenCount);
        var raw = Assert.IsType<ChatCompletionResponse>(response.RawRepresentation);
        Assert.Equal(raw.Id, response.ResponseId);
        Assert.StartsWith("chatcmpl-", response.ResponseId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_surfaces_text_reasoning_usage_and_raw_chunks()
    {
        await using var fixture = await AIFixture.StartAsync();
        fixture.Fake.ChatTurns.Enqueue(FakeChatTurn.Reply("Forty two.", reasoning: "Six times seven."));
        var chat = fixture.Client.AsIChatClient(AIFixture.ChatModel);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Answer?"))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.Equal("Forty two.", response.Text);
        Assert.Equal("Six times seven.", string.Concat(updates.SelectMany(u => u.Contents).OfType<TextReasoningContent>().Select(r => r.Text)));
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(5, response.Usage?.OutputTokenCount);
        Assert.All(updates, u => Assert.IsType<ChatCompletionChunk>(u.RawRepresentation));
        Assert.True(fixture.Bodies().Single()["stream_options"]!["include_usage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Images_are_sent_as_content_parts()
    {
        await using var fixture = await AIFixture.StartAsync();
        var chat = fixture.Client.AsIChatClient(AIFixture.ChatModel);
        var message = new ChatMessage(ChatRole.User, [new TextContent("What is this?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png")]);

        await chat.GetResponseAsync([message]);

        var parts = fixture.Bodies().Single()["messages"]![0]!["content"]!.AsArray();
        Assert.Equal("What is this?", (string?)parts[0]!["text"]);
        Assert.Equal("image_url", (string?)parts[1]!["type"]);
        Assert.Equal("data:image/png;base64,AQID", (string?)parts[1]!["image_url"]!["url"]);
    }

    [Fact]
    public async Task A_property_that_duplicates_a_chat_option_is_refused_before_sending()
    {
        await using var fixture = await AIFixture.StartAsync();
        var chat = fixture.Client.AsIChatClient(AIFixture.ChatModel);
        var options = new ChatOptions { AdditionalProperties = new() { ["temperature"] = 0.1 } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync("Hi", options));
        var streamError = Assert.Throws<ArgumentException>(() => chat.GetStreamingResponseAsync("Hi", options));

        Assert.Equal("options", error.ParamName);
        Assert.Equal("options", streamError.ParamName);
        Assert.Contains("temperature", error.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Fake.Journal);
    }

    [Fact]
    public async Task Without_a_model_the_call_is_refused_and_metadata_names_the_provider()
    {
        await using var fixture = await AIFixture.StartAsync();
        var chat = fixture.Client.AsIChatClient();

        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync("Hi"));

        var metadata = chat.GetService<ChatClientMetadata>();
        Assert.Equal("nebius", metadata?.ProviderName);
        Assert.Equal(fixture.Client.BaseUrl, metadata?.ProviderUri);
        Assert.Same(fixture.Client, chat.GetService<NebiusClient>());
        Assert.Empty(fixture.Fake.Journal);
    }
}
