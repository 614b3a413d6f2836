namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// Prism validates what our client sends: a representative call of every operation with a JSON (or no)
/// body goes through the shipped client pipeline to Prism's mock of the contract; a request Prism rejects
/// (4xx with <c>sl-violations</c>) fails.
/// </summary>
public sealed class PrismValidationTests(PrismServer prism) : IClassFixture<PrismServer>
{
    public static TheoryData<string> Operations() => ReferenceClientTests.JsonOperations();

    [PrismTheory]
    [MemberData(nameof(Operations))]
    public async Task Prism_accepts_the_request_our_client_sends(string name)
    {
        var operation = ContractCatalog.All().Single(o => o.ToString() == name);
        var request = LogicalRequest.For(operation);
        var recorder = new LastResponse(new HttpClientHandler());
        using var client = KiotaClients.Ours(prism.BaseUrl, transport: recorder);

        try
        {
            await KiotaInvoker.CallAsync(client, operation, request);
        }
        catch (Exception) when (recorder.Status is >= 200 and < 300)
        {
            // Prism accepted the request; what it invents as a response body is not under test here.
        }
        catch (Exception) when (recorder.Status is not null)
        {
            // Reported below with Prism's own words.
        }

        Assert.True(recorder.Status is >= 200 and < 300,
            $"Prism answered {recorder.Status} to {operation}: {recorder.Violations ?? "(no sl-violations header)"}");
        Assert.Empty(RequestViolations(recorder.Violations));
    }

    /// <summary>
    /// The violations Prism found in the request. Prism also reports on the responses it invents itself
    /// (with recursive dataset schemas it breaks its own rules); those say nothing about our client.
    /// </summary>
    private static List<string> RequestViolations(string? header) =>
        header is null
            ? []
            : [.. System.Text.Json.Nodes.JsonNode.Parse(header)!.AsArray()
                .Where(v => (string?)v!["location"]![0] == "request")
                .Select(v => v!.ToJsonString())];

    /// <summary>Keeps the status and the <c>sl-violations</c> header of the last response.</summary>
    private sealed class LastResponse(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public int? Status { get; private set; }

        public string? Violations { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Status = (int)response.StatusCode;
            Violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null;
            return response;
        }
    }
}
