using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nebius.ContractCheck.Recording;

/// <summary>
/// Turns a mapping WireMock.Net saved while proxying into one fit to commit: the key, cookies and the project id
/// become placeholders, and what changes on every run (the proxy's <c>Host</c>, the client's <c>User-Agent</c>,
/// <c>Date</c>, ids WireMock assigns) is dropped, so a new recording of an unchanged API is a small diff.
/// The last step replaces every secret value that is left anywhere in the text (an echo in a body, a header).
/// </summary>
internal sealed class MappingRedactor(string apiKey, string? aiProjectId)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Cookie values shorter than this are only removed where they stand: replacing "1" everywhere would garble the file.</summary>
    private const int MinimumCookieLength = 8;

    /// <summary>Response headers that describe one transfer, not the API.</summary>
    private static readonly HashSet<string> TransferHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Transfer-Encoding", "Content-Length", "Connection", "Keep-Alive",
    };

    /// <summary>The redacted mapping as indented JSON, titled <paramref name="title"/> and described by <paramref name="source"/>.</summary>
    public string Redact(JsonObject mapping, string title, string source)
    {
        var secrets = new List<(string Value, string Placeholder)> { (apiKey, RecordingPlaceholders.ApiKey) };
        if (!string.IsNullOrWhiteSpace(aiProjectId))
        {
            secrets.Add((aiProjectId, RecordingPlaceholders.AiProjectId));
        }

        var redacted = new JsonObject
        {
            ["Title"] = title,
            ["Description"] = source,
            ["Request"] = RedactRequest(mapping["Request"]?.AsObject() ?? [], secrets),
            ["Response"] = RedactResponse(mapping["Response"]?.AsObject() ?? [], secrets),
        };

        var text = redacted.ToJsonString(Indented);
        // Longest first, so a secret that contains another is replaced whole.
        foreach (var (value, placeholder) in secrets.Where(s => s.Value.Length > 0).OrderByDescending(s => s.Value.Length))
        {
            text = text.Replace(value, placeholder, StringComparison.Ordinal);
            text = text.Replace(JsonEncodedText.Encode(value).Value, placeholder, StringComparison.Ordinal);
        }

        return text + "\n";
    }

    private static JsonObject RedactRequest(JsonObject request, List<(string, string)> secrets)
    {
        var result = new JsonObject();
        foreach (var (name, value) in request)
        {
            switch (name)
            {
                case "Headers":
                    // Only the credential matters to the API; the proxy's Host and the client's User-Agent change every run.
                    var authorization = value?.AsArray().OfType<JsonObject>()
                        .FirstOrDefault(h => string.Equals((string?)h["Name"], "Authorization", StringComparison.OrdinalIgnoreCase));
                    if (authorization is not null)
                    {
                        result[name] = new JsonArray(Matching("Authorization", "WildcardMatcher", "Bearer " + RecordingPlaceholders.ApiKey));
                    }

                    break;
                case "Cookies":
                    // A replay cannot send cookies it never received; their values are secrets in any case.
                    foreach (var cookie in value?.AsArray().OfType<JsonObject>() ?? [])
                    {
                        secrets.AddRange(Patterns(cookie).Where(p => p.Length >= MinimumCookieLength).Select(p => (p, RecordingPlaceholders.Cookie)));
                    }

                    break;
                case "Params":
                    result[name] = RedactParameters(value?.AsArray() ?? []);
                    break;
                case "HttpVersion":
                    break; // the hop between the client and the proxy, not the API's
                default:
                    result[name] = value?.DeepClone();
                    break;
            }
        }

        return result;
    }

    private static JsonArray RedactParameters(JsonArray parameters)
    {
        var result = new JsonArray();
        foreach (var parameter in parameters.OfType<JsonObject>())
        {
            result.Add((string?)parameter["Name"] == RecordingPlaceholders.AiProjectIdParameter
                ? Matching(RecordingPlaceholders.AiProjectIdParameter, "ExactMatcher", RecordingPlaceholders.AiProjectId, withIgnoreCase: false)
                : parameter.DeepClone());
        }

        return result;
    }

    private static JsonObject RedactResponse(JsonObject response, List<(string, string)> secrets)
    {
        var result = (JsonObject)response.DeepClone();
        if (result["Headers"] is not JsonObject headers)
        {
            return result;
        }

        foreach (var (name, value) in headers.ToList())
        {
            if (TransferHeaders.Contains(name))
            {
                headers.Remove(name);
            }
            else if (string.Equals(name, "Set-Cookie", StringComparison.OrdinalIgnoreCase))
            {
                var cookies = value is JsonArray many ? many.Select(v => (string?)v).OfType<string>().ToList() : [(string?)value ?? string.Empty];
                secrets.AddRange(cookies.Select(c => (CookieValue(c), RecordingPlaceholders.Cookie)).Where(s => s.Item1.Length >= MinimumCookieLength));
                headers[name] = new JsonArray([.. cookies.Select(c => (JsonNode)$"{CookieName(c)}={RecordingPlaceholders.Cookie}")]);
            }
        }

        return result;
    }

    private static JsonObject Matching(string name, string matcher, string pattern, bool withIgnoreCase = true)
    {
        var match = new JsonObject { ["Name"] = matcher, ["Pattern"] = pattern };
        if (withIgnoreCase)
        {
            match["IgnoreCase"] = false;
        }

        return new JsonObject { ["Name"] = name, ["Matchers"] = new JsonArray(match) };
    }

    private static IEnumerable<string> Patterns(JsonObject matched) =>
        matched["Matchers"]?.AsArray().OfType<JsonObject>().Select(m => (string?)m["Pattern"]).OfType<string>().Where(p => p.Length > 0) ?? [];

    private static string CookieName(string setCookie) => setCookie.Split('=', 2)[0].Trim();

    private static string CookieValue(string setCookie) =>
        setCookie.Split('=', 2) is [_, var rest] ? rest.Split(';', 2)[0].Trim() : string.Empty;
}
