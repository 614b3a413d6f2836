using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>
/// Datasets of the fake: inline creation from rows, and the multipart flow (open an upload, <c>PUT</c> parts,
/// list them, complete with the part ids in order). Completed datasets can be read back with
/// <c>GET /v1/datasets/{id}/export</c>, which returns the assembled bytes (or the inline rows as JSONL).
/// </summary>
internal static class FakeDatasets
{
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
        var dataset = Dataset(NewId(), body["name"]!.GetValue<string>(), body["folder"]!.GetValue<string>(), body["schema"]!.DeepClone(), rows.Count);
        fake.State.Datasets[dataset["id"]!.GetValue<string>()] = new FakeDataset(dataset, content);
        await FakeJson.Ok(context, dataset.DeepClone()).ConfigureAwait(false);
    }

    public static Task Get(HttpContext context, FakeTokenFactory fake) =>
        fake.State.Datasets.TryGetValue(Route(context, "dataset_id"), out var dataset)
            ? FakeJson.Ok(context, dataset.Info.DeepClone())
            : FakeJson.NotFound(context, "Dataset not found");

    public static async Task Export(HttpContext context, FakeTokenFactory fake)
    {
        if (!fake.State.Datasets.TryGetValue(Route(context, "dataset_id"), out var dataset))
        {
            await FakeJson.NotFound(context, "Dataset not found").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(dataset.Content, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task OpenUpload(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var problems = Missing(body, "name", "folder", "schema");
        if (problems.Length > 0)
        {
            await FakeJson.Invalid(context, problems).ConfigureAwait(false);
            return;
        }

        var upload = new FakeUpload(NewId(), body!.DeepClone().AsObject());
        fake.State.Uploads[upload.Id] = upload;
        await FakeJson.Ok(context, Describe(upload, "PENDING", datasetId: null)).ConfigureAwait(false);
    }

    public static async Task PutPart(HttpContext context, FakeTokenFactory fake)
    {
        if (!fake.State.Uploads.TryGetValue(Route(context, "upload_id"), out var upload))
        {
            await FakeJson.NotFound(context, "Upload not found").ConfigureAwait(false);
            return;
        }

        if (!int.TryParse(Route(context, "part_number"), out var number) || number < 1)
        {
            await FakeJson.Invalid(context, ("part_number", "greater_than_equal", "Input should be greater than or equal to 1")).ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var part = new FakePart("part-" + Guid.NewGuid().ToString("N")[..16], number, buffer.ToArray());
        upload.Parts[number] = part;
        await FakeJson.Ok(context, Describe(part)).ConfigureAwait(false);
    }

    public static Task ListParts(HttpContext context, FakeTokenFactory fake) =>
        fake.State.Uploads.TryGetValue(Route(context, "upload_id"), out var upload)
            ? FakeJson.Ok(context, FakeJson.List(upload.Parts.Values.OrderBy(p => p.Number).Select(Describe)))
            : FakeJson.NotFound(context, "Upload not found");

    public static async Task Complete(HttpContext context, FakeTokenFactory fake)
    {
        if (!fake.State.Uploads.TryGetValue(Route(context, "upload_id"), out var upload))
        {
            await FakeJson.NotFound(context, "Upload not found").ConfigureAwait(false);
            return;
        }

        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        if (body?["part_ids"] is not JsonArray ids || ids.Count == 0)
        {
            await FakeJson.Invalid(context, ("part_ids", "missing", "Field required")).ConfigureAwait(false);
            return;
        }

        var byId = upload.Parts.Values.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var unknown = ids.Select(i => i?.GetValue<string>() ?? string.Empty).FirstOrDefault(i => !byId.ContainsKey(i));
        if (unknown is not null)
        {
            await FakeJson.Write(context, 400, new JsonObject { ["detail"] = $"Unknown part id '{unknown}'" }).ConfigureAwait(false);
            return;
        }

        using var assembled = new MemoryStream();
        foreach (var id in ids)
        {
            assembled.Write(byId[id!.GetValue<string>()].Content);
        }

        var dataset = Dataset(NewId(), upload.Request["name"]!.GetValue<string>(), upload.Request["folder"]!.GetValue<string>(), upload.Request["schema"]!.DeepClone(), rows: null);
        fake.State.Datasets[dataset["id"]!.GetValue<string>()] = new FakeDataset(dataset, assembled.ToArray());
        await FakeJson.Ok(context, Describe(upload, "COMPLETED", dataset["id"]!.GetValue<string>())).ConfigureAwait(false);
    }

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? string.Empty;

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static (string, string, string)[] Missing(JsonObject? body, params string[] fields) =>
        [.. fields.Where(f => body?[f] is null).Select(f => (f, "missing", "Field required"))];

    private static JsonObject Dataset(string id, string name, string folder, JsonNode schema, int? rows) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["status"] = "READY",
        ["schema"] = schema,
        ["metadata"] = rows is { } count ? new JsonObject { ["rows"] = count } : new JsonObject(),
        ["folder"] = folder,
        ["current_version"] = Guid.NewGuid().ToString("N")[..22],
        ["created_at"] = FakeJson.Now(),
        ["error"] = null,
        ["type"] = "dataset",
    };

    private static JsonObject Describe(FakeUpload upload, string status, string? datasetId) => new()
    {
        ["id"] = upload.Id,
        ["upload_info"] = new JsonObject
        {
            ["status"] = status,
            ["dataset"] = new JsonObject
            {
                ["name"] = upload.Request["name"]?.DeepClone(),
                ["schema"] = upload.Request["schema"]?.DeepClone(),
                ["folder"] = upload.Request["folder"]?.DeepClone(),
                ["id"] = datasetId,
            },
            ["created_at"] = FakeJson.Now(),
            ["error"] = null,
            ["completed_at"] = datasetId is null ? null : FakeJson.Now(),
            ["ai_project_id"] = null,
        },
    };

    private static JsonObject Describe(FakePart part) => new() { ["id"] = part.Id, ["part_number"] = part.Number, ["size"] = part.Content.LongLength };
}

/// <summary>A dataset held by the fake: its description and content.</summary>
internal sealed record FakeDataset(JsonObject Info, byte[] Content);

/// <summary>An open multipart upload of the fake.</summary>
internal sealed record FakeUpload(string Id, JsonObject Request)
{
    public ConcurrentDictionary<int, FakePart> Parts { get; } = new();
}

/// <summary>One stored part.</summary>
internal sealed record FakePart(string Id, int Number, byte[] Content);
