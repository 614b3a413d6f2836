using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Fuzz.Calls;

/// <summary>
/// Every response example of the contract that a client call can receive, mapped to the calls that receive it:
/// the generated tree and, where the client has them, the conveniences over it (which add their own handling of
/// the answer, so they are fuzzed too). Request examples and batch file lines are no HTTP answers and are left out.
/// </summary>
internal static class CallCatalog
{
    private const string ChatModel = "meta-llama/Meta-Llama-3.1-8B-Instruct";

    /// <summary>The calls that read one JSON body.</summary>
    public static IReadOnlyList<ClientCall> Json { get; } =
    [
        Model("V0.Models[name].DeleteAsync", "DELETE_models_name.lora.real-2025.json", (c, t) => c.V0.Models["Sofrony-Test-hfjV"].DeleteAsync(cancellationToken: t)),
        Model("V0.DedicatedEndpoints[id].PatchAsync", "DedicatedEndpoint.object.third-party-summary.json", (c, t) => c.V0.DedicatedEndpoints["ep-1"].PatchAsync(new UpdateDedicatedEndpointRequest { Enabled = true }, cancellationToken: t)),
        Model("V1.Batches[id].GetAsync", "GET_v1_batches_id.validating.real-2024.json", (c, t) => c.V1.Batches["batch_1"].GetAsync(cancellationToken: t)),
        Model("V1.Files[id].GetAsync", "GET_v1_files_id.batch_output.real.json", (c, t) => c.V1.Files["file-1"].GetAsync(cancellationToken: t)),
        Model("V1.FineTuning.Jobs[id].Checkpoints.GetAsync", "GET_v1_fine_tuning_jobs_id_checkpoints.docs-example.json", (c, t) => c.V1.FineTuning.Jobs["ftjob-1"].Checkpoints.GetAsync(cancellationToken: t)),
        Model("V1.FineTuning.Jobs[id].Events.GetAsync", "GET_v1_fine_tuning_jobs_id_events.real-2025.json", (c, t) => c.V1.FineTuning.Jobs["ftjob-1"].Events.GetAsync(cancellationToken: t)),
        Model("V1.Models.GetAsync(verbose)", "GET_v1_models.verbose.authored.json", (c, t) => c.V1.Models.GetAsync(r => r.QueryParameters.Verbose = true, t)),
        Derived("ListModelsAsync(verbose)", "GET_v1_models.verbose.authored.json", (c, t) => c.ListModelsAsync(verbose: true, t)),
        Model("V1.Models[id].GetAsync", "GET_v1_models.verbose.item.third-party.json", (c, t) => c.V1.Models["model-1"].GetAsync(cancellationToken: t)),
        Model("V1.Operations[id].GetAsync", "GET_v1_operations_id.docs-example.json", (c, t) => c.V1.Operations["op-1"].GetAsync(cancellationToken: t)),
        Model("V0.Models.PostAsync", "POST_v0_models.create_from_ft_checkpoint.real-2025.json", (c, t) => c.V0.Models.PostAsync(CustomModel(), cancellationToken: t)),
        Model("V0.Models.PostAsync", "POST_v0_models.create_lora.real-2025.json", (c, t) => c.V0.Models.PostAsync(CustomModel(), cancellationToken: t)),
        Model("V0.Models.Upload.UploadAsync", "POST_v0_models_upload.real-2025.json", (c, t) => c.V0.Models.Upload.UploadAsync(new MemoryStream([1, 2, 3]), "adapter.zip", cancellationToken: t)),
        Model("V1.Batches.PostAsync", "POST_v1_batches.create.real-2024.json", (c, t) => c.V1.Batches.PostAsync(BatchCreate(), cancellationToken: t)),
        Model("V1.Batches.PostAsync", "POST_v1_batches.create.real-2025.json", (c, t) => c.V1.Batches.PostAsync(BatchCreate(), cancellationToken: t)),
        Model("V1.Chat.Completions.PostAsync", "POST_v1_chat_completions.basic.real-2025.json", (c, t) => c.V1.Chat.Completions.PostAsync(Chat(), cancellationToken: t)),
        Model("CompleteChatAsync", "POST_v1_chat_completions.basic.real-2025.json", (c, t) => c.CompleteChatAsync(Chat(), t)),
        Derived("AskAsync", "POST_v1_chat_completions.basic.real-2025.json", (c, t) => c.AskAsync(ChatModel, "Capital of France?", t)),
        Model("V1.Datasets.PostAsync", "POST_v1_datasets.response.docs-example.json", (c, t) => c.V1.Datasets.PostAsync(new CreateDatasetRequest { Name = "d", Folder = "/f" }, cancellationToken: t)),
        Model("V1.Datasets[id].GetAsync", "POST_v1_datasets.response.docs-example.json", (c, t) => c.V1.Datasets["ds-1"].GetAsync(cancellationToken: t)),
        Model("V1.Datasets.Uploads.PostAsync", "POST_v1_datasets_uploads.response.docs-example.json", (c, t) => c.V1.Datasets.Uploads.PostAsync(new CreateUploadRequest { Name = "d", Folder = "/f" }, cancellationToken: t)),
        Model("V1.Embeddings.PostAsync", "POST_v1_embeddings.docs-example.json", (c, t) => c.V1.Embeddings.PostAsync(new EmbeddingRequest { Model = "BAAI/bge-en-icl", Input = new List<string> { "one" } }, cancellationToken: t)),
        Derived("EmbedAsync", "POST_v1_embeddings.docs-example.json", (c, t) => c.EmbedAsync("BAAI/bge-en-icl", ["one"], cancellationToken: t)),
        Model("V1.Files.UploadAsync(batch)", "POST_v1_files.upload_batch.real.json", (c, t) => c.V1.Files.UploadAsync(new MemoryStream("{}\n"u8.ToArray()), "batch.jsonl", FilePurpose.Batch, cancellationToken: t)),
        Model("V1.Files.UploadAsync(fine-tune)", "POST_v1_files.upload_fine_tune.real-2025.json", (c, t) => c.V1.Files.UploadAsync(new MemoryStream("{}\n"u8.ToArray()), "train.jsonl", FilePurpose.FineTune, cancellationToken: t)),
        Model("V1.Images.Generations.PostAsync", "POST_v1_images_generations.response.docs-example.json", (c, t) => c.V1.Images.Generations.PostAsync(new ImageGenerationRequest { Model = "black-forest-labs/flux-schnell", Prompt = "An elephant" }, cancellationToken: t)),
    ];

    /// <summary>The streaming chat call, read to its end; its result is the list of chunks.</summary>
    public static ClientCall ChatStream { get; } = new("V1.Chat.Completions.StreamAsync", null, null, async (client, token) =>
    {
        var chunks = new List<ChatCompletionChunk>();
        await foreach (var chunk in client.V1.Chat.Completions.StreamAsync(Chat(), cancellationToken: token).ConfigureAwait(false))
        {
            chunks.Add(chunk);
        }

        return chunks;
    });

    /// <summary>The calls whose result is the generated model itself.</summary>
    public static IReadOnlyList<ClientCall> ReturningModels { get; } = [.. Json.Where(c => c.ModelType is not null)];

    private static ChatCompletionRequest Chat() => new()
    {
        Model = ChatModel,
        Messages = [new ChatCompletionMessage { Role = ChatRole.User, Content = "Capital of France?" }],
    };

    private static CreateCustomModelRequest CustomModel() => new() { Name = "grammar-checker", BaseModel = "Qwen/Qwen3-4B-fast", Source = "ftjob-1:ftckpt_1" };

    private static BatchCreateRequest BatchCreate() => new() { InputFileId = "file-1", Endpoint = "/v1/chat/completions", CompletionWindow = "24h" };

    private static ClientCall Model<T>(string name, string example, Func<NebiusClient, CancellationToken, Task<T>> call) =>
        new(name, example, typeof(T), async (client, token) => await call(client, token).ConfigureAwait(false));

    private static ClientCall Derived<T>(string name, string example, Func<NebiusClient, CancellationToken, Task<T>> call) =>
        new(name, example, null, async (client, token) => await call(client, token).ConfigureAwait(false));
}
