using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Nebius.TokenFactory.Testing;

/// <summary>The endpoints the fake answers; anything else gets the API's 404.</summary>
internal static class FakeRoutes
{
    public static void Map(WebApplication app, FakeTokenFactory fake)
    {
        app.Use(async (context, next) =>
        {
            context.Response.Headers["x-request-id"] = "fake-" + Guid.NewGuid().ToString("N")[..12];
            await next(context).ConfigureAwait(false);
        });
        Handle(app, "GET", "/v1/models", c => Models(c, fake));
        Handle(app, "GET", "/v1/models/{**model}", c => Model(c, fake));
        Handle(app, "DELETE", "/v1/models/{**model}", c => FakeCustomModels.Delete(c, fake));
        Handle(app, "POST", "/v1/chat/completions", c => FakeInference.Chat(c, fake));
        Handle(app, "POST", "/v1/completions", c => FakeInference.Completion(c, fake));
        Handle(app, "POST", "/v1/embeddings", c => FakeInference.Embeddings(c, fake));
        Handle(app, "POST", "/v1/images/generations", c => FakeGenerations.Image(c, fake));
        Handle(app, "POST", "/v1/rerank", FakeGenerations.Rerank);
        Handle(app, "POST", "/v1/responses", c => FakeGenerations.Response(c, fake));
        Handle(app, "POST", "/v1/files", c => FakeFiles.Upload(c, fake));
        Handle(app, "GET", "/v1/files", c => FakeFiles.List(c, fake));
        Handle(app, "GET", "/v1/files/{file_id}", c => FakeFiles.Get(c, fake));
        Handle(app, "GET", "/v1/files/{file_id}/content", c => FakeFiles.Content(c, fake));
        Handle(app, "GET", "/v1/files/{file_id}/link", c => FakeFiles.Link(c, fake));
        Handle(app, "DELETE", "/v1/files/{file_id}", c => FakeFiles.Delete(c, fake));
        Handle(app, "POST", "/v1/batches", c => FakeBatches.Create(c, fake));
        Handle(app, "GET", "/v1/batches", c => FakeBatches.List(c, fake));
        Handle(app, "GET", "/v1/batches/{batch_id}", c => FakeBatches.Get(c, fake));
        Handle(app, "POST", "/v1/batches/{batch_id}/cancel", c => FakeBatches.Cancel(c, fake));
        Handle(app, "POST", "/v1/fine_tuning/jobs", c => FakeFineTuning.Create(c, fake));
        Handle(app, "GET", "/v1/fine_tuning/jobs", c => FakeFineTuning.List(c, fake));
        Handle(app, "GET", "/v1/fine_tuning/jobs/{job_id}", c => FakeFineTuning.Get(c, fake));
        Handle(app, "POST", "/v1/fine_tuning/jobs/{job_id}/cancel", c => FakeFineTuning.Cancel(c, fake));
        Handle(app, "GET", "/v1/fine_tuning/jobs/{job_id}/events", c => FakeFineTuning.Events(c, fake));
        Handle(app, "GET", "/v1/fine_tuning/jobs/{job_id}/checkpoints", c => FakeFineTuning.Checkpoints(c, fake));
        Handle(app, "GET", "/v1/fine_tuning/jobs/{job_id}/checkpoints/{checkpoint_id}", c => FakeFineTuning.Checkpoint(c, fake));
        Handle(app, "GET", "/v1/fine_tuning/models/spec-draft", c => FakeFineTuning.SpecDraftModels(c, fake));
        Handle(app, "GET", "/v0/models", c => FakeCustomModels.List(c, fake));
        Handle(app, "POST", "/v0/models", c => FakeCustomModels.Create(c, fake));
        Handle(app, "POST", "/v0/models/upload", c => FakeCustomModels.Upload(c, fake));
        Handle(app, "GET", "/v0/models/{**name}", c => FakeCustomModels.Get(c, fake));
        Handle(app, "DELETE", "/v0/models/{**name}", c => FakeCustomModels.Delete(c, fake));
        Handle(app, "GET", "/v0/dedicated_endpoints/templates", FakeEndpoints.ListTemplates);
        Handle(app, "POST", "/v0/dedicated_endpoints", c => FakeEndpoints.Create(c, fake));
        Handle(app, "GET", "/v0/dedicated_endpoints", c => FakeEndpoints.List(c, fake));
        Handle(app, "PATCH", "/v0/dedicated_endpoints/{endpoint_id}", c => FakeEndpoints.Patch(c, fake));
        Handle(app, "DELETE", "/v0/dedicated_endpoints/{endpoint_id}", c => FakeEndpoints.Delete(c, fake));
        MapDatasets(app, fake);
        MapOperations(app, fake);
        app.MapFallback(context => FakeJson.NotFound(context, "Not Found"));
    }

    private static void Handle(IEndpointRouteBuilder app, string method, string pattern, RequestDelegate handler) =>
        app.MapMethods(pattern, [method], handler);

    private static Task Models(HttpContext context, FakeTokenFactory fake)
    {
        var verbose = context.Request.Query["verbose"] == "true";
        return FakeJson.Ok(context, FakeJson.List(fake.Models.Select(id => Describe(id, verbose))));
    }

    private static Task Model(HttpContext context, FakeTokenFactory fake)
    {
        var id = Uri.UnescapeDataString(context.Request.RouteValues["model"]?.ToString() ?? string.Empty);
        return fake.Models.Contains(id) ? FakeJson.Ok(context, Describe(id, verbose: true)) : FakeJson.NotFound(context, $"The model `{id}` does not exist.");
    }

    private static JsonObject Describe(string id, bool verbose)
    {
        var model = new JsonObject { ["id"] = id, ["object"] = "model", ["created"] = 1717516032, ["owned_by"] = "system" };
        if (verbose)
        {
            model["name"] = id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..];
            model["context_length"] = 131072;
            model["features"] = new JsonArray("function-calling");
        }

        return model;
    }

    private static void MapDatasets(IEndpointRouteBuilder app, FakeTokenFactory fake)
    {
        Handle(app, "GET", "/v1/datasets", c => FakeDatasets.List(c, fake));
        Handle(app, "POST", "/v1/datasets", c => FakeDatasets.Create(c, fake));
        Handle(app, "GET", "/v1/datasets/{dataset_id}", c => FakeDatasets.Get(c, fake));
        Handle(app, "PATCH", "/v1/datasets/{dataset_id}", c => FakeDatasets.Patch(c, fake));
        Handle(app, "DELETE", "/v1/datasets/{dataset_id}", c => FakeDatasets.Delete(c, fake));
        Handle(app, "GET", "/v1/datasets/{dataset_id}/content", c => FakeDatasets.Content(c, fake));
        Handle(app, "GET", "/v1/datasets/{dataset_id}/export", c => FakeDatasets.Export(c, fake));
        Handle(app, "GET", "/v1/datasets/{dataset_id}/query_templates", c => FakeDatasets.QueryTemplates(c, fake));
        Handle(app, "POST", "/v1/datasets/uploads", c => FakeDatasetUploads.Open(c, fake));
        Handle(app, "GET", "/v1/datasets/uploads/{upload_id}", c => FakeDatasetUploads.Get(c, fake));
        Handle(app, "POST", "/v1/datasets/uploads/{upload_id}/parts", c => FakeDatasetUploads.PostPart(c, fake));
        Handle(app, "GET", "/v1/datasets/uploads/{upload_id}/parts", c => FakeDatasetUploads.ListParts(c, fake));
        Handle(app, "POST", "/v1/datasets/uploads/{upload_id}/cancel", c => FakeDatasetUploads.Cancel(c, fake));
        Handle(app, "POST", "/v1/datasets/uploads/{upload_id}/complete", c => FakeDatasetUploads.Complete(c, fake));
    }

    private static void MapOperations(IEndpointRouteBuilder app, FakeTokenFactory fake)
    {
        Handle(app, "POST", "/v1/operations", c => FakeOperations.Create(c, fake));
        Handle(app, "GET", "/v1/operations", c => FakeOperations.List(c, fake));
        Handle(app, "GET", "/v1/operations/{operation_id}", c => FakeOperations.Get(c, fake));
        Handle(app, "POST", "/v1/operations/{operation_id}/cancel", c => FakeOperations.Cancel(c, fake));
        Handle(app, "GET", "/v1/operations/{operation_id}/errors", c => FakeOperations.Errors(c, fake));
        Handle(app, "GET", "/v1/operations/{operation_id}/results", c => FakeOperations.Results(c, fake));
    }
}
