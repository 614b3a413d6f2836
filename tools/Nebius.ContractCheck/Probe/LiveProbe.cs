using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Nebius.ContractCheck.Probe;

/// <summary>
/// Read-only calls against the real API (<see cref="ReadOnlyCall.All"/>: models, files, batches, fine-tuning jobs,
/// custom models, dedicated endpoints) plus one tiny chat completion and one tiny stream; every response, and every stream chunk, is
/// checked against the spec with <see cref="ResponseDrift"/>. The API key only ever goes into the
/// Authorization header; anything echoed back is redacted before it is printed.
/// </summary>
internal sealed class LiveProbe(JsonObject spec, HttpClient http, Uri baseUrl, string apiKey, string? model)
{
    private readonly ResponseDrift _drift = new(spec);

    public async Task<List<DriftFinding>> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var findings = new List<DriftFinding>();
        JsonNode? models = null;
        foreach (var call in ReadOnlyCall.All)
        {
            var body = await CallAsync(call.Method, call.Path, null, findings, log, cancellationToken).ConfigureAwait(false);
            models ??= call.Path == "/v1/models" ? body : null;
        }

        var chatModel = model ?? PickChatModel(models);
        if (chatModel is null)
        {
            findings.Add(new DriftFinding("POST /v1/chat/completions", "$", DriftFinding.CallFailed, "no model to chat with: pass --model"));
            return findings;
        }

        var chat = new JsonObject
        {
            ["model"] = chatModel,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Reply with one word: hi" }),
            ["max_tokens"] = 2,
        };
        await CallAsync("POST", "/v1/chat/completions", chat, findings, log, cancellationToken).ConfigureAwait(false);
        chat["stream"] = true;
        await StreamAsync(chat, findings, log, cancellationToken).ConfigureAwait(false);
        return findings;
    }

    private async Task<JsonNode?> CallAsync(string method, string path, JsonObject? body, List<DriftFinding> findings, TextWriter log, CancellationToken cancellationToken)
    {
        var call = $"{method} {path}";
        using var request = Request(method, path, body);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            findings.Add(new DriftFinding(call, "$", DriftFinding.CallFailed, $"HTTP {(int)response.StatusCode}: {Redact(text)}"));
            await log.WriteLineAsync($"probe: {call}: HTTP {(int)response.StatusCode}").ConfigureAwait(false);
            return null;
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException ex)
        {
            findings.Add(new DriftFinding(call, "$", DriftFinding.CallFailed, "the body is not JSON: " + ex.Message));
            return null;
        }

        var found = _drift.Check(call, parsed, ResponseSchema(method, path, "application/json"));
        findings.AddRange(found);
        await log.WriteLineAsync($"probe: {call}: {(found.Count == 0 ? "matches the spec" : $"{found.Count} drift finding(s)")}").ConfigureAwait(false);
        return parsed;
    }

    private async Task StreamAsync(JsonObject chat, List<DriftFinding> findings, TextWriter log, CancellationToken cancellationToken)
    {
        const string call = "POST /v1/chat/completions (stream)";
        using var request = Request("POST", "/v1/chat/completions", chat);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            findings.Add(new DriftFinding(call, "$", DriftFinding.CallFailed, $"HTTP {(int)response.StatusCode}: {Redact(text)}"));
            return;
        }

        var schema = ResponseSchema("POST", "/v1/chat/completions", "text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        var chunks = 0;
        var before = findings.Count;
        var done = false;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue;
            }

            var data = line[5..].Trim();
            if (data == "[DONE]")
            {
                done = true;
                break;
            }

            findings.AddRange(_drift.Check($"{call} chunk {chunks}", JsonNode.Parse(data), schema));
            chunks++;
        }

        if (!done)
        {
            findings.Add(new DriftFinding(call, "$", DriftFinding.CallFailed, "the stream ended without data: [DONE]"));
        }

        await log.WriteLineAsync($"probe: {call}: {chunks} chunk(s), {findings.Count - before} drift finding(s)").ConfigureAwait(false);
    }

    private HttpRequestMessage Request(string method, string path, JsonObject? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(baseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    private JsonObject ResponseSchema(string method, string path, string mediaType) => SpecResponses.SuccessSchema(spec, method, path, mediaType);

    private static string? PickChatModel(JsonNode? models)
    {
        var ids = models?["data"]?.AsArray().Select(m => (string?)m?["id"]).OfType<string>().ToList() ?? [];
        return ids.FirstOrDefault(id => id.Contains("instruct", StringComparison.OrdinalIgnoreCase)) ?? ids.FirstOrDefault();
    }

    private string Redact(string text)
    {
        var redacted = text.Replace(apiKey, "***", StringComparison.Ordinal);
        return redacted.Length > 300 ? redacted[..300] + "…" : redacted;
    }
}
