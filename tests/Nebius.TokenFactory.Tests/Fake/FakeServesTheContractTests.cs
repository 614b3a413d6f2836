using System.Text;
using System.Text.RegularExpressions;
using Nebius.Testing;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Fake;

/// <summary>
/// Every operation of the contract, called through the generated client against the fake: each call must succeed
/// and answer what the request asked for, and together they must reach every method and path the spec declares.
/// </summary>
public sealed class FakeServesTheContractTests
{
    private const string Model = "meta-llama/Meta-Llama-3.1-8B-Instruct";

    [Fact]
    public async Task Every_operation_of_the_spec_is_served_and_answers_what_was_asked()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake, o => o.Retry = new NebiusRetryOptions { MaxRetries = 0 });

        await InferenceAsync(client);
        await ModelsAndFilesAsync(client);
        await BatchesAsync(client, fake);
        await FineTuningAsync(client, fake);
        await DatasetsAsync(client);
        await OperationsAsync(client);
        await CustomModelsAsync(client);
        await DedicatedEndpointsAsync(client);

        var missing = SpecOperations().Where(o => !fake.Journal.Any(r => r.Method == o.Method && o.Path.IsMatch(r.Path))).Select(o => o.Name).ToList();
        Assert.Empty(missing);
        Assert.Equal(59, SpecOperations().Count);
    }

    private static async Task InferenceAsync(NebiusClient client)
    {
        var chat = await client.V1.Chat.Completions.PostAsync(new ChatCompletionRequest
        {
            Model = Model,
            Messages = [new ChatCompletionMessage { Role = ChatRole.User, Content = "Hi" }],
        });
        Assert.Equal("Hello from the fake Token Factory.", chat!.Choices![0].Message!.Content);

        var completion = await client.V1.Completions.PostAsync(new CompletionRequest { Model = Model, Prompt = "Say" });
        Assert.NotEmpty(completion!.Choices![0].Text!);

        var embeddings = await client.V1.Embeddings.PostAsync(new EmbeddingRequest { Model = "BAAI/bge-en-icl", Input = new List<string> { "a", "b" } });
        Assert.Equal([0, 1], embeddings!.Data!.Select(d => d.Index ?? -1));

        var image = await client.V1.Images.Generations.PostAsync(new ImageGenerationRequest { Model = "black-forest-labs/flux-schnell", Prompt = "a cat", ResponseFormat = ImageResponseFormat.B64Json });
        Assert.StartsWith("iVBORw0KGgo", image!.Data![0].B64Json, StringComparison.Ordinal); // a PNG

        var ranked = await client.V1.Rerank.PostAsync(new RerankRequest { Model = "BAAI/bge-reranker", Query = "green tea", Documents = ["coffee beans", "green tea leaves"] });
        Assert.Equal([1, 0], ranked!.Results!.Select(r => r.Index ?? -1));

        var response = await client.V1.Responses.PostAsync(new ResponseCreateRequest { Model = Model, Input = "Hi", Store = false });
        Assert.Equal("completed", response!.Status);
        Assert.StartsWith("resp_", response.Id, StringComparison.Ordinal);
    }

    private static async Task ModelsAndFilesAsync(NebiusClient client)
    {
        Assert.Contains(Model, (await client.V1.Models.GetAsync())!.Data!.Select(m => m.Id));
        Assert.Equal(Model, (await client.V1.Models[Model].GetAsync())!.Id);

        var file = await client.V1.Files.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes("{}\n")), "in.jsonl", FilePurpose.Batch);
        Assert.Contains(file.Id, (await client.V1.Files.GetAsync())!.Data!.Select(f => f.Id));
        Assert.Equal("in.jsonl", (await client.V1.Files[file.Id!].GetAsync())!.Filename);
        await using (var content = await client.V1.Files[file.Id!].Content.GetAsync())
        {
            Assert.Equal("{}\n", await new StreamReader(content!).ReadToEndAsync());
        }

        var link = await client.V1.Files[file.Id!].Link.GetAsync();
        Assert.EndsWith($"/v1/files/{file.Id}/content", link!.Url, StringComparison.Ordinal);
        Assert.True((await client.V1.Files[file.Id!].DeleteAsync())!.Deleted);
    }

    private static async Task BatchesAsync(NebiusClient client, FakeTokenFactory fake)
    {
        var line = """{"custom_id":"r1","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"x"}]}}""";
        var input = await client.V1.Files.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n")), "batch.jsonl", FilePurpose.Batch);
        var batch = await client.V1.Batches.PostAsync(new BatchCreateRequest { InputFileId = input.Id, Endpoint = "/v1/chat/completions", CompletionWindow = "24h" });
        Assert.Equal(input.Id, batch!.InputFileId);
        Assert.Contains(batch.Id, (await client.V1.Batches.GetAsync())!.Data!.Select(b => b.Id));
        Assert.Equal(fake.BatchStates[1], (await client.V1.Batches[batch.Id!].GetAsync())!.Status);
        Assert.Equal("cancelling", (await client.V1.Batches[batch.Id!].Cancel.PostAsync())!.Status);
    }

    private static async Task FineTuningAsync(NebiusClient client, FakeTokenFactory fake)
    {
        var training = await client.V1.Files.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes("{\"messages\":[]}\n")), "train.jsonl", FilePurpose.FineTune);
        var job = await client.V1.FineTuning.Jobs.PostAsync(new FineTuningRequest { Model = "Qwen/Qwen3-4B", TrainingFile = training.Id });
        Assert.Contains(job!.Id, (await client.V1.FineTuning.Jobs.GetAsync())!.Data!.Select(j => j.Id));
        var done = await client.V1.FineTuning.Jobs[job.Id!].WaitForCompletionAsync(new NebiusWaitOptions { PollInterval = TimeSpan.FromMilliseconds(1), TimeProvider = new InstantTimeProvider() });
        Assert.Equal("succeeded", done.Status);
        Assert.NotEmpty((await client.V1.FineTuning.Jobs[job.Id!].Events.GetAsync())!.Data!);
        var checkpoint = (await client.V1.FineTuning.Jobs[job.Id!].Checkpoints.GetAsync())!.Data![0];
        Assert.Equal(job.Id, (await client.V1.FineTuning.Jobs[job.Id!].Checkpoints[checkpoint.Id!].GetAsync())!.FineTuningJobId);

        var other = await client.V1.FineTuning.Jobs.PostAsync(new FineTuningRequest { Model = "Qwen/Qwen3-4B", TrainingFile = training.Id });
        Assert.Equal("cancelled", (await client.V1.FineTuning.Jobs[other!.Id!].Cancel.PostAsync())!.Status);

        var drafts = await client.V1.FineTuning.Models.SpecDraft.GetAsync();
        Assert.Equal(fake.Models, drafts!.Models!.Select(m => m.HfRepoName));
    }

    private static async Task DatasetsAsync(NebiusClient client)
    {
        IReadOnlyList<ColumnSchema> schema = [new() { Name = "text", Type = new ColumnType { Name = "string" } }];
        var inline = await client.V1.Datasets.CreateFromRowsAsync("inline", "/f", schema, [new Dictionary<string, object?> { ["text"] = "hello" }]);
        Assert.Equal("hello", (await client.V1.Datasets[inline.Id!].Content.GetAsync())!.DatasetRowsPage!.Rows![0].AdditionalData["text"]);
        Assert.Equal("renamed", (await client.V1.Datasets[inline.Id!].PatchAsync(new PatchDatasetRequest { Name = "renamed" }))!.Name);
        Assert.Equal("renamed", (await client.V1.Datasets[inline.Id!].GetAsync())!.Name);
        Assert.Contains(inline.Id, (await client.V1.Datasets.GetAsync())!.Data!.Select(d => d.Id));
        Assert.Contains(inline.Id!, (await client.V1.Datasets[inline.Id!].QueryTemplates.GetAsync())!.Yql, StringComparison.Ordinal);
        await using (var export = await client.V1.Datasets[inline.Id!].Export.GetAsync(c => c.QueryParameters.Limit = 1))
        {
            Assert.Equal("{\"text\":\"hello\"}\n", await new StreamReader(export!).ReadToEndAsync());
        }

        var opened = await client.V1.Datasets.Uploads.PostAsync(new CreateUploadRequest { Name = "up", Folder = "/f", Schema = [.. schema] });
        var upload = client.V1.Datasets.Uploads[opened!.Id!];
        var part = await upload.Parts.PostAsync(new MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"x\"}\n")));
        Assert.Equal(opened.Id, part!.UploadId);
        Assert.Equal([part.Id], (await upload.Parts.GetAsync())!.Data!.Select(p => p.Id));
        Assert.Equal("PENDING", (await upload.GetAsync())!.UploadInfo!.Status);
        var completed = await upload.Complete.PostAsync(new CompleteUploadRequest { PartIds = [part.Id!] });
        Assert.Equal("COMPLETED", completed!.UploadInfo!.Status);

        var abandoned = await client.V1.Datasets.Uploads.PostAsync(new CreateUploadRequest { Name = "gone", Folder = "/f", Schema = [.. schema] });
        Assert.NotNull(await client.V1.Datasets.Uploads[abandoned!.Id!].Cancel.PostAsync());
        Assert.Equal("CANCELLED", (await client.V1.Datasets.Uploads[abandoned.Id!].GetAsync())!.UploadInfo!.Status);

        Assert.NotNull(await client.V1.Datasets[inline.Id!].DeleteAsync());
        await Assert.ThrowsAsync<NebiusNotFoundException>(() => client.V1.Datasets[inline.Id!].GetAsync());
    }

    private static async Task OperationsAsync(NebiusClient client)
    {
        var body = new CreateOperationRequest { Src = [new OperationSrcDataset { Id = "ds-1" }], Params = new CreateOperationRequestParams { AdditionalData = { ["query"] = "SELECT 1" } } };
        var operation = await client.V1.Operations.PostAsync(body);
        Assert.Contains(operation!.Id, (await client.V1.Operations.GetAsync())!.Data!.Select(o => o.Id));
        Assert.Equal("running", (await client.V1.Operations[operation.Id!].GetAsync())!.Status);
        Assert.NotNull(await client.V1.Operations[operation.Id!].Cancel.PostAsync());
        Assert.Equal("cancelled", (await client.V1.Operations[operation.Id!].GetAsync())!.Status);
        Assert.Empty((await client.V1.Operations[operation.Id!].Errors.GetAsync())!.Data!);
        Assert.Empty((await client.V1.Operations[operation.Id!].Results.GetAsync())!.Data!);
    }

    private static async Task CustomModelsAsync(NebiusClient client)
    {
        var zip = await client.V0.Models.Upload.UploadAsync(new MemoryStream([0x50, 0x4B, 3, 4]), "lora.zip");
        Assert.StartsWith("file-", zip.Id, StringComparison.Ordinal);
        var created = await client.V0.Models.PostAsync(new CreateCustomModelRequest { Name = "one", BaseModel = Model, Source = zip.Id });
        Assert.Equal([created!.Name], (await client.V0.Models.GetAsync())!.Select(m => m.Name));
        Assert.Equal("active", (await client.V0.Models["one"].GetAsync())!.Status);
        var name = created.Name!;
        var vendor = name[..name.IndexOf('/', StringComparison.Ordinal)];
        var rest = name[(vendor.Length + 1)..];
        Assert.Equal(created.Name, (await client.V0.Models[vendor][rest].GetAsync())!.Name);
        Assert.Equal("deleted", (await client.V0.Models[vendor][rest].DeleteAsync())!.Status);

        var second = await client.V0.Models.PostAsync(new CreateCustomModelRequest { Name = "two", BaseModel = Model, Source = zip.Id });
        Assert.Equal("deleted", (await client.V0.Models["two"].DeleteAsync())!.Status);
        var third = await client.V0.Models.PostAsync(new CreateCustomModelRequest { Name = "three", BaseModel = Model, Source = zip.Id });
        var deleted = await client.V1.Models[third!.Name!].DeleteAsync();
        Assert.Equal(("deleted", third.Name), (deleted!.Status, deleted.Name));
        Assert.NotEqual(second!.Name, third.Name);
    }

    private static async Task DedicatedEndpointsAsync(NebiusClient client)
    {
        var template = (await client.V0.DedicatedEndpoints.Templates.GetAsync())!.Data![0];
        var created = (await client.V0.DedicatedEndpoints.PostAsync(new CreateDedicatedEndpointRequest
        {
            Name = "e",
            ModelName = template.Name,
            FlavorName = "base",
            GpuType = "gpu-h100-sxm",
            GpuCount = 1,
            Region = "eu-north1",
            Scaling = new EndpointScaling { MinReplicas = 1, MaxReplicas = 1 },
        }))!.Endpoint!;
        Assert.Equal(("starting", "not_ready"), (created.Deployment!.Status, created.Deployment.Readiness));
        var running = Assert.Single((await client.V0.DedicatedEndpoints.GetAsync())!.Data!);
        Assert.Equal(("running", "ready"), (running.Deployment!.Status, running.Deployment.Readiness));
        var stopped = await client.V0.DedicatedEndpoints[created.Id!].PatchAsync(new UpdateDedicatedEndpointRequest { Enabled = false });
        Assert.Equal("stopped", stopped!.Deployment!.Status);
        Assert.NotNull(await client.V0.DedicatedEndpoints[created.Id!].DeleteAsync());
    }

    /// <summary>The spec's operations, read from its path and method lines, each with a pattern of the paths it serves.</summary>
    private static List<(string Name, string Method, Regex Path)> SpecOperations()
    {
        var operations = new List<(string, string, Regex)>();
        string? path = null;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "openapi", "nebius-token-factory.yaml")))
        {
            if (line == "components:")
            {
                break;
            }

            if (Regex.Match(line, "^  (/[^:]+):$") is { Success: true } pathLine)
            {
                path = pathLine.Groups[1].Value;
            }
            else if (path is not null && Regex.Match(line, "^    (get|post|put|patch|delete):$") is { Success: true } methodLine)
            {
                var method = methodLine.Groups[1].Value.ToUpperInvariant();
                var pattern = "^" + Regex.Replace(Regex.Escape(path), @"\\\{[^}]+}", ".+") + "$";
                operations.Add(($"{method} {path}", method, new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1))));
            }
        }

        return operations;
    }
}
