using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>Answers a chat request with a <see cref="FakeChatTurn"/>, as JSON or as an SSE stream.</summary>
internal static class FakeChatTurnWriter
{
    public static async Task Answer(HttpContext context, JsonObject body, string model, FakeChatTurn turn)
    {
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var words = string.IsNullOrEmpty(turn.Text) ? [] : turn.Text.Split(' ');
        var finish = turn.ToolCalls.Count > 0 ? "tool_calls" : "stop";
        var outputTokens = words.Length + turn.ToolCalls.Count + (turn.Reasoning is null ? 0 : turn.Reasoning.Split(' ').Length);
        var usage = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = outputTokens, ["total_tokens"] = 10 + outputTokens };
        if (body["stream"]?.GetValue<bool>() != true)
        {
            var message = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = turn.Text,
                ["reasoning_content"] = turn.Reasoning,
                ["tool_calls"] = new JsonArray([.. turn.ToolCalls.Select(Call)]),
            };
            await FakeJson.Ok(context, new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion",
                ["created"] = FakeJson.Now(),
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
                ["usage"] = usage,
            }).ConfigureAwait(false);
            return;
        }

        var stream = new FakeEventStream(context);
        await stream.Begin().ConfigureAwait(false);
        await stream.Send(Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null)).ConfigureAwait(false);
        if (turn.Reasoning is { } reasoning)
        {
            await stream.Send(Chunk(id, model, new JsonObject { ["reasoning_content"] = reasoning }, null)).ConfigureAwait(false);
        }

        for (var i = 0; i < words.Length; i++)
        {
            await stream.Send(Chunk(id, model, new JsonObject { ["content"] = (i == 0 ? string.Empty : " ") + words[i] }, null)).ConfigureAwait(false);
        }

        // Like the API: the first fragment of a call names it, the arguments follow in pieces.
        for (var i = 0; i < turn.ToolCalls.Count; i++)
        {
            var call = turn.ToolCalls[i];
            var half = call.ArgumentsJson.Length / 2;
            JsonObject Fragment(JsonObject function, bool first) => new()
            {
                ["tool_calls"] = new JsonArray(first
                    ? new JsonObject { ["index"] = i, ["id"] = call.Id, ["type"] = "function", ["function"] = function }
                    : new JsonObject { ["index"] = i, ["function"] = function }),
            };
            await stream.Send(Chunk(id, model, Fragment(new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson[..half] }, first: true), null)).ConfigureAwait(false);
            await stream.Send(Chunk(id, model, Fragment(new JsonObject { ["arguments"] = call.ArgumentsJson[half..] }, first: false), null)).ConfigureAwait(false);
        }

        await stream.Send(Chunk(id, model, new JsonObject(), finish)).ConfigureAwait(false);
        if (body["stream_options"]?["include_usage"]?.GetValue<bool>() == true)
        {
            var final = Chunk(id, model, null, null);
            final["usage"] = usage;
            await stream.Send(final).ConfigureAwait(false);
        }

        await stream.Done().ConfigureAwait(false);
    }

    private static JsonObject Call(FakeToolCall call) => new()
    {
        ["id"] = call.Id,
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
    };

    private static JsonObject Chunk(string id, string model, JsonObject? delta, string? finish) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = FakeJson.Now(),
        ["model"] = model,
        ["choices"] = delta is null ? new JsonArray() : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };
}
