using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>Chat, completions and embeddings of the fake: scripted text, as JSON or as an SSE stream.</summary>
internal static class FakeInference
{
    public static async Task Chat(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var problems = new List<(string, string, string)>();
        if (body?["model"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            problems.Add(("model", "missing", "Field required"));
        }

        if (body?["messages"] is not JsonArray { Count: > 0 })
        {
            problems.Add(("messages", "missing", "Field required"));
        }

        if (problems.Count > 0)
        {
            await FakeJson.Invalid(context, [.. problems]).ConfigureAwait(false);
            return;
        }

        await Answer(context, fake, body!, chat: true).ConfigureAwait(false);
    }

    public static async Task Completion(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        if (body?["model"] is null || body["prompt"] is null)
        {
            await FakeJson.Invalid(context, ("prompt", "missing", "Field required")).ConfigureAwait(false);
            return;
        }

        await Answer(context, fake, body, chat: false).ConfigureAwait(false);
    }

    public static async Task Embeddings(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var inputs = body?["input"] switch
        {
            JsonArray array => array.Select(i => i?.ToJsonString() ?? string.Empty).ToList(),
            JsonValue value => [value.ToJsonString()],
            _ => null,
        };
        if (body?["model"] is null || inputs is null)
        {
            await FakeJson.Invalid(context, ("input", "missing", "Field required")).ConfigureAwait(false);
            return;
        }

        var model = body["model"]!.GetValue<string>();
        if (!fake.Models.Contains(model))
        {
            await FakeJson.NotFound(context, $"The model `{model}` does not exist.").ConfigureAwait(false);
            return;
        }

        var dimensions = body["dimensions"]?.GetValue<int>() ?? 8;
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Vector(inputs[i], dimensions);
            data.Add((JsonNode)new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = base64 ? Base64(vector) : new JsonArray([.. vector.Select(v => (JsonNode)v)]),
            });
        }

        await FakeJson.Ok(context, new JsonObject
        {
            ["object"] = "list",
            ["model"] = model,
            ["data"] = data,
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        }).ConfigureAwait(false);
    }

    private static async Task Answer(HttpContext context, FakeTokenFactory fake, JsonObject body, bool chat)
    {
        var model = body["model"]!.GetValue<string>();
        if (!fake.Models.Contains(model))
        {
            await FakeJson.NotFound(context, $"The model `{model}` does not exist.").ConfigureAwait(false);
            return;
        }

        if (chat && fake.ChatTurns.TryDequeue(out var turn))
        {
            await FakeChatTurnWriter.Answer(context, body, model, turn).ConfigureAwait(false);
            return;
        }

        var id = (chat ? "chatcmpl-" : "cmpl-") + Guid.NewGuid().ToString("N");
        var words = fake.ChatReply.Split(' ');
        var usage = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = words.Length, ["total_tokens"] = 10 + words.Length };
        if (body["stream"]?.GetValue<bool>() != true)
        {
            var choice = chat
                ? new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = fake.ChatReply, ["tool_calls"] = new JsonArray() }, ["finish_reason"] = "stop" }
                : new JsonObject { ["index"] = 0, ["text"] = fake.ChatReply, ["finish_reason"] = "stop" };
            await FakeJson.Ok(context, new JsonObject
            {
                ["id"] = id,
                ["object"] = chat ? "chat.completion" : "text_completion",
                ["created"] = FakeJson.Now(),
                ["model"] = model,
                ["choices"] = new JsonArray(choice),
                ["usage"] = usage,
                ["service_tier"] = null,
            }).ConfigureAwait(false);
            return;
        }

        var stream = new FakeEventStream(context);
        await stream.Begin().ConfigureAwait(false);
        for (var i = 0; i < words.Length; i++)
        {
            var piece = (i == 0 ? string.Empty : " ") + words[i];
            var choice = chat
                ? new JsonObject { ["index"] = 0, ["delta"] = i == 0 ? new JsonObject { ["role"] = "assistant", ["content"] = piece } : new JsonObject { ["content"] = piece }, ["finish_reason"] = null }
                : new JsonObject { ["index"] = 0, ["text"] = piece, ["finish_reason"] = null };
            await stream.Send(Chunk(id, model, chat, choice)).ConfigureAwait(false);
        }

        var last = chat
            ? new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = "stop" }
            : new JsonObject { ["index"] = 0, ["text"] = string.Empty, ["finish_reason"] = "stop" };
        await stream.Send(Chunk(id, model, chat, last)).ConfigureAwait(false);
        if (body["stream_options"]?["include_usage"]?.GetValue<bool>() == true)
        {
            var final = Chunk(id, model, chat, null);
            final["usage"] = usage;
            await stream.Send(final).ConfigureAwait(false);
        }

        await stream.Done().ConfigureAwait(false);
    }

    private static JsonObject Chunk(string id, string model, bool chat, JsonObject? choice) => new()
    {
        ["id"] = id,
        ["object"] = chat ? "chat.completion.chunk" : "text_completion",
        ["created"] = FakeJson.Now(),
        ["model"] = model,
        ["choices"] = choice is null ? new JsonArray() : new JsonArray(choice),
    };

    /// <summary>A deterministic unit-ish vector derived from the input text, so equal inputs embed equally.</summary>
    internal static float[] Vector(string input, int dimensions)
    {
        var random = new Random(StringComparer.Ordinal.GetHashCode(input) & 0x7fffffff);
        return [.. Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1))];
    }

    private static string Base64(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return Convert.ToBase64String(bytes);
    }
}
