using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>
/// Datasets of the fake: inline creation from rows, list (<c>after</c> cursor), get, rename/move, delete, rows by
/// offset, export and query templates. Uploaded datasets (<see cref="FakeDatasetUploads"/>) hold the assembled
/// bytes; export returns them (or the inline rows as JSONL) and the rows are their JSONL lines.
/// </summary>
internal static class FakeDatasets
{
    private static readonly string[] Renamable = ["name", "folder"];

    public static async Task Create(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var problems = Missing(body, "name", "folder", "schema", "rows");
        if (problems.Length > 0)
        {
            await FakeJson.Invalid(context, problems).ConfigureAwait(false);
            return;
        }

        var rows = body!["rows"]!.AsArray();
        var content = Encoding.UTF8.GetBytes(string.Concat(rows.Select(r => r!.ToJsonString() + "\n")));
        var id = Store(fake, body, content, rows.Count);
        await FakeJson.Ok(context, fake.State.Datasets[id].Info.DeepClone()).ConfigureAwait(false);
    }

    public static Task List(HttpContext context, FakeTokenFactory fake)
    {
        var all = fake.State.Datasets.Values.OrderBy(d => d.Order).Select(d => d.Info).ToList();
        var (page, hasMore) = FakePaging.After(context, all, 20);
        return FakeJson.Ok(context, FakePaging.ListWithIds(page, hasMore));
    }

    public static Task Get(HttpContext context, FakeTokenFactory fake) =>
        Find(context, fake) is { } dataset ? FakeJson.Ok(context, dataset.Info.DeepClone()) : NotFound(context);

    public static async Task Patch(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } dataset)
        {
            await NotFound(context).ConfigureAwait(false);
            return;
        }

        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var blank = Renamable.Where(f => body?[f] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0).ToArray();
        if (body is null || blank.Length > 0)
        {
            await FakeJson.Invalid(context, [.. blank.Select(f => (f, "string_too_short", "String should have at least 1 character"))]).ConfigureAwait(false);
            return;
        }

        JsonNode answer;
        lock (dataset.Info)
        {
            foreach (var field in Renamable)
            {
                if (body[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                {
                    dataset.Info[field] = value.GetValue<string>();
                }
            }

            answer = dataset.Info.DeepClone();
        }

        await FakeJson.Ok(context, answer).ConfigureAwait(false);
    }

    public static Task Delete(HttpContext context, FakeTokenFactory fake) =>
        fake.State.Datasets.TryRemove(Route(context, "dataset_id"), out var dataset)
            ? FakeJson.Ok(context, new JsonObject { ["id"] = dataset.Info["id"]!.DeepClone(), ["deleted"] = true })
            : NotFound(context);

    /// <summary>A page of rows by offset, in the <c>{rows, version}</c> shape; rows are the content's JSONL lines.</summary>
    public static Task Content(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } dataset)
        {
            return NotFound(context);
        }

        var limit = int.TryParse(context.Request.Query["limit"], out var l) && l > 0 ? l : 100;
        var offset = int.TryParse(context.Request.Query["offset"], out var o) && o >= 0 ? o : 0;
        var rows = new JsonArray();
        foreach (var line in Encoding.UTF8.GetString(dataset.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(offset).Take(limit))
        {
            rows.Add((JsonNode)ParseRow(line));
        }

        return FakeJson.Ok(context, new JsonObject { ["rows"] = rows, ["version"] = dataset.Info["current_version"]?.DeepClone() });
    }

    public static async Task Export(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } dataset)
        {
            await NotFound(context).ConfigureAwait(false);
            return;
        }

        var content = dataset.Content;
        if (int.TryParse(context.Request.Query["limit"], out var limit) && limit > 0)
        {
            var lines = Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(limit);
            content = Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n")));
        }

        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }

    public static Task QueryTemplates(HttpContext context, FakeTokenFactory fake) =>
        Find(context, fake) is { } dataset
            ? FakeJson.Ok(context, new JsonObject { ["yql"] = $"SELECT * FROM `{dataset.Info["id"]}` LIMIT 100" })
            : NotFound(context);

    /// <summary>Keeps a new dataset made from <paramref name="request"/>'s name, folder and schema; returns its id.</summary>
    internal static string Store(FakeTokenFactory fake, JsonObject request, byte[] content, int? rows)
    {
        var id = NewId();
        var info = new JsonObject
        {
            ["id"] = id,
            ["name"] = request["name"]!.DeepClone(),
            ["status"] = "READY",
            ["schema"] = request["schema"]!.DeepClone(),
            ["metadata"] = rows is { } count ? new JsonObject { ["rows"] = count } : new JsonObject(),
            ["folder"] = request["folder"]!.DeepClone(),
            ["current_version"] = Guid.NewGuid().ToString("N")[..22],
            ["current_version_origin"] = new JsonObject { ["type"] = "upload" },
            ["created_at"] = FakeJson.Now(),
            ["error"] = null,
            ["type"] = "dataset",
            ["ai_project_id"] = request["ai_project_id"]?.DeepClone(),
        };
        fake.State.Datasets[id] = new FakeDataset(info, content, Interlocked.Increment(ref fake.State.DatasetCount));
        return id;
    }

    internal static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? string.Empty;

    internal static string NewId() => Guid.NewGuid().ToString("N");

    internal static (string, string, string)[] Missing(JsonObject? body, params string[] fields) =>
        [.. fields.Where(f => body?[f] is null).Select(f => (f, "missing", "Field required"))];

    private static FakeDataset? Find(HttpContext context, FakeTokenFactory fake) =>
        fake.State.Datasets.TryGetValue(Route(context, "dataset_id"), out var dataset) ? dataset : null;

    private static Task NotFound(HttpContext context) => FakeJson.NotFound(context, "Dataset not found");

    private static JsonObject ParseRow(string line)
    {
        try
        {
            if (JsonNode.Parse(line) is JsonObject row)
            {
                return row;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the line is returned as the value of one text column below.
        }

        return new JsonObject { ["text"] = line };
    }
}

/// <summary>A dataset held by the fake: its description, content and creation order.</summary>
internal sealed record FakeDataset(JsonObject Info, byte[] Content, long Order);
