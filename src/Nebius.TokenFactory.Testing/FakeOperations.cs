using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>
/// Data Lab operations of the fake: create, list (newest first, paged by <c>cursor_time</c>), get (each read moves
/// the operation one state on through <see cref="FakeTokenFactory.OperationStates"/>), cancel (a queued or running
/// operation ends <c>cancelled</c>), errors (the messages of a failed operation) and results (none).
/// </summary>
internal static class FakeOperations
{
    private static readonly string[] Terminal = ["succeeded", "failed", "cancelled"];

    public static async Task Create(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var problems = new List<(string, string, string)>();
        if (body?["src"] is not JsonArray)
        {
            problems.Add(("src", "missing", "Field required"));
        }

        if (body?["params"] is not JsonObject)
        {
            problems.Add(("params", "missing", "Field required"));
        }

        if (problems.Count > 0)
        {
            await FakeJson.Invalid(context, [.. problems]).ConfigureAwait(false);
            return;
        }

        var operation = new JsonObject
        {
            ["id"] = "op-" + Guid.NewGuid().ToString("N")[..20],
            ["type"] = body!["type"]?.DeepClone() ?? "yql", // the API's default type is not published; the fake picks yql
            ["params"] = body["params"]!.DeepClone(),
            ["src"] = body["src"]!.DeepClone(),
            ["dst"] = body["dst"]?.DeepClone() ?? new JsonArray(),
            ["status"] = fake.State.OperationStates[0],
            ["created_at"] = FakeJson.Now(),
            ["in_progress_at"] = null,
            ["finished_at"] = null,
            ["ai_project_id"] = body["ai_project_id"]?.DeepClone(),
        };
        fake.State.Operations[operation["id"]!.GetValue<string>()] = operation;
        await FakeJson.Ok(context, operation.DeepClone()).ConfigureAwait(false);
    }

    public static Task List(HttpContext context, FakeTokenFactory fake)
    {
        var limit = int.TryParse(context.Request.Query["limit"], out var l) && l > 0 ? l : 100;
        long? before = DateTimeOffset.TryParse(context.Request.Query["cursor_time"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var cursor)
            ? cursor.ToUnixTimeSeconds()
            : null;
        var page = fake.State.Operations.Values
            .Where(o => before is null || o["created_at"]!.GetValue<long>() <= before)
            .OrderByDescending(o => o["created_at"]!.GetValue<long>())
            .ThenBy(o => o["id"]!.GetValue<string>(), StringComparer.Ordinal)
            .Take(limit)
            .Select(o => o.DeepClone());
        return FakeJson.Ok(context, FakeJson.List(page));
    }

    public static Task Get(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } operation)
        {
            return NotFound(context);
        }

        lock (operation)
        {
            Advance(operation, fake.State.OperationStates);
            return FakeJson.Ok(context, operation.DeepClone());
        }
    }

    public static Task Cancel(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } operation)
        {
            return NotFound(context);
        }

        lock (operation)
        {
            if (!Terminal.Contains(operation["status"]!.GetValue<string>()))
            {
                operation["status"] = "cancelled";
                operation["finished_at"] = FakeJson.Now();
            }

            return FakeJson.Ok(context, new JsonObject { ["id"] = operation["id"]!.DeepClone(), ["status"] = operation["status"]!.DeepClone() });
        }
    }

    public static Task Errors(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } operation)
        {
            return NotFound(context);
        }

        var data = new JsonArray();
        lock (operation)
        {
            if (operation["status"]!.GetValue<string>() == "failed")
            {
                data.Add((JsonNode)$"Operation {operation["id"]} failed in the fake Token Factory.");
            }
        }

        return FakeJson.Ok(context, new JsonObject { ["object"] = "list", ["data"] = data });
    }

    public static Task Results(HttpContext context, FakeTokenFactory fake) =>
        Find(context, fake) is null
            ? NotFound(context)
            : FakeJson.Ok(context, new JsonObject { ["object"] = "list", ["data"] = new JsonArray(), ["first_id"] = null, ["last_id"] = null, ["has_more"] = false });

    /// <summary>One state on, unless the operation has ended; the times follow the state.</summary>
    private static void Advance(JsonObject operation, string[] states)
    {
        var status = operation["status"]!.GetValue<string>();
        var at = Array.IndexOf(states, status);
        if (Terminal.Contains(status) || at < 0 || at == states.Length - 1)
        {
            return;
        }

        var next = states[at + 1];
        operation["status"] = next;
        if (next == "running")
        {
            operation["in_progress_at"] = FakeJson.Now();
        }

        if (Terminal.Contains(next))
        {
            operation["finished_at"] = FakeJson.Now();
        }
    }

    private static JsonObject? Find(HttpContext context, FakeTokenFactory fake) =>
        fake.State.Operations.TryGetValue(FakeDatasets.Route(context, "operation_id"), out var operation) ? operation : null;

    private static Task NotFound(HttpContext context) =>
        FakeJson.NotFound(context, $"Operation {FakeDatasets.Route(context, "operation_id")} not found");
}
