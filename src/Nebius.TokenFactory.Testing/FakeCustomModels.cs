using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>
/// Custom models (<c>/v0/models</c>) of the fake: listed as a bare array, created in <c>validating</c> under a
/// generated name (<c>&lt;base&gt;-LoRa:&lt;name&gt;-&lt;4 chars&gt;</c>), <c>active</c> from the next read on, and
/// answered with <c>status: deleted</c> when deleted. Names are matched in full or by their short part.
/// </summary>
internal static class FakeCustomModels
{
    private static readonly string[] Required = ["name", "base_model", "source"];

    public static Task List(HttpContext context, FakeTokenFactory fake)
    {
        var models = new JsonArray();
        lock (fake.Managed.Gate)
        {
            foreach (var model in fake.Managed.CustomModels.Values.OrderBy(m => m["created_at"]!.GetValue<long>()).ThenBy(m => m["name"]!.GetValue<string>(), StringComparer.Ordinal))
            {
                models.Add((JsonNode)Info(model));
            }
        }

        return FakeJson.Ok(context, models);
    }

    public static async Task Create(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var problems = Required
            .Where(field => body?[field]?.GetValueKind() != JsonValueKind.String)
            .Select(field => (field, "missing", "Field required"))
            .ToArray();
        if (problems.Length > 0)
        {
            await FakeJson.Invalid(context, problems).ConfigureAwait(false);
            return;
        }

        var baseModel = body!["base_model"]!.GetValue<string>();
        var source = body["source"]!.GetValue<string>();
        var model = new JsonObject
        {
            ["name"] = $"{baseModel}-LoRa:{body["name"]!.GetValue<string>()}-{Guid.NewGuid().ToString("N")[..4]}",
            ["base_model"] = baseModel,
            ["source"] = source,
            ["description"] = body["description"]?.DeepClone(),
            ["created_at"] = FakeJson.Now(),
            ["status"] = "validating",
        };
        var answer = model.DeepClone();
        fake.Managed.CustomModels[model["name"]!.GetValue<string>()] = model;
        await FakeJson.Ok(context, answer).ConfigureAwait(false);
    }

    public static Task Get(HttpContext context, FakeTokenFactory fake)
    {
        lock (fake.Managed.Gate)
        {
            if (Find(context, fake) is not { } model)
            {
                return NotFound(context);
            }

            // Validation finishes between two polls.
            if (model["status"]!.GetValue<string>() == "validating")
            {
                model["status"] = "active";
            }

            return FakeJson.Ok(context, Info(model));
        }
    }

    /// <summary>Deletes by the <c>{name}</c> route value (<c>/v0/models/…</c>) or the <c>{model}</c> one (<c>DELETE /v1/models/…</c>).</summary>
    public static Task Delete(HttpContext context, FakeTokenFactory fake)
    {
        lock (fake.Managed.Gate)
        {
            if (Find(context, fake) is not { } model)
            {
                return NotFound(context);
            }

            fake.Managed.CustomModels.TryRemove(model["name"]!.GetValue<string>(), out _);
            var deleted = (JsonObject)model.DeepClone();
            deleted["status"] = "deleted";
            return FakeJson.Ok(context, deleted);
        }
    }

    /// <summary>Stores an uploaded LoRA zip (multipart field <c>file</c>) and answers its id, the <c>source</c> of a new model.</summary>
    public static async Task Upload(HttpContext context, FakeTokenFactory fake)
    {
        var file = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false)).Files.GetFile("file") : null;
        if (file is null)
        {
            await FakeJson.Invalid(context, ("file", "missing", "Field required")).ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var stored = FakeFiles.Store(fake, file.FileName, "lora", buffer.ToArray());
        await FakeJson.Ok(context, new JsonObject { ["id"] = stored.Id }).ConfigureAwait(false);
    }

    private static string RouteName(HttpContext context) =>
        Uri.UnescapeDataString((context.Request.RouteValues["name"] ?? context.Request.RouteValues["model"])?.ToString() ?? string.Empty);

    private static JsonObject? Find(HttpContext context, FakeTokenFactory fake)
    {
        var name = RouteName(context);
        return fake.Managed.CustomModels.TryGetValue(name, out var model) ? model
            : fake.Managed.CustomModels.Values.FirstOrDefault(m => ShortName(m["name"]!.GetValue<string>()) == name);
    }

    private static Task NotFound(HttpContext context) =>
        FakeJson.NotFound(context, $"Model {RouteName(context)} not found");

    /// <summary>The part after <c>LoRa:</c> without the random tail, e.g. <c>my-model</c>.</summary>
    private static string ShortName(string fullName)
    {
        var start = fullName.IndexOf("LoRa:", StringComparison.Ordinal);
        var name = start < 0 ? fullName : fullName[(start + 5)..];
        var dash = name.LastIndexOf('-');
        return dash < 0 ? name : name[..dash];
    }

    /// <summary>The <c>CustomModelInfoResponse</c> view of a stored model.</summary>
    private static JsonObject Info(JsonObject model)
    {
        var source = model["source"]!.GetValue<string>();
        var fromJob = source.StartsWith("ftjob-", StringComparison.Ordinal) ? source.Split(':', 2) : null;
        var name = model["name"]!.GetValue<string>();
        return new JsonObject
        {
            ["type"] = "text2text",
            ["name"] = name,
            ["status"] = model["status"]!.GetValue<string>(),
            ["status_reason"] = null,
            ["description"] = model["description"]?.DeepClone(),
            ["created_at"] = model["created_at"]!.GetValue<long>(),
            ["vendor"] = name.Contains('/', StringComparison.Ordinal) ? name[..name.IndexOf('/', StringComparison.Ordinal)] : "custom",
            ["job_id"] = fromJob?[0],
            ["checkpoint_id"] = fromJob is { Length: 2 } ? fromJob[1] : null,
            ["file_id"] = source.StartsWith("file-", StringComparison.Ordinal) ? source : null,
            ["url"] = source.Contains("huggingface.co", StringComparison.Ordinal) ? source : null,
            ["tags"] = new JsonArray("lora"),
        };
    }
}
