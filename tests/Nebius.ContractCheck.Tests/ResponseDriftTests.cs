using System.Text.Json.Nodes;
using Nebius.ContractCheck.Probe;

namespace Nebius.ContractCheck.Tests;

/// <summary>The probe's drift check of one response against a schema of an open-world spec.</summary>
public sealed class ResponseDriftTests
{
    private static readonly JsonObject Spec = JsonNode.Parse("""
        {"components":{"schemas":{
          "Status":{"type":"string","enum":["ready","failed"]},
          "Thing":{"type":"object","additionalProperties":true,"required":["id"],"properties":{
            "id":{"type":"string"},
            "status":{"anyOf":[{"$ref":"#/components/schemas/Status"},{"type":"string"}]},
            "count":{"anyOf":[{"type":"integer"},{"type":"null"}]},
            "tags":{"type":"array","items":{"type":"string"}},
            "meta":{"type":"object","additionalProperties":{"type":"string"}}}}}}}
        """)!.AsObject();

    private static List<DriftFinding> Check(string json) =>
        new ResponseDrift(Spec).Check("GET /things", JsonNode.Parse(json), new JsonObject { ["$ref"] = "#/components/schemas/Thing" });

    [Fact]
    public void A_body_the_spec_describes_has_no_findings() =>
        Assert.Empty(Check("""{"id":"t1","status":"ready","count":null,"tags":["a"],"meta":{"k":"v"}}"""));

    [Fact]
    public void A_field_the_spec_lacks_is_drift_even_where_the_model_allows_extra_fields()
    {
        var finding = Assert.Single(Check("""{"id":"t1","region":"eu"}"""));

        Assert.Equal(("$.region", DriftFinding.UnknownField), (finding.Path, finding.Kind));
    }

    [Fact]
    public void A_value_outside_an_open_enums_known_list_is_drift()
    {
        var finding = Assert.Single(Check("""{"id":"t1","status":"queued"}"""));

        Assert.Equal(("$.status", DriftFinding.UnknownEnumValue), (finding.Path, finding.Kind));
        Assert.Contains("\"queued\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_fields_and_wrong_types_are_reported_with_their_path()
    {
        var findings = Check("""{"count":1.5,"tags":["a",2],"meta":{"k":3}}""");

        Assert.Equal(
            ["$.count type-mismatch", "$.id required-field-missing", "$.meta.k type-mismatch", "$.tags[1] type-mismatch"],
            findings.Select(f => $"{f.Path} {f.Kind}").Order(StringComparer.Ordinal));
    }
}
