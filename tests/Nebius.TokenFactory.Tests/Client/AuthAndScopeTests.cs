using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Client;

public sealed class AuthAndScopeTests
{
    [Fact]
    public async Task Sends_the_key_as_a_bearer_token_and_names_the_library_in_the_user_agent()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server);

        await client.V1.Models.GetAsync();

        var request = Assert.Single(server.Journal);
        Assert.Equal("Bearer " + TestClients.SecretKey, request.Headers["Authorization"]);
        Assert.Contains("Nebius.TokenFactory/", request.Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scopes_every_kind_of_call_to_the_configured_project()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, request) => request.Path.EndsWith("/content", StringComparison.Ordinal)
            ? context.Response.WriteAsync("raw bytes")
            : request.Method == "DELETE" ? LoopbackServer.Json(context, 200, "[]") : LoopbackServer.Json(context, 200, "{}"));
        using var client = TestClients.Create(server, o => o.AiProjectId = "project-a");

        await client.V1.Models.GetAsync();
        await client.V1.Chat.Completions.PostAsync(TestRequests.Chat("m"));
        await client.V1.Files.GetAsync(c => c.QueryParameters.Limit = 5);
        await client.V1.Batches.PostAsync(new BatchCreateRequest { InputFileId = "file-1" });
        var upload = new MultipartBody();
        upload.AddOrReplacePart("purpose", "text/plain", "batch");
        await client.V1.Files.PostAsync(upload);
        await using (var content = await client.V1.Files["file-1"].Content.GetAsync())
        {
            Assert.NotNull(content);
        }

        await client.V0.Models["my-model"].DeleteAsync();

        Assert.Equal(7, server.Journal.Count);
        Assert.All(server.Journal, r => Assert.Equal("project-a", r.QueryValue("ai_project_id")));
        Assert.Contains(server.Journal, r => r.QueryValue("limit") == "5");
    }

    [Fact]
    public async Task A_project_set_on_the_call_wins_over_the_configured_one()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server, o => o.AiProjectId = "project-a");

        await client.V1.Files.GetAsync(c => c.QueryParameters.AiProjectId = "project-b");

        Assert.Equal("project-b", Assert.Single(server.Journal).QueryValue("ai_project_id"));
    }

    [Fact]
    public async Task Create_dataset_and_create_operation_also_carry_the_project_in_the_body_without_touching_the_callers_request()
    {
        await using var fake = await Testing.FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake, o => o.AiProjectId = "project-a");
        var operation = new CreateOperationRequest { Src = [new OperationSrcDataset { Id = "ds-1" }], Params = new CreateOperationRequestParams() };
        var ownProject = new CreateOperationRequest { Src = [new OperationSrcDataset { Id = "ds-1" }], Params = new CreateOperationRequestParams(), AiProjectId = "project-b" };
        var dataset = new CreateDatasetRequest { Name = "d", Folder = "/f", Schema = [new ColumnSchema { Name = "t", Type = new ColumnType { Name = "string" } }], Rows = [] };

        var created = await client.V1.Operations.PostAsync(operation);
        var kept = await client.V1.Operations.PostAsync(ownProject);
        var stored = await client.V1.Datasets.PostAsync(dataset);
        await client.V1.Datasets.Uploads.PostAsync(new CreateUploadRequest { Name = "u", Folder = "/f", Schema = dataset.Schema });

        Assert.Equal("project-a", created!.AiProjectId);
        Assert.Equal("project-b", kept!.AiProjectId);
        Assert.Equal("project-a", stored!.AiProjectId);
        Assert.Null(operation.AiProjectId); // the caller's objects are as they were
        Assert.Null(dataset.AiProjectId);
        var openUpload = Assert.Single(fake.Journal, r => r.Path == "/v1/datasets/uploads");
        Assert.DoesNotContain("ai_project_id", openUpload.Body, StringComparison.Ordinal); // only the two body-scoped calls
        Assert.All(fake.Journal, r => Assert.Contains("ai_project_id=project-", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sends_no_project_when_none_is_configured()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server);

        await client.V1.Models.GetAsync();

        Assert.Null(Assert.Single(server.Journal).QueryValue("ai_project_id"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/v1")]
    [InlineData("/v1/")]
    public async Task A_base_url_with_or_without_v1_reaches_the_same_path(string suffix)
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server, o => o.BaseUrl = new Uri(server.BaseUrl.ToString().TrimEnd('/') + suffix));

        await client.V1.Models.GetAsync();

        Assert.Equal("/v1/models", Assert.Single(server.Journal).Path);
    }
}
