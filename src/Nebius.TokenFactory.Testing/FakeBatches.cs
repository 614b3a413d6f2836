using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>Batches of the fake. Each read moves a batch one state on (validating → in_progress → completed,
/// with the real API's own names available through <see cref="FakeTokenFactory.BatchStates"/>); a cancel lands on
/// the next read. Completion writes an output file in Nebius's line shape, where <c>response</c> is the completion
/// itself, and an error file for the lines <see cref="FakeTokenFactory.BatchLineFailure"/> fails, both shuffled.</summary>
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
        if (fake.State.BatchStates.Length == 1)
        {
            Complete(batch, fake);
        }

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
        var status = batch["status"]!.GetValue<string>();
        if (status == "cancelling")
        {
            // A cancel takes one more read to land, as on the real API.
            batch["status"] = "cancelled";
            batch["cancelled_at"] = FakeJson.Now();
            return;
        }

        var current = Array.IndexOf(states, status);
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
        var succeeded = new List<string>();
        var failed = new List<string>();
        foreach (var line in Encoding.UTF8.GetString(input.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var request = JsonNode.Parse(line)!;
            var customId = request["custom_id"]?.GetValue<string>() ?? string.Empty;
            if (fake.BatchLineFailure?.Invoke(customId) is { } failure)
            {
                var error = new JsonObject { ["code"] = "invalid_request", ["message"] = failure };
                failed.Add(new JsonObject { ["id"] = "batch_req_" + Guid.NewGuid(), ["custom_id"] = customId, ["response"] = null, ["error"] = error }.ToJsonString(Compact));
                continue;
            }

            var result = new JsonObject { ["id"] = "batch_req_" + Guid.NewGuid(), ["custom_id"] = customId, ["response"] = Answer(request, fake), ["error"] = null };
            succeeded.Add(result.ToJsonString(Compact));
        }

        // The real API writes results in no particular order; so does the fake, so callers must join by custom_id.
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(succeeded));
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(failed));
        var id = batch["id"]!.GetValue<string>();
        batch["output_file_id"] = FakeFiles.Store(fake, $"batch_{id}_output.jsonl", "batch", Lines(succeeded)).Id;
        batch["error_file_id"] = failed.Count == 0 ? null : FakeFiles.Store(fake, $"batch_{id}_error.jsonl", "batch", Lines(failed)).Id;
        batch["completed_at"] = FakeJson.Now();
        batch["request_counts"] = new JsonObject { ["total"] = succeeded.Count + failed.Count, ["completed"] = succeeded.Count, ["failed"] = failed.Count };
    }

    /// <summary>The embeddings of a line, the same vectors the online endpoint gives for the same input.</summary>
    private static JsonObject Embeddings(JsonNode request)
    {
        var inputs = request["body"]?["input"] switch
        {
            JsonArray array => array.Select(i => i?.ToJsonString() ?? string.Empty).ToList(),
            JsonValue value => [value.ToJsonString()],
            _ => [],
        };
        var dimensions = request["body"]?["dimensions"]?.GetValue<int>() ?? 8;
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            data.Add((JsonNode)new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = new JsonArray([.. FakeInference.Vector(inputs[i], dimensions).Select(v => (JsonNode)v)]) });
        }

        return new JsonObject
        {
            ["object"] = "list",
            ["model"] = request["body"]?["model"]?.DeepClone(),
            ["data"] = data,
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        };
    }

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private static byte[] Lines(List<string> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));

    /// <summary>The completion a line gets: Nebius puts it in <c>response</c> as is, without OpenAI's status wrapper.</summary>
    private static JsonObject Answer(JsonNode request, FakeTokenFactory fake)
    {
        if (request["url"]?.GetValue<string>() == "/v1/embeddings")
        {
            return Embeddings(request);
        }

        var prompt = request["body"]?["messages"] is JsonArray messages
            ? messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user")?["content"]?.ToString() ?? string.Empty
            : string.Empty;
        var reply = fake.BatchReply?.Invoke(prompt) ?? fake.ChatReply;
        return new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            ["object"] = "chat.completion",
            ["created"] = FakeJson.Now(),
            ["model"] = request["body"]?["model"]?.DeepClone(),
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply }, ["finish_reason"] = "stop" }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 5, ["completion_tokens"] = 3, ["total_tokens"] = 8 },
            ["service_tier"] = null,
        };
    }
}

/// <summary>Mutable state of a fake beyond files.</summary>
internal sealed class FakeState
{
    /// <summary>The states a batch passes through, one per read; the last one is final.</summary>
    public string[] BatchStates { get; set; } = ["validating", "in_progress", "completed"];

    public ConcurrentDictionary<string, JsonObject> Batches { get; } = new();

    public ConcurrentDictionary<string, FakeDataset> Datasets { get; } = new();

    public ConcurrentDictionary<string, FakeUpload> Uploads { get; } = new();

    /// <summary>Datasets made so far; a field, for <see cref="Interlocked"/>, so that lists keep creation order.</summary>
#pragma warning disable SA1401 // a field on purpose: Interlocked.Increment needs a reference
    public long DatasetCount;
#pragma warning restore SA1401

    public ConcurrentDictionary<string, JsonObject> Operations { get; } = new();

    /// <summary>The states an operation passes through, one per read; the last one is final.</summary>
    public string[] OperationStates { get; set; } = ["queued", "running", "succeeded"];
}
