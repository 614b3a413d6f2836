using System.Text.Json.Nodes;
using Nebius.ContractCheck.Probe;
using Nebius.TokenFactory;
using WireMock.Server;
using WireMock.Settings;

namespace Nebius.ContractCheck.Recording;

/// <summary>One call of a recording run: its redacted mapping, or why there is none. Nothing here holds a secret.</summary>
internal sealed record RecordedCall(ReadOnlyCall Call, string? Mapping, string? Error);

/// <summary>
/// Records <see cref="ReadOnlyCall.All"/>: a WireMock.Net server on 127.0.0.1 proxies to <paramref name="target"/> and
/// keeps each successful exchange as a mapping, while the shipped <see cref="NebiusClient"/> makes the calls
/// through it. The mappings are read back from WireMock's admin API (in memory; nothing unredacted touches the disk)
/// and redacted by <see cref="MappingRedactor"/>.
/// </summary>
internal sealed class ProxyRecorder(Uri target, string apiKey, string? aiProjectId, string source)
{
    public async Task<IReadOnlyList<RecordedCall>> RecordAsync(CancellationToken cancellationToken)
    {
        using var proxy = WireMockServer.Start(LoopbackWireMock.Settings(new ProxyAndRecordSettings
        {
            Url = target.GetLeftPart(UriPartial.Authority),
            SaveMapping = true,
            SaveMappingToFile = false,
            // An error answer says nothing about the contract's success bodies; the call is reported as failed instead.
            SaveMappingForStatusCodePattern = "2xx",
        }));
        var proxyUrl = new Uri(proxy.Url!);

        var errors = new Dictionary<ReadOnlyCall, string>();
        using (var client = new NebiusClient(new NebiusClientOptions { ApiKey = apiKey, BaseUrl = proxyUrl, AiProjectId = aiProjectId }))
        {
            foreach (var call in ReadOnlyCall.All)
            {
                try
                {
                    await call.ThroughClient(client, cancellationToken).ConfigureAwait(false);
                }
                catch (NebiusApiException ex)
                {
                    errors[call] = $"HTTP {ex.StatusCode}: {ex.Detail}";
                }
                catch (HttpRequestException ex)
                {
                    errors[call] = ex.Message;
                }
            }
        }

        var redactor = new MappingRedactor(apiKey, aiProjectId);
        var saved = await SavedMappingsAsync(proxyUrl, cancellationToken).ConfigureAwait(false);
        return [.. ReadOnlyCall.All.Select(call =>
            errors.TryGetValue(call, out var error) ? new RecordedCall(call, null, Scrub(error))
            : saved.TryGetValue(call, out var mapping) ? new RecordedCall(call, redactor.Redact(mapping, call.Name, source), null)
            : new RecordedCall(call, null, "WireMock saved no mapping for the call"))];
    }

    /// <summary>The mappings WireMock saved, by the call whose method and path they match (the proxy's own catch-all is skipped).</summary>
    private static async Task<Dictionary<ReadOnlyCall, JsonObject>> SavedMappingsAsync(Uri proxyUrl, CancellationToken cancellationToken)
    {
        using var admin = new HttpClient { BaseAddress = proxyUrl };
        var text = await admin.GetStringAsync(new Uri("/__admin/mappings", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var saved = new Dictionary<ReadOnlyCall, JsonObject>();
        foreach (var mapping in JsonNode.Parse(text)?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (RecordedRequest.Of(mapping) is { } request && ReadOnlyCall.Find(request.Method, request.RequestPath) is { } call)
            {
                saved[call] = mapping;
            }
        }

        return saved;
    }

    private string Scrub(string text)
    {
        text = text.Replace(apiKey, RecordingPlaceholders.ApiKey, StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(aiProjectId) ? text : text.Replace(aiProjectId, RecordingPlaceholders.AiProjectId, StringComparison.Ordinal);
    }
}
