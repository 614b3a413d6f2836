using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>
/// The multipart dataset upload of the fake, in the live API's shapes: open an upload, <c>POST</c> raw parts to
/// <c>…/parts</c> (no part number; each answer is <c>{id, upload_id, status, created_at}</c>), list them in arrival
/// order, read or cancel the upload, and complete it with part ids. The dataset is assembled from the ids given to
/// <c>complete</c>, in that order, so a part stored twice (a lost answer) never enters it. The old
/// <c>PUT …/parts/{n}</c> is not served: like the real API it answers 404.
/// </summary>
internal static class FakeDatasetUploads
{
    public static async Task Open(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var problems = FakeDatasets.Missing(body, "name", "folder", "schema");
        if (problems.Length > 0)
        {
            await FakeJson.Invalid(context, problems).ConfigureAwait(false);
            return;
        }

        var upload = new FakeUpload(FakeDatasets.NewId(), body!.DeepClone().AsObject(), FakeJson.Now());
        fake.State.Uploads[upload.Id] = upload;
        await FakeJson.Ok(context, Describe(upload)).ConfigureAwait(false);
    }

    public static Task Get(HttpContext context, FakeTokenFactory fake) =>
        Find(context, fake) is { } upload ? FakeJson.Ok(context, Describe(upload)) : NotFound(context);

    public static async Task PostPart(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } upload)
        {
            await NotFound(context).ConfigureAwait(false);
            return;
        }

        if (!string.Equals(context.Request.ContentType, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            await FakeJson.Write(context, 415, new JsonObject { ["detail"] = "Parts are sent as application/octet-stream" }).ConfigureAwait(false);
            return;
        }

        if (upload.Status != "PENDING")
        {
            await Conflict(context, upload).ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var part = new FakePart("part-" + Guid.NewGuid().ToString("N")[..16], buffer.ToArray(), FakeJson.Now());
        lock (upload.Parts)
        {
            upload.Parts.Add(part);
        }

        await FakeJson.Ok(context, Describe(upload, part)).ConfigureAwait(false);
    }

    public static Task ListParts(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } upload)
        {
            return NotFound(context);
        }

        lock (upload.Parts)
        {
            return FakeJson.Ok(context, FakeJson.List(upload.Parts.Select(p => Describe(upload, p))));
        }
    }

    public static Task Cancel(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } upload)
        {
            return NotFound(context);
        }

        if (upload.Status is "COMPLETED" or "CANCELLED")
        {
            return Conflict(context, upload);
        }

        upload.Status = "CANCELLED";
        return FakeJson.Ok(context, Describe(upload));
    }

    public static async Task Complete(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } upload)
        {
            await NotFound(context).ConfigureAwait(false);
            return;
        }

        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        if (body?["part_ids"] is not JsonArray ids || ids.Count == 0)
        {
            await FakeJson.Invalid(context, ("part_ids", "missing", "Field required")).ConfigureAwait(false);
            return;
        }

        if (upload.Status != "PENDING")
        {
            await Conflict(context, upload).ConfigureAwait(false);
            return;
        }

        Dictionary<string, FakePart> byId;
        lock (upload.Parts)
        {
            byId = upload.Parts.ToDictionary(p => p.Id, StringComparer.Ordinal);
        }

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

        var dataset = FakeDatasets.Store(fake, upload.Request, assembled.ToArray(), rows: null);
        upload.DatasetId = dataset;
        upload.Status = "COMPLETED";
        upload.CompletedAt = FakeJson.Now();
        await FakeJson.Ok(context, Describe(upload)).ConfigureAwait(false);
    }

    private static FakeUpload? Find(HttpContext context, FakeTokenFactory fake) =>
        fake.State.Uploads.TryGetValue(FakeDatasets.Route(context, "upload_id"), out var upload) ? upload : null;

    private static Task NotFound(HttpContext context) => FakeJson.NotFound(context, "Upload not found");

    private static Task Conflict(HttpContext context, FakeUpload upload) =>
        FakeJson.Write(context, 409, new JsonObject { ["detail"] = $"Upload {upload.Id} is {upload.Status}" });

    private static JsonObject Describe(FakeUpload upload) => new()
    {
        ["id"] = upload.Id,
        ["upload_info"] = new JsonObject
        {
            ["status"] = upload.Status,
            ["dataset"] = new JsonObject
            {
                ["name"] = upload.Request["name"]?.DeepClone(),
                ["schema"] = upload.Request["schema"]?.DeepClone(),
                ["folder"] = upload.Request["folder"]?.DeepClone(),
                ["id"] = upload.DatasetId,
            },
            ["created_at"] = upload.CreatedAt,
            ["error"] = null,
            ["completed_at"] = upload.CompletedAt,
            ["ai_project_id"] = null,
        },
    };

    private static JsonObject Describe(FakeUpload upload, FakePart part) => new()
    {
        ["id"] = part.Id,
        ["upload_id"] = upload.Id,
        ["status"] = "UPLOADED",
        ["created_at"] = part.CreatedAt,
    };
}

/// <summary>An open multipart upload of the fake.</summary>
internal sealed record FakeUpload(string Id, JsonObject Request, long CreatedAt)
{
    /// <summary>Parts in arrival order (lock the list to touch it).</summary>
    public List<FakePart> Parts { get; } = [];

    public string Status { get; set; } = "PENDING";

    public string? DatasetId { get; set; }

    public long? CompletedAt { get; set; }
}

/// <summary>One stored part.</summary>
internal sealed record FakePart(string Id, byte[] Content, long CreatedAt);
