using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>JSON in and out for the fake, shaped like the real API's bodies.</summary>
internal static class FakeJson
{
    public static async Task Write(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    public static Task Ok(HttpContext context, JsonNode body) => Write(context, 200, body);

    public static Task NotFound(HttpContext context, string detail) => Write(context, 404, new JsonObject { ["detail"] = detail });

    /// <summary>A 422 the way FastAPI words it: every failing field at once.</summary>
    public static Task Invalid(HttpContext context, params (string Field, string Type, string Message)[] problems)
    {
        var detail = new JsonArray();
        foreach (var (field, type, message) in problems)
        {
            detail.Add((JsonNode)new JsonObject { ["type"] = type, ["loc"] = new JsonArray("body", field), ["msg"] = message, ["input"] = null });
        }

        return Write(context, 422, new JsonObject { ["detail"] = detail });
    }

    public static async Task<JsonObject?> ReadObject(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonObject List(IEnumerable<JsonNode> items)
    {
        var data = new JsonArray();
        foreach (var item in items)
        {
            data.Add(item);
        }

        return new JsonObject { ["object"] = "list", ["data"] = data };
    }

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
