namespace Nebius.ReferenceClient.Tests;

/// <summary>The dom-export normalization: Kiota's listing quirks are undone, nothing else is.</summary>
public sealed class DomExportTests
{
    private static string Stock(string line, Func<string, string>? rename = null) =>
        DomExport.Normalize(line, "Nebius.StockKiota", "StockClient", "Nebius.TokenFactory", "NebiusApiClient", rename ?? KiotaNaming.OursFor).Text;

    private static string Ours(string line) =>
        DomExport.Normalize(line, "Nebius.TokenFactory", "NebiusApiClient", "Nebius.TokenFactory", "NebiusApiClient", n => n).Text;

    [Theory]
    [InlineData(
        "Nebius.StockKiota.V1.Chat.chatRequestBuilder::|public|completions:global.Nebius.StockKiota.V1.Chat.Completions.CompletionsRequestBuilder",
        "Nebius.TokenFactory.V1.Chat.ChatRequestBuilder::|public|Completions:Nebius.TokenFactory.V1.Chat.Completions.CompletionsRequestBuilder")]
    [InlineData(
        "Nebius.StockKiota.V1.Batches.batchesRequestBuilder::[Batch_id:string]:global.Nebius.StockKiota.V1.Batches.Item.WithBatch_ItemRequestBuilder",
        "Nebius.TokenFactory.V1.Batches.BatchesRequestBuilder::[batch_id:string]:Nebius.TokenFactory.V1.Batches.Item.WithBatchItemRequestBuilder")]
    [InlineData(
        "Nebius.StockKiota.StockClient::|public|v1:global.Nebius.StockKiota.V1.V1RequestBuilder",
        "Nebius.TokenFactory.NebiusApiClient::|public|V1:Nebius.TokenFactory.V1.V1RequestBuilder")]
    [InlineData(
        "Nebius.StockKiota.V1.Batches.batchesRequestBuilder::|public|GetAsync(cancellationToken?:CancellationToken):global.Nebius.StockKiota.Models.BatchList",
        "Nebius.TokenFactory.V1.Batches.BatchesRequestBuilder::|public|GetAsync(cancellationToken?:CancellationToken):Task<Nebius.TokenFactory.Models.BatchList?>")]
    [InlineData(
        "Nebius.StockKiota.Models.ChatRole::0002-user",
        "Nebius.TokenFactory.Models.ChatRole::0002-User")]
    public void A_stock_line_and_our_line_for_the_same_member_normalize_alike(string stock, string ours) =>
        Assert.Equal(Ours(ours), Stock(stock));

    [Theory]
    [InlineData(
        "Nebius.StockKiota.V1.Files.FilesRequestBuilder.FilesRequestBuilderGetQueryParameters::|public|Purpose:string",
        "Nebius.TokenFactory.V1.Files.FilesRequestBuilder.FilesRequestBuilderGetQueryParameters::|public|Purpose:Nebius.TokenFactory.Models.FilePurpose?")]
    [InlineData(
        "Nebius.StockKiota.V1.Batches.batchesRequestBuilder.batchesRequestBuilderGetQueryParameters::|public|Limit:int?",
        "Nebius.TokenFactory.V1.Batches.BatchesRequestBuilder.BatchesRequestBuilderGetQueryParameters::|public|Limit:long?")]
    public void A_different_member_stays_different(string stock, string ours) =>
        Assert.NotEqual(Ours(ours), Stock(stock));

    [Fact]
    public void The_naming_rule_reaches_every_name_from_the_spec_and_nothing_else()
    {
        var line = Stock(
            "Nebius.StockKiota.V1.Fine_tuning.fine_tuningRequestBuilder::|public|jobs(body:global.Nebius.StockKiota.Models.Batch_errors; cancellationToken?:CancellationToken):string",
            name => name.Replace("_", "", StringComparison.Ordinal));

        Assert.Equal("Nebius.TokenFactory.V1.Finetuning.FinetuningRequestBuilder::|public|Jobs(body:Nebius.TokenFactory.Models.Batcherrors; cancellationToken?:CancellationToken):string", line);
    }
}
