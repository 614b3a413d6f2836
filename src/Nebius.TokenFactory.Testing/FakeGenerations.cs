using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>
/// The inference calls beyond chat, completions and embeddings: image generation (a URL, or a tiny PNG as
/// <c>b64_json</c>), rerank (documents scored by the query words they share, best first) and the Responses API (one message
/// with <see cref="FakeTokenFactory.ChatReply"/>; JSON only, as the fake streams only chat and completions).
/// </summary>
internal static class FakeGenerations
{
    // A 1×1 transparent PNG: the smallest real image, so callers can decode what they get.
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    public static async Task Image(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var problems = Strings(body, "model", "prompt");
        if (problems.Length > 0)
        {
            await FakeJson.Invalid(context, problems).ConfigureAwait(false);
            return;
        }

        var image = body!["response_format"]?.GetValue<string>() == "b64_json"
            ? new JsonObject { ["b64_json"] = Png }
            : new JsonObject { ["url"] = new Uri(fake.BaseUrl, $"/fake-images/{Guid.NewGuid():N}.{body["response_extension"]?.GetValue<string>() ?? "webp"}").ToString() }; // url is the API's default
        await FakeJson.Ok(context, new JsonObject { ["id"] = "img-" + Guid.NewGuid().ToString("N")[..12], ["data"] = new JsonArray(image) }).ConfigureAwait(false);
    }

    public static async Task Rerank(HttpContext context)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var problems = Strings(body, "model", "query").ToList();
        if (body?["documents"] is not JsonArray documents)
        {
            problems.Add(("documents", "missing", "Field required"));
            documents = [];
        }

        if (problems.Count > 0)
        {
            await FakeJson.Invalid(context, [.. problems]).ConfigureAwait(false);
            return;
        }

        var words = Words(body!["query"]!.GetValue<string>());
        var results = documents
            .Select((document, index) => (Text: document?.GetValueKind() == JsonValueKind.String ? document.GetValue<string>() : document?["text"]?.GetValue<string>() ?? string.Empty, Index: index))
            .Select(d => (d.Text, d.Index, Score: words.Count == 0 ? 0 : (double)Words(d.Text).Count(words.Contains) / words.Count))
            .OrderByDescending(d => d.Score)
            .ThenBy(d => d.Index)
            .Select(d => (JsonNode)new JsonObject { ["index"] = d.Index, ["relevance_score"] = d.Score, ["document"] = new JsonObject { ["text"] = d.Text } });
        await FakeJson.Ok(context, new JsonObject
        {
            ["id"] = "rerank-" + Guid.NewGuid().ToString("N")[..12],
            ["model"] = body["model"]!.DeepClone(),
            ["results"] = new JsonArray([.. results]),
        }).ConfigureAwait(false);
    }

    public static async Task Response(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var problems = Strings(body, "model").ToList();
        if (body?["input"] is null)
        {
            problems.Add(("input", "missing", "Field required"));
        }

        if (problems.Count > 0)
        {
            await FakeJson.Invalid(context, [.. problems]).ConfigureAwait(false);
            return;
        }

        if (body!["stream"]?.GetValueKind() == JsonValueKind.True)
        {
            await FakeJson.Write(context, 400, new JsonObject { ["detail"] = "The fake Token Factory answers the Responses API as JSON only." }).ConfigureAwait(false);
            return;
        }

        var text = fake.ChatReply;
        var inputTokens = Words(body["input"]!.ToJsonString()).Count;
        var outputTokens = Words(text).Count;
        await FakeJson.Ok(context, new JsonObject
        {
            ["id"] = "resp_" + Guid.NewGuid().ToString("N")[..24],
            ["object"] = "response",
            ["created_at"] = FakeJson.Now(),
            ["model"] = body["model"]!.DeepClone(),
            ["status"] = "completed",
            ["output"] = new JsonArray(new JsonObject
            {
                ["type"] = "message",
                ["role"] = "assistant",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = text }),
            }),
            ["error"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = outputTokens, ["total_tokens"] = inputTokens + outputTokens },
        }).ConfigureAwait(false);
    }

    private static (string, string, string)[] Strings(JsonObject? body, params string[] fields) =>
        [.. fields.Where(f => body?[f]?.GetValueKind() != JsonValueKind.String).Select(f => (f, "missing", "Field required"))];

    private static HashSet<string> Words(string text) =>
        [.. text.Split([' ', '\n', '\t', '.', ',', '?', '!', '"', ':', '[', ']', '{', '}'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant())];
}
