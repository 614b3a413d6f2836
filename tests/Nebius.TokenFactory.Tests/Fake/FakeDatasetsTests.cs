using System.Net;
using System.Net.Http.Headers;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Fake;

/// <summary>The fake's datasets answer the way the API does: rows by offset, renames checked, raw parts only.</summary>
public sealed class FakeDatasetsTests
{
    private static readonly IReadOnlyList<ColumnSchema> Schema = [new() { Name = "n", Type = new ColumnType { Name = "integer" } }];

    [Fact]
    public async Task Rows_come_a_page_at_a_time_by_offset_and_export_stops_at_the_limit()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake);
        var dataset = await client.V1.Datasets.CreateFromRowsAsync("d", "/f", Schema, [.. Enumerable.Range(0, 5).Select(i => new Dictionary<string, object?> { ["n"] = i })]);

        var rows = await client.V1.Datasets[dataset.Id!].Content.ReadAllRowsAsync(pageSize: 2).Select(r => r["n"]).ToListAsync();
        await using var export = await client.V1.Datasets[dataset.Id!].Export.GetAsync(c => c.QueryParameters.Limit = 2);

        Assert.Equal([0, 1, 2, 3, 4], rows.Select(Convert.ToInt32));
        Assert.Equal(3, fake.Journal.Count(r => r.Path.EndsWith("/content", StringComparison.Ordinal)));
        Assert.Equal("{\"n\":0}\n{\"n\":1}\n", await new StreamReader(export!).ReadToEndAsync());
    }

    [Fact]
    public async Task A_blank_new_name_is_refused_and_an_unknown_dataset_is_not_found()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake, o => o.Retry = new NebiusRetryOptions { MaxRetries = 0 });
        var dataset = await client.V1.Datasets.CreateFromRowsAsync("d", "/f", Schema, [new Dictionary<string, object?> { ["n"] = 1 }]);

        var moved = await client.V1.Datasets[dataset.Id!].PatchAsync(new PatchDatasetRequest { Folder = "/g" });
        var blank = await Assert.ThrowsAsync<NebiusValidationException>(() => client.V1.Datasets[dataset.Id!].PatchAsync(new PatchDatasetRequest { Name = string.Empty }));
        await Assert.ThrowsAsync<NebiusNotFoundException>(() => client.V1.Datasets["absent"].DeleteAsync());

        Assert.Equal(("d", "/g"), (moved!.Name, moved.Folder));
        Assert.Equal("d", (await client.V1.Datasets[dataset.Id!].GetAsync())!.Name);
        Assert.Contains("name", blank.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_part_sent_as_json_is_refused()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake);
        var opened = await client.V1.Datasets.Uploads.PostAsync(new CreateUploadRequest { Name = "u", Folder = "/f", Schema = [.. Schema] });
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/datasets/uploads/{opened!.Id}/parts") { Content = new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "k");

        using var answer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Empty((await client.V1.Datasets.Uploads[opened.Id!].Parts.GetAsync())!.Data!);
    }
}
