using Xunit.Abstractions;

namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// Stock Kiota as the oracle of our generator: the real Kiota CLI's client for the same spec (generated at build
/// time, StockKiota.targets) against ours. Surface: every request-builder type and member of the two dom exports
/// matches under <see cref="KiotaNaming.OursFor"/>. Wire: for every operation the differential suite covers, ours
/// (over the shipped <see cref="Nebius.TokenFactory.NebiusClient"/> pipeline) and stock (over Kiota's
/// HttpClientRequestAdapter) send the same method, path, query, content type and JSON body to the WireMock stub.
/// Read: both parse the same answer and write it back as the same JSON. Whatever differs must be listed in
/// KiotaDeviations.txt, one line each with its reason (<see cref="KiotaDeviations"/>).
/// </summary>
public sealed class StockKiotaTests(StubServer server, ITestOutputHelper output) : IClassFixture<StubServer>
{
    private static string Surfaces => Path.Combine(AppContext.BaseDirectory, "Surfaces");

    private int _documentsRead;

    [Fact]
    public async Task Every_difference_from_stock_Kiota_is_listed()
    {
        var surface = SurfaceComparison.Of(Path.Combine(Surfaces, "stock-kiota.txt"), Path.Combine(Surfaces, "ours.txt"));
        var observed = new SortedDictionary<string, string>(surface.Differences, StringComparer.Ordinal);
        var operations = 0;
        foreach (var operation in ReferenceClientTests.CoveredOperations())
        {
            foreach (var (key, seen) in await CompareAsync(operation))
            {
                observed[key] = seen;
            }

            operations++;
        }

        var listed = KiotaDeviations.Load(KiotaDeviations.VerifiedPath());
        output.WriteLine($"surface: {surface.TypesCompared} request-builder types in both, {surface.MembersMatched} members matched, {surface.Differences.Count} differences");
        output.WriteLine($"models (compared through the request builders and the read check, not member by member): stock Kiota {surface.ModelTypes.Stock} types, ours {surface.ModelTypes.Ours}");
        output.WriteLine($"wire and read: {operations} operations compared, {_documentsRead} answers with content read by both (ours over NebiusClient, stock Kiota over HttpClientRequestAdapter, one WireMock stub)");
        output.WriteLine($"deviations listed: {listed.Count} ({Count(listed, "surface")} surface, {Count(listed, "wire")} wire, {Count(listed, "read")} read); observed: {observed.Count}");
        Assert.True(surface.MembersMatched > 0, "no request-builder member matched: the surface listings were not read");
        Assert.True(operations > 0, "no operation was compared");
        KiotaDeviations.Verify(observed, KiotaDeviations.VerifiedPath());
    }

    private static int Count(IEnumerable<KeyValuePair<string, string>> entries, string section) =>
        entries.Count(e => e.Key.StartsWith(section + " ", StringComparison.Ordinal));

    /// <summary>The differences of one operation: <c>wire {op} {aspect}</c> and <c>read {op} {json path}</c> keys, each with what was seen.</summary>
    private async Task<List<(string Key, string Seen)>> CompareAsync(ContractOperation operation)
    {
        var request = LogicalRequest.For(operation);
        Exchange.Script(server, operation);
        using var ours = KiotaClients.Ours(server.BaseUrl);
        using var http = new HttpClient();
        var (sentByUs, readByUs) = await Exchange.RunAsync(server, () => KiotaInvoker.CallAsync(ours, operation, request), Exchange.ReadKiota);

        var differences = new List<(string, string)>();
        string? readByStock = null;
        try
        {
            readByStock = await Exchange.ReadKiota(await KiotaInvoker.CallAsync(KiotaClients.Stock(http, server.BaseUrl), operation, request));
        }
        catch (Exception e)
        {
            differences.Add(($"read {operation} call", $"the stock client failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}"));
        }

        var sentByStock = server.TakeSent();
        if (sentByStock.Count != 1)
        {
            differences.Add(($"wire {operation} requests", $"the stock client sent {sentByStock.Count} requests"));
            return differences;
        }

        var stock = sentByStock[0];
        void Wire(string aspect, string? usValue, string? stockValue)
        {
            if (!string.Equals(usValue, stockValue, StringComparison.Ordinal))
            {
                differences.Add(($"wire {operation} {aspect}", $"ours {usValue ?? "(none)"}, stock {stockValue ?? "(none)"}"));
            }
        }

        Wire("method", sentByUs.Method, stock.Method);
        Wire("path", sentByUs.Path, stock.Path);
        Wire("query", string.Join('&', Exchange.Query(sentByUs.Query)), string.Join('&', Exchange.Query(stock.Query)));
        Wire("content-type", Exchange.MediaType(sentByUs.ContentType), Exchange.MediaType(stock.ContentType));
        if (JsonShape.Difference(stock.Body, sentByUs.Body) is { } bodyDifference)
        {
            differences.Add(($"wire {operation} body", bodyDifference));
        }

        if (readByStock is not null)
        {
            // Counted only when there was something to read (not "", {} or []), so the printed number shows the check had material.
            _documentsRead += JsonShape.Canonical(readByUs) is not ("" or "{}" or "[]") ? 1 : 0;
            differences.AddRange(JsonShape.Differences(readByUs, readByStock).Select(d => ($"read {operation} {d.Path}", d.Detail)));
        }

        return differences;
    }
}
