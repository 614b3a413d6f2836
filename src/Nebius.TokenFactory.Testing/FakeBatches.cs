using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>Batches of the fake. Each read moves a batch one state on (validating → in_progress → completed,
/// with the real API's own names available through <see cref="FakeState.BatchStates"/>); completion writes an
/// output file in Nebius's line shape, where <c>response</c> is the completion itself.</summary>
internal static class FakeBatches
{
    public static async Task Create(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var inputFileId = body?["input_file_id"]?.GetValue<string>();
        if (inputFileId is null || body?["endpoint"] is null)
        {
            await FakeJson.Invalid(context, ("input_file_id", "missing", "Field required")).ConfigureAwait(false);
            return;
        }

        if (!fake.Files.ContainsKey(inputFileId))
        {
            await FakeJson.NotFound(context, "Input file not found").ConfigureAwait(false);
            return;
        }

        var batch = new JsonObject
        {
            ["id"] = "batch_" + Guid.NewGuid(),
            ["object"] = "batch",
            ["endpoint"] = body["endpoint"]!.GetValue<string>(),
            ["input_file_id"] = inputFileId,
            ["completion_window"] = body["completion_window"]?.GetValue<string>() ?? "24h",
            ["status"] = fake.State.BatchStates[0],
            ["created_at"] = FakeJson.Now(),
            ["request_counts"] = new JsonObject(),
            ["output_file_id"] = null,
            ["error_file_id"] = null,
            ["metadata"] = body["metadata"]?.DeepClone(),
        };
        fake.State.Batches[batch["id"]!.GetValue<string>()] = batch;
        await FakeJson.Ok(context, batch.DeepClone()).ConfigureAwait(false);
    }

    public static Task List(HttpContext context, FakeTokenFactory fake)
    {
        var limit = int.TryParse(context.Request.Query["limit"], out var l) ? l : 10;
        var after = context.Request.Query["after"].ToString();
        var all = fake.State.Batches.Values.OrderBy(b => b["id"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
        var start = after.Length == 0 ? 0 : all.FindIndex(b => b["id"]!.GetValue<string>() == after) + 1;
        var page = all.Skip(start).Take(limit).ToList();
        var list = FakeJson.List(page.Select(b => b.DeepClone()));
        list["has_more"] = start + page.Count < all.Count;
        list["first_id"] = page.FirstOrDefault()?["id"]?.DeepClone();
        list["last_id"] = page.LastOrDefault()?["id"]?.DeepClone();
        return FakeJson.Ok(context, list);
    }

    public static Task Get(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } batch)
        {
            return FakeJson.NotFound(context, "Batch not found");
        }

        Advance(batch, fake);
        return FakeJson.Ok(context, batch.DeepClone());
    }

    public static Task Cancel(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } batch)
        {
            return FakeJson.NotFound(context, "Batch not found");
        }

        batch["status"] = "cancelling";
        return FakeJson.Ok(context, batch.DeepClone());
    }

    private static JsonObject? Find(HttpContext context, FakeTokenFactory fake) =>
        fake.State.Batches.TryGetValue(context.Request.RouteValues["batch_id"]?.ToString() ?? string.Empty, out var batch) ? batch : null;

    private static void Advance(JsonObject batch, FakeTokenFactory fake)
    {
        var states = fake.State.BatchStates;
        var current = Array.IndexOf(states, batch["status"]!.GetValue<string>());
        if (current < 0 || current >= states.Length - 1)
        {
            return;
        }

        batch["status"] = states[current + 1];
        if (current + 1 == states.Length - 1)
        {
            Complete(batch, fake);
        }
    }

    private static void Complete(JsonObject batch, FakeTokenFactory fake)
    {
        var input = fake.Files[batch["input_file_id"]!.GetValue<string>()];
        var output = new StringBuilder();
        var lines = 0;
        foreach (var line in Encoding.UTF8.GetString(input.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var request = JsonNode.Parse(line)!;
            var response = new JsonObject
            {
                ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
                ["object"] = "chat.completion",
                ["created"] = FakeJson.Now(),
                ["model"] = request["body"]?["model"]?.DeepClone(),
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = fake.ChatReply }, ["finish_reason"] = "stop" }),
            };
            var result = new JsonObject { ["id"] = "batch_req_" + Guid.NewGuid(), ["custom_id"] = request["custom_id"]?.DeepClone(), ["response"] = response, ["error"] = null };
            output.Append(result.ToJsonString(new JsonSerializerOptions { WriteIndented = false })).Append('\n');
            lines++;
        }

        var file = FakeFiles.Store(fake, $"batch_{batch["id"]}_output.jsonl", "batch", Encoding.UTF8.GetBytes(output.ToString()));
        batch["output_file_id"] = file.Id;
        batch["completed_at"] = FakeJson.Now();
        batch["request_counts"] = new JsonObject { ["total"] = lines, ["completed"] = lines, ["failed"] = 0 };
    }
}

/// <summary>Mutable state of a fake beyond files.</summary>
internal sealed class FakeState
{
    /// <summary>The states a batch passes through, one per read; the last one is final.</summary>
    public string[] BatchStates { get; set; } = ["validating", "in_progress", "completed"];

    public ConcurrentDictionary<string, JsonObject> Batches { get; } = new();
}
