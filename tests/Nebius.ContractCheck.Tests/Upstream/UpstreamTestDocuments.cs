using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;
using Nebius.Testing;

namespace Nebius.ContractCheck.Tests;

/// <summary>The checked-in pair made for the upstream tests (see Upstream/README.md), as paths and as JSON trees.</summary>
internal static class UpstreamTestDocuments
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Nebius.ContractCheck.Tests", "Upstream");

    public static string UpstreamPath { get; } = Path.Combine(Folder, "upstream.json");

    public static string OursPath { get; } = Path.Combine(Folder, "ours.yaml");

    public static JsonObject UpstreamDocument => JsonNode.Parse(File.ReadAllText(UpstreamPath))!.AsObject();

    public static JsonObject OursDocument => SpecLoader.Load(File.ReadAllText(OursPath)).Root;

    /// <summary>Every difference planted in upstream.json, by the id the report prints.</summary>
    public static readonly string[] PlantedIds =
    [
        "operation-only-upstream POST /v1/rerank",
        "operation-only-here DELETE /v1/files/{file_id}",
        "operation-only-here GET /v1/things",
        "type-differs GET /v1/batches query:limit",
        "property-only-upstream Model.region",
        "property-only-here Batch.note",
        "property-required-only-upstream BatchCreateRequest.completion_window",
        "type-differs Batch.created_at",
        "enum-value-only-upstream BatchStatus=\"done\"",
        "operation-id-differs POST /v1/batches",
    ];
}
