using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>Writes server-sent events the way the API does: <c>data: {json}</c> frames, flushed one by one, then <c>data: [DONE]</c>.</summary>
internal sealed class FakeEventStream(HttpContext context)
{
    public async Task Begin()
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public Task Send(JsonNode chunk) => Raw("data: " + chunk.ToJsonString());

    public Task Done() => Raw("data: [DONE]");

    private async Task Raw(string line)
    {
        await context.Response.WriteAsync(line + "\n\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
