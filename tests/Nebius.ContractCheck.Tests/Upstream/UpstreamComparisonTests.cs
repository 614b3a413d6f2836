using System.Text.Json.Nodes;
using Nebius.ContractCheck.Upstream;
using static Nebius.ContractCheck.Tests.UpstreamTestDocuments;

namespace Nebius.ContractCheck.Tests;

/// <summary>The comparison itself: every planted difference found, every FastAPI idiom mapped, evidence and acknowledgements applied.</summary>
public sealed class UpstreamComparisonTests
{
    private static UpstreamResult Compare(JsonObject upstream, JsonObject ours, params string[] acknowledged) =>
        UpstreamComparison.Compare(upstream, ours, acknowledged);

    [Fact]
    public void Every_planted_difference_is_found_and_nothing_else()
    {
        var result = Compare(UpstreamDocument, OursDocument);

        Assert.Equal(PlantedIds.Order(StringComparer.Ordinal), result.Differences.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Differences_are_sorted_into_missing_operations_each_way_and_shared_ones()
    {
        var result = Compare(UpstreamDocument, OursDocument);

        Assert.Equal(["POST /v1/rerank"], result.Differences.Where(d => d.Scope == UpstreamScope.OnlyUpstream).Select(d => d.Location));
        Assert.Equal(["DELETE /v1/files/{file_id}", "GET /v1/things"], result.Differences.Where(d => d.Scope == UpstreamScope.OnlyHere).Select(d => d.Location).Order(StringComparer.Ordinal));
        var created = Assert.Single(result.Differences, d => d.Id == "type-differs Batch.created_at");
        Assert.Equal(["GET /v1/batches", "GET /v1/batches/{batch_id}", "POST /v1/batches"], created.UsedBy);
        Assert.Contains("string to integer", created.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_only_we_describe_is_explained_by_its_evidence_or_else_flagged()
    {
        var result = Compare(UpstreamDocument, OursDocument);

        var withEvidence = Assert.Single(result.Differences, d => d.Location == "DELETE /v1/files/{file_id}");
        var without = Assert.Single(result.Differences, d => d.Location == "GET /v1/things");
        Assert.Equal("x-nebius-evidence D: OpenAI-compatible; not in the live document yet", withEvidence.AcknowledgedBecause);
        Assert.False(without.Acknowledged);
    }

    [Fact]
    public void Listed_differences_are_acknowledged_with_their_reason_and_stale_lines_are_named()
    {
        var result = Compare(UpstreamDocument, OursDocument, "type-differs Batch.created_at  # the API sends a number; its schema is wrong", "property-only-here Model.gone # was fixed upstream");

        Assert.Equal("the API sends a number; its schema is wrong", Assert.Single(result.Differences, d => d.Id == "type-differs Batch.created_at").AcknowledgedBecause);
        Assert.Equal(["property-only-here Model.gone"], result.StaleAcknowledgements);
        Assert.Equal(PlantedIds.Length - 2, result.Open.Count());
    }

    [Fact]
    public void An_acknowledgement_without_a_reason_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Compare(UpstreamDocument, OursDocument, "type-differs Batch.created_at"));

        Assert.Contains("type-differs Batch.created_at", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Idioms() => [.. FastApiIdioms.All.Keys];

    [Theory]
    [MemberData(nameof(Idioms))]
    public void A_FastAPI_idiom_alone_is_no_difference(string idiom)
    {
        var upstream = OursDocument;
        var before = upstream.ToJsonString();
        FastApiIdioms.All[idiom](upstream);
        Assert.NotEqual(before, upstream.ToJsonString()); // the idiom occurs in ours.yaml, so the rewrite did something

        Assert.Empty(Compare(upstream, OursDocument).Differences);
    }

    [Fact]
    public void A_real_difference_is_still_found_under_all_the_idioms_together()
    {
        var upstream = OursDocument;
        foreach (var idiom in FastApiIdioms.All.Values)
        {
            idiom(upstream);
        }

        upstream["components"]!["schemas"]!["BatchStatus-Output"]!["enum"]!.AsArray().Add("cancelled");

        Assert.Equal(["enum-value-only-upstream BatchStatus=\"cancelled\""], Compare(upstream, OursDocument).Differences.Select(d => d.Id));
    }

    [Fact]
    public void The_contract_written_the_FastAPI_way_has_no_difference_from_itself()
    {
        // The real spec's breadth through every mapping at once (not the real API's document: no network here).
        var upstream = RealSpec.Json;
        foreach (var idiom in FastApiIdioms.All.Values)
        {
            idiom(upstream);
        }

        var result = Compare(upstream, RealSpec.Json);

        Assert.True(result.Differences.Count == 0, string.Join("\n", result.Differences.Select(d => $"{d.Id}: {d.Message}")));
        Assert.True(RealSpec.Properties(upstream, "Model-Output").Remove("owned_by"));
        Assert.Equal(["property-only-here Model.owned_by"], Compare(upstream, RealSpec.Json).Differences.Select(d => d.Id));
    }

    [Theory]
    [InlineData("https://api.tokenfactory.nebius.com/openapi.json", true)]
    [InlineData("https://api.tokenfactory.eu-west1.nebius.com/openapi.json", true)]
    [InlineData("https://eu-north1.tokenfactory.nebius.com/openapi.json", true)]
    [InlineData("http://api.tokenfactory.nebius.com/openapi.json", false)]
    [InlineData("https://example.com/openapi.json", false)]
    [InlineData("https://api.tokenfactory.nebius.com.example.com/openapi.json", false)]
    [InlineData("https://nottokenfactory.nebius.com/openapi.json", false)]
    [InlineData("https://127.0.0.1:8443/openapi.json", false)]
    public void The_key_may_go_only_over_https_to_the_Token_Factory_hosts(string url, bool allowed) =>
        Assert.Equal(allowed, UpstreamSource.MaySendKey(new Uri(url)));
}
