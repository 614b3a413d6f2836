using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Nebius.Testing;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Tests.Serialization;

/// <summary>
/// The client's JSON writer must produce exactly the bytes of Kiota's <see cref="JsonSerializationWriter"/>:
/// every example body of the spec is read into its generated model and written by both, and additional
/// data of every CLR type Kiota's writer knows is written by both.
/// </summary>
public sealed class NebiusJsonSerializationWriterTests
{
    public static TheoryData<string, string> Examples() => new()
    {
        { "POST_v1_chat_completions.request.authored.json", nameof(ChatCompletionRequest) },
        { "POST_v1_chat_completions.basic.real-2025.json", nameof(ChatCompletionResponse) },
        { "POST_v1_completions.request.authored.json", nameof(CompletionRequest) },
        { "POST_v1_embeddings.docs-example.json", nameof(EmbeddingRequest) },
        { "POST_v1_images_generations.request.docs-example.json", nameof(ImageGenerationRequest) },
        { "POST_v1_images_generations.response.docs-example.json", nameof(ImageGenerationResponse) },
        { "POST_v1_rerank.request.authored.json", nameof(RerankRequest) },
        { "POST_v1_fine_tuning_jobs.request.authored.json", nameof(FineTuningRequest) },
        { "POST_v1_batches.create.real-2025.json", nameof(Batch) },
        { "POST_v1_datasets.request.authored.json", nameof(CreateDatasetRequest) },
        { "POST_v0_models.request.authored.json", nameof(CreateCustomModelRequest) },
        { "POST_v0_dedicated_endpoints.request.docs-example.json", nameof(CreateDedicatedEndpointRequest) },
        { "POST_v1_operations.batch_inference.request.third-party.json", nameof(CreateOperationRequest) },
        { "GET_v1_models.verbose.authored.json", nameof(ModelList) },
        { "GET_v1_fine_tuning_jobs_id_events.real-2025.json", nameof(FineTuningJobListResponse) },
        { "batch_input_line.chat_completions.json", nameof(BatchInputLine) },
        { "batch_output_line.chat_completion.real.json", nameof(BatchOutputLine) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Writes_each_example_model_as_Kiota_does(string file, string type)
    {
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "openapi", "examples", file));
        var model = Read(type, json);

        var ours = WriteWithOurs(model);

        Assert.Equal(WriteWithKiota(model), ours);
        Assert.True(ours.Length > 20, $"{file} wrote almost nothing: {ours}");
    }

    [Fact]
    public void Writes_additional_data_of_every_kind_as_Kiota_does()
    {
        var message = new ChatCompletionMessage { Role = ChatRole.User, Content = "hi" };
        using var element = JsonDocument.Parse("""{"nested":[1,"two",null,{"three":3.5}]}""");
        var request = new ChatCompletionRequest
        {
            Model = "m",
            AdditionalData = new Dictionary<string, object>
            {
                ["text"] = "caf\u00e9 <b>&amp;</b> \"quoted\" \u0001 \ud83d\ude00 +'",
                ["empty"] = string.Empty,
                ["yes"] = true,
                ["byte"] = (byte)200,
                ["sbyte"] = (sbyte)-100,
                ["int"] = int.MinValue,
                ["float"] = 0.1f,
                ["long"] = long.MaxValue,
                ["double"] = 1e-300,
                ["decimal"] = 79228162514264337593543950335m,
                ["guid"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
                ["offset"] = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(-7)),
                ["span"] = TimeSpan.FromMinutes(90.5),
                ["date"] = new Date(2025, 12, 31),
                ["time"] = new Time(23, 59, 58),
                ["dateTime"] = new DateTime(2024, 2, 29, 12, 0, 0, DateTimeKind.Utc),
                ["element"] = element.RootElement.Clone(),
                ["model"] = message,
                ["untyped"] = new UntypedObject(new Dictionary<string, UntypedNode>
                {
                    ["a"] = new UntypedArray([new UntypedInteger(1), new UntypedString("x"), new UntypedBoolean(false), new UntypedNull(), new UntypedDouble(2.5), new UntypedLong(1L << 40), new UntypedFloat(1.5f), new UntypedDecimal(0.3m)]),
                }),
                ["dictionary"] = new Dictionary<string, object> { ["k"] = 1, ["inner"] = new Dictionary<string, object> { ["deep"] = "v" } },
                ["list"] = new List<object> { 1, "a", true, 2.5 },
                ["none"] = null!,
                ["object"] = new { Name = "anonymous", Count = 3 },
            },
            Messages = [message, new ChatCompletionMessage { Role = ChatRole.Assistant, Content = new ChatCompletionMessageContent { String = string.Empty } }],
            Stop = new ChatCompletionRequestStop { StringValues = ["\n", "END"] },
            ReasoningEffort = ReasoningEffort.High,
            Seed = -1,
            Temperature = 0.7,
        };

        Assert.Equal(WriteWithKiota(request), WriteWithOurs(request));
    }

    [Fact]
    public void Writes_strings_that_need_escaping_as_Kiota_does()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 500; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = (char)random.Next(0, 0x3000);
            }

            var text = new string(chars);
            var model = new ChatCompletionMessage { Role = ChatRole.User, Content = text, Name = text };
            Assert.Equal(WriteWithKiota(model), WriteWithOurs(model));
        }
    }

    [Fact]
    public void Hands_the_bytes_on_as_a_seekable_stream_of_known_length()
    {
        using var writer = new NebiusJsonSerializationWriter();
        writer.WriteObjectValue(null, new ChatCompletionMessage { Role = ChatRole.System, Content = "be brief" });
        using var content = writer.GetSerializedContent();

        Assert.True(content.CanSeek);
        Assert.Equal("""{"content":"be brief","role":"system"}""".Length, content.Length);
        content.Position = 5;
        content.Position = 0;
        Assert.Equal("""{"content":"be brief","role":"system"}""", new StreamReader(content).ReadToEnd());
    }

    [Fact]
    public void A_disposed_body_can_no_longer_be_read()
    {
        using var writer = new NebiusJsonSerializationWriter();
        writer.WriteStringValue(null, "x");
        var content = writer.GetSerializedContent();
        content.Dispose();
        content.Dispose();

        Assert.Throws<ObjectDisposedException>(() => content.ReadByte());
    }

    private static IParsable Read(string type, string json)
    {
        var root = new JsonParseNode(JsonDocument.Parse(json).RootElement);
        return type switch
        {
            nameof(ChatCompletionRequest) => root.GetObjectValue(ChatCompletionRequest.CreateFromDiscriminatorValue),
            nameof(ChatCompletionResponse) => root.GetObjectValue(ChatCompletionResponse.CreateFromDiscriminatorValue),
            nameof(CompletionRequest) => root.GetObjectValue(CompletionRequest.CreateFromDiscriminatorValue),
            nameof(EmbeddingRequest) => root.GetObjectValue(EmbeddingRequest.CreateFromDiscriminatorValue),
            nameof(ImageGenerationRequest) => root.GetObjectValue(ImageGenerationRequest.CreateFromDiscriminatorValue),
            nameof(ImageGenerationResponse) => root.GetObjectValue(ImageGenerationResponse.CreateFromDiscriminatorValue),
            nameof(RerankRequest) => root.GetObjectValue(RerankRequest.CreateFromDiscriminatorValue),
            nameof(FineTuningRequest) => root.GetObjectValue(FineTuningRequest.CreateFromDiscriminatorValue),
            nameof(Batch) => root.GetObjectValue(Batch.CreateFromDiscriminatorValue),
            nameof(CreateDatasetRequest) => root.GetObjectValue(CreateDatasetRequest.CreateFromDiscriminatorValue),
            nameof(CreateCustomModelRequest) => root.GetObjectValue(CreateCustomModelRequest.CreateFromDiscriminatorValue),
            nameof(CreateDedicatedEndpointRequest) => root.GetObjectValue(CreateDedicatedEndpointRequest.CreateFromDiscriminatorValue),
            nameof(CreateOperationRequest) => root.GetObjectValue(CreateOperationRequest.CreateFromDiscriminatorValue),
            nameof(ModelList) => root.GetObjectValue(ModelList.CreateFromDiscriminatorValue),
            nameof(FineTuningJobListResponse) => root.GetObjectValue(FineTuningJobListResponse.CreateFromDiscriminatorValue),
            nameof(BatchInputLine) => root.GetObjectValue(BatchInputLine.CreateFromDiscriminatorValue),
            nameof(BatchOutputLine) => root.GetObjectValue(BatchOutputLine.CreateFromDiscriminatorValue),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no factory in this test"),
        };
    }

    private static string WriteWithKiota(IParsable model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var content = writer.GetSerializedContent();
        return new StreamReader(content, Encoding.UTF8).ReadToEnd();
    }

    private static string WriteWithOurs(IParsable model)
    {
        using var writer = new NebiusJsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var content = writer.GetSerializedContent();
        return new StreamReader(content, Encoding.UTF8).ReadToEnd();
    }
}
