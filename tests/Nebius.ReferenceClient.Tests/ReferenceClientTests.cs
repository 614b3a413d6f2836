namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// Our client against an independent one: for every operation with a JSON (or no) request body, the shipped
/// <see cref="Nebius.TokenFactory.NebiusClient"/> and the NSwag reference client send the same logical request
/// to a WireMock stub (method, path, query, content type and JSON body must match) and parse the same response
/// (an example file of the contract, or a sample made from the schema) to the same values. The stock Kiota
/// client, the third one, is compared with ours in <c>StockKiotaTests</c>.
/// </summary>
public sealed class ReferenceClientTests(StubServer server) : IClassFixture<StubServer>
{
    /// <summary>Operations whose request body is multipart or raw bytes: NSwag takes a FileParameter/Stream there, so no common logical body exists.</summary>
    private static readonly string[] NonJsonBodies = ["multipart/form-data", "application/octet-stream"];

    public static TheoryData<string> JsonOperations()
    {
        var data = new TheoryData<string>();
        foreach (var operation in CoveredOperations())
        {
            data.Add(operation.ToString());
        }

        return data;
    }

    internal static IEnumerable<ContractOperation> CoveredOperations() => ContractCatalog.All().Where(HasJsonOrNoBody);

    private static bool HasJsonOrNoBody(ContractOperation operation) =>
        operation.RequestMediaType is null || !NonJsonBodies.Contains(operation.RequestMediaType);

    [Fact]
    public void All_but_the_upload_operations_are_covered()
    {
        var all = ContractCatalog.All();
        var covered = all.Count(HasJsonOrNoBody);

        Assert.Equal(59, all.Count);
        Assert.Equal(["POST /v0/models/upload", "POST /v1/datasets/uploads/{upload_id}/parts", "POST /v1/files"],
            all.Where(o => o.RequestMediaType is not null && NonJsonBodies.Contains(o.RequestMediaType)).Select(o => o.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(56, covered);
    }

    [Theory]
    [MemberData(nameof(JsonOperations))]
    public async Task Both_clients_send_the_same_request_and_read_the_same_response(string name)
    {
        var operation = ContractCatalog.All().Single(o => o.ToString() == name);
        var request = LogicalRequest.For(operation);
        Exchange.Script(server, operation);

        using var ours = KiotaClients.Ours(server.BaseUrl);
        using var http = new HttpClient();
        var (sentByUs, readByUs) = await Exchange.RunAsync(server, () => KiotaInvoker.CallAsync(ours, operation, request), Exchange.ReadKiota);
        var (sentByThem, readByThem) = await Exchange.RunAsync(server, () => ReferenceInvoker.CallAsync(ReferenceInvoker.Create(http, server.BaseUrl), operation, request), Exchange.ReadReference);

        Assert.Equal(operation.Method, sentByUs.Method);
        Assert.Equal((sentByThem.Method, sentByThem.Path), (sentByUs.Method, sentByUs.Path));
        Assert.Equal(Exchange.Query(sentByThem.Query), Exchange.Query(sentByUs.Query));
        Assert.Null(JsonShape.Difference(sentByThem.Body, sentByUs.Body));
        if (request.BodyJson is not null)
        {
            Assert.NotEqual("", JsonShape.Canonical(sentByUs.Body));
            // Only with a body: NSwag labels an empty POST (a cancel) application/json, where ours and stock Kiota send no content at all.
            Assert.Equal(Exchange.MediaType(sentByThem.ContentType), Exchange.MediaType(sentByUs.ContentType));
        }

        Assert.Null(JsonShape.Difference(readByThem, readByUs));
    }
}
