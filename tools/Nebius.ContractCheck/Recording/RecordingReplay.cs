using System.Text.Json.Nodes;
using Nebius.ContractCheck.Probe;
using Nebius.TokenFactory;
using WireMock.Server;

namespace Nebius.ContractCheck.Recording;

/// <summary>
/// Replays one saved mapping: WireMock.Net on 127.0.0.1 serves only that mapping, the shipped
/// <see cref="NebiusClient"/> makes the call it was recorded from (with the placeholders as key and project, so the
/// recorded request matchers still apply) and must parse the answer, and the recorded body is checked against the
/// spec with the probe's <see cref="ResponseDrift"/>. Findings use the probe's kinds.
/// </summary>
internal sealed class RecordingReplay(JsonObject spec)
{
    private readonly ResponseDrift _drift = new(spec);

    public async Task<List<DriftFinding>> ReplayAsync(string mappingFile, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(mappingFile);
        var mapping = JsonNode.Parse(await File.ReadAllTextAsync(mappingFile, cancellationToken).ConfigureAwait(false))?.AsObject()
            ?? throw new InvalidOperationException($"{mappingFile} holds no mapping");
        var request = RecordedRequest.Of(mapping);
        var call = request is null ? null : ReadOnlyCall.Find(request.Method, request.RequestPath);
        if (call is null)
        {
            return [new DriftFinding(name, "$", DriftFinding.CallFailed, $"the mapping's request ({request?.Method} {request?.RequestPath}) is none of the probe's read-only calls")];
        }

        var findings = new List<DriftFinding>();
        using (var server = WireMockServer.Start(LoopbackWireMock.Settings()))
        {
            server.ReadStaticMappingAndAddOrUpdate(mappingFile);
            var options = new NebiusClientOptions
            {
                ApiKey = RecordingPlaceholders.ApiKey,
                BaseUrl = new Uri(server.Url!),
                AiProjectId = RecordingPlaceholders.AiProjectId,
                Retry = new NebiusRetryOptions { MaxRetries = 0 }, // a recording answers at once or not at all
            };
            using var client = new NebiusClient(options);
            try
            {
                if (await call.ThroughClient(client, cancellationToken).ConfigureAwait(false) is null)
                {
                    findings.Add(new DriftFinding($"{name} ({call.Name})", "$", DriftFinding.CallFailed, "the client read no model from the recorded answer"));
                }
            }
            catch (NebiusApiException ex)
            {
                // WireMock answers 404 when the request the client sent matches no recorded request.
                findings.Add(new DriftFinding($"{name} ({call.Name})", "$", DriftFinding.CallFailed, $"HTTP {ex.StatusCode} from the replay: {ex.Detail}"));
            }
        }

        findings.AddRange(_drift.Check($"{name} ({call.Name})", RecordedBody(mapping), SpecResponses.SuccessSchema(spec, call.Method, call.Path, "application/json")));
        return findings;
    }

    /// <summary>WireMock keeps a JSON answer as <c>BodyAsJson</c>, anything else as text in <c>Body</c>.</summary>
    private static JsonNode? RecordedBody(JsonObject mapping)
    {
        var response = mapping["Response"];
        return response?["BodyAsJson"] is { } json ? json.DeepClone()
            : response?["Body"] is JsonValue text ? JsonNode.Parse((string)text!)
            : null;
    }
}
