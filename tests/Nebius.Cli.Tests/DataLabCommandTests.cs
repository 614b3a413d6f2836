using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nebius.TokenFactory;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;

namespace Nebius.Cli.Tests;

/// <summary><c>datasets list|upload|delete</c> and <c>operations list|status|cancel|errors</c> against the fake.</summary>
public sealed class DataLabCommandTests : IDisposable
{
    private const int MiB = 1024 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("nebius-cli-datalab-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Datasets_upload_sends_the_file_in_parts_then_list_shows_it_and_delete_removes_it()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var content = Content((2 * MiB) + 1234);
        var path = Write("rows.jsonl", content);

        var (exit, output, errors) = await Cli.Against(fake, "datasets", "upload", path, "--name", "rows", "--folder", "/cli", "--column", "text:string", "--part-size", "1", "--json");

        Assert.True(exit == 0, errors);
        var datasetId = Json(output)["upload_info"]!["dataset"]!["id"]!.GetValue<string>();
        Assert.Equal([MiB, MiB, 1234], fake.Journal.Where(r => r.Method == "POST" && r.Path.EndsWith("/parts", StringComparison.Ordinal)).Select(r => r.RawBody.Length));
        Assert.Equal(content, await ExportAsync(fake, datasetId));
        var open = Json(Assert.Single(fake.Journal, r => r.Path == "/v1/datasets/uploads").Body);
        Assert.Equal("text", open["schema"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("string", open["schema"]![0]!["type"]!["name"]!.GetValue<string>());

        var (listed, table, _) = await Cli.Against(fake, "datasets", "list");
        var (_, json, _) = await Cli.Against(fake, "datasets", "list", "--json");
        Assert.Equal(0, listed);
        Assert.Contains(datasetId, table, StringComparison.Ordinal);
        Assert.Contains("/cli", table, StringComparison.Ordinal);
        Assert.Equal([datasetId], Json(json).AsArray().Select(d => d!["id"]!.GetValue<string>()));

        var (deleted, said, _) = await Cli.Against(fake, "datasets", "delete", datasetId);
        Assert.Equal(0, deleted);
        Assert.Equal($"deleted {datasetId}", said.Trim());
        Assert.Equal("no datasets", (await Cli.Against(fake, "datasets", "list")).Output.Trim());
    }

    [Fact]
    public async Task Datasets_upload_with_resume_sends_only_the_parts_the_saved_state_lacks()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var content = Content((2 * MiB) + 10);
        var path = Write("rows.jsonl", content);
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = "k", BaseUrl = fake.BaseUrl });
        var opened = await client.V1.Datasets.Uploads.PostAsync(new CreateUploadRequest { Name = "rows", Folder = "/", Schema = [new ColumnSchema { Name = "text", Type = new ColumnType { Name = "string" } }] });
        var first = await client.V1.Datasets.Uploads[opened!.Id!].Parts.PostAsync(new MemoryStream(content, 0, MiB));
        var state = Write("state.json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new DatasetUploadState(opened.Id!, MiB, [first!.Id!]))));

        var (exit, output, errors) = await Cli.Against(fake, "datasets", "upload", path, "--name", "rows", "--column", "text:string", "--resume", state);

        Assert.True(exit == 0, errors);
        Assert.Contains($"upload {opened.Id}", output, StringComparison.Ordinal);
        Assert.Equal(3, fake.Journal.Count(r => r.Method == "POST" && r.Path.EndsWith("/parts", StringComparison.Ordinal)));
        var datasetId = (await client.V1.Datasets.Uploads[opened.Id!].GetAsync())!.UploadInfo!.Dataset!.Id!;
        Assert.Equal(content, await ExportAsync(fake, datasetId));
    }

    [Fact]
    public async Task A_failed_upload_exits_1_saves_its_state_and_the_same_command_with_resume_finishes_it()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var content = Content(MiB + 99);
        var path = Write("rows.jsonl", content);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            fake.Inject(FakeFault.Status(503).On("/v1/datasets/uploads/")); // every attempt of the first part
        }

        var (failed, _, errors) = await Cli.Against(fake, "datasets", "upload", path, "--name", "rows", "--column", "text:string", "--part-size", "1");
        var statePath = path + ".upload-state.json";
        var state = JsonSerializer.Deserialize<DatasetUploadState>(await File.ReadAllTextAsync(statePath))!;
        var (resumed, output, resumeErrors) = await Cli.Against(fake, "datasets", "upload", path, "--name", "rows", "--column", "text:string", "--resume", statePath);

        Assert.Equal(1, failed);
        Assert.Contains($"--resume {statePath}", errors, StringComparison.Ordinal);
        Assert.Equal((MiB, 0), (state.PartSize, state.ConfirmedPartIds.Count));
        Assert.True(resumed == 0, resumeErrors);
        Assert.Contains($"upload {state.UploadId}", output, StringComparison.Ordinal);
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = "k", BaseUrl = fake.BaseUrl });
        Assert.Equal(content, await ExportAsync(fake, (await client.V1.Datasets.Uploads[state.UploadId].GetAsync())!.UploadInfo!.Dataset!.Id!));
    }

    [Theory]
    [InlineData("--column", "text", "--column must be name:type, not 'text'")]
    [InlineData("--part-size", "0", "--part-size must be between 1 and 512 MiB, not 0")]
    public async Task Datasets_upload_refuses_bad_options_before_anything_is_sent(string option, string value, string message)
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var path = Write("rows.jsonl", Content(10));
        string[] args = option == "--column"
            ? ["datasets", "upload", path, "--name", "n", option, value]
            : ["datasets", "upload", path, "--name", "n", "--column", "text:string", option, value];

        var (exit, _, errors) = await Cli.Against(fake, args);

        Assert.Equal(2, exit);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Empty(fake.Journal);
    }

    [Fact]
    public async Task Operations_list_status_cancel_and_errors_show_the_operation_as_it_moves()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = "k", BaseUrl = fake.BaseUrl });
        var operation = await client.V1.Operations.PostAsync(new CreateOperationRequest
        {
            Type = "yql",
            Src = [new OperationSrcDataset { Id = "ds-1" }],
            Params = new CreateOperationRequestParams { AdditionalData = { ["query"] = "SELECT 1" } },
        });
        var id = operation!.Id!;

        var (listExit, list, _) = await Cli.Against(fake, "operations", "list", "--json");
        var (statusExit, status, _) = await Cli.Against(fake, "operations", "status", id);
        var (cancelExit, cancel, _) = await Cli.Against(fake, "operations", "cancel", id, "--json");
        var (errorsExit, errors, _) = await Cli.Against(fake, "operations", "errors", id);
        var (missingExit, _, missing) = await Cli.Against(fake, "operations", "status", "op-absent");

        Assert.Equal((0, 0, 0, 0), (listExit, statusExit, cancelExit, errorsExit));
        Assert.Equal([id], Json(list).AsArray().Select(o => o!["id"]!.GetValue<string>()));
        Assert.Contains("running", status, StringComparison.Ordinal);
        Assert.Equal("cancelled", Json(cancel)["status"]!.GetValue<string>());
        Assert.Single(fake.Journal, r => r.Method == "POST" && r.Path == $"/v1/operations/{id}/cancel");
        Assert.Equal("no errors", errors.Trim());
        Assert.Equal(1, missingExit);
        Assert.Contains("op-absent", missing, StringComparison.Ordinal);
    }

    private static JsonNode Json(string output) => JsonNode.Parse(output) ?? throw new Xunit.Sdk.XunitException("no JSON: " + output);

    private static byte[] Content(int size)
    {
        var bytes = new byte[size];
        new Random(11).NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ExportAsync(FakeTokenFactory fake, string datasetId)
    {
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = "k", BaseUrl = fake.BaseUrl });
        await using var stream = await client.V1.Datasets[datasetId].Export.GetAsync();
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        return copy.ToArray();
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
