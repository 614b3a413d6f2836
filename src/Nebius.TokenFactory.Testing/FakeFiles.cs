using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>The files API of the fake: multipart upload, list, get, content and delete, held in memory.</summary>
internal static class FakeFiles
{
    private static readonly string[] Purposes = ["batch", "fine-tune"];

    public static async Task Upload(HttpContext context, FakeTokenFactory fake)
    {
        if (!context.Request.HasFormContentType)
        {
            await FakeJson.Invalid(context, ("file", "missing", "Field required"), ("purpose", "missing", "Field required")).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var file = form.Files.GetFile("file");
        var purpose = form["purpose"].ToString();
        var problems = new List<(string, string, string)>();
        if (file is null)
        {
            problems.Add(("file", "missing", "Field required"));
        }

        if (!Purposes.Contains(purpose))
        {
            problems.Add(("purpose", "enum", "Input should be 'batch' or 'fine-tune'"));
        }

        if (problems.Count > 0)
        {
            await FakeJson.Invalid(context, [.. problems]).ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var stored = new FakeFile("file-" + Guid.NewGuid(), file.FileName, purpose, buffer.ToArray(), FakeJson.Now());
        fake.Files[stored.Id] = stored;
        await FakeJson.Ok(context, Describe(stored)).ConfigureAwait(false);
    }

    public static Task List(HttpContext context, FakeTokenFactory fake)
    {
        var purpose = context.Request.Query["purpose"].ToString();
        var limit = int.TryParse(context.Request.Query["limit"], out var l) ? l : 10;
        var files = fake.Files.Values
            .Where(f => purpose.Length == 0 || f.Purpose == purpose)
            .OrderByDescending(f => f.CreatedAt).ThenBy(f => f.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(Describe);
        return FakeJson.Ok(context, FakeJson.List(files));
    }

    public static Task Get(HttpContext context, FakeTokenFactory fake) =>
        Find(context, fake) is { } file ? FakeJson.Ok(context, Describe(file)) : FakeJson.NotFound(context, "File not found");

    public static async Task Content(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } file)
        {
            await FakeJson.NotFound(context, "File not found").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A link to the content route (the fake asks for the key there too; the real link is said to need none).</summary>
    public static Task Link(HttpContext context, FakeTokenFactory fake) =>
        Find(context, fake) is { } file
            ? FakeJson.Ok(context, new JsonObject { ["url"] = new Uri(fake.BaseUrl, $"/v1/files/{Uri.EscapeDataString(file.Id)}/content").ToString() })
            : FakeJson.NotFound(context, "File not found");

    public static Task Delete(HttpContext context, FakeTokenFactory fake)
    {
        var id = context.Request.RouteValues["file_id"]?.ToString() ?? string.Empty;
        return fake.Files.TryRemove(id, out _)
            ? FakeJson.Ok(context, new JsonObject { ["id"] = id, ["object"] = "file", ["deleted"] = true })
            : FakeJson.NotFound(context, "File not found");
    }

    internal static FakeFile Store(FakeTokenFactory fake, string fileName, string purpose, byte[] content)
    {
        var file = new FakeFile("file-" + Guid.NewGuid(), fileName, purpose, content, FakeJson.Now());
        fake.Files[file.Id] = file;
        return file;
    }

    private static FakeFile? Find(HttpContext context, FakeTokenFactory fake) =>
        fake.Files.TryGetValue(context.Request.RouteValues["file_id"]?.ToString() ?? string.Empty, out var file) ? file : null;

    private static JsonObject Describe(FakeFile file) => new()
    {
        ["id"] = file.Id,
        ["object"] = "file",
        ["bytes"] = file.Content.LongLength,
        ["created_at"] = file.CreatedAt,
        ["filename"] = file.FileName,
        ["purpose"] = file.Purpose,
        ["status"] = null,
        ["status_details"] = null,
    };
}
