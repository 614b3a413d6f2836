using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Tests.Serialization;

/// <summary>
/// The generated direct path (<see cref="JsonModelReader"/>) must read every payload exactly as Kiota's
/// <see cref="JsonParseNode"/> does: each case is read both ways and the models are compared through what
/// they serialize back and what they keep aside (additional data, explicit nulls, unknown enum values).
/// </summary>
public sealed class DirectReadParityTests
{
    private const string ChatCompletion = """
        {"id":"chatcmpl-1","choices":[{"finish_reason":"stop","index":0,"logprobs":null,
         "message":{"content":"Paris.","refusal":null,"role":"assistant","annotations":null,"audio":null,"function_call":null,"tool_calls":[],"reasoning_content":null},
         "stop_reason":null,"token_ids":null}],
         "created":1762232990,"model":"m","object":"chat.completion","service_tier":null,"system_fingerprint":null,
         "usage":{"completion_tokens":8,"prompt_tokens":15,"total_tokens":23,"completion_tokens_details":null,"prompt_tokens_details":null},
         "prompt_logprobs":null,"prompt_token_ids":[1,2,3],"kv_transfer_params":{"a":[1,"x",true,null,{"b":2.5}]},"vendor_extra":{"k":"v"},"vendor_number":12345678901234,"vendor_date":"2025-01-02T03:04:05Z"}
        """;

    private const string ToolCallChunk = """
        {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":"{\"x\":"}}]},"logprobs":null,"finish_reason":null}],"usage":null}
        """;

    private const string FloatEmbeddings = """
        {"object":"list","data":[{"object":"embedding","embedding":[0.0023064255,-0.009327292,1e-45,3.4028235e38,-0],"index":0},{"object":"embedding","embedding":"AAAAAAAAgD8=","index":1}],"model":"e","usage":{"prompt_tokens":8,"total_tokens":8}}
        """;

    private const string VerboseModels = """
        {"object":"list","data":[{"id":"a/b","object":"model","created":1717516032,"owned_by":"system","name":"B","description":"d","context_length":131072,
         "architecture":{"modality":"text->text"},"features":["function-calling","reasoning"],"pricing":{"prompt":0.00000002,"completion":0.00000006},"config":{"max_tokens":8192},"shutdown_date":null}]}
        """;

    private const string UnknownEnumMessage = """{"role":"critic","content":[{"type":"text","text":"hm"}],"name":null}""";

    // Repeated keys: a value after a null, a null after a value, and two nulls.
    private const string RepeatedKeys = """{"id":"c","choices":[{"index":0,"finish_reason":null,"finish_reason":"stop","logprobs":{"content":null},"logprobs":null,"stop_reason":null,"stop_reason":null}],"usage":null}""";

    private const string EscapedNames = """{"\u0069d":"f","bytes":1,"created_at":1,"filename":"a","purpose":"batch","st\u0061tus":null}""";

    public static TheoryData<string, string> Payloads() => new()
    {
        { nameof(ChatCompletionResponse), ChatCompletion },
        { nameof(ChatCompletionChunk), ToolCallChunk },
        { nameof(EmbeddingResponse), FloatEmbeddings },
        { nameof(ModelList), VerboseModels },
        { nameof(ChatCompletionMessage), UnknownEnumMessage },
        { nameof(FileResponse), EscapedNames },
        { nameof(ChatCompletionResponse), RepeatedKeys },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Reads_each_payload_as_Kiota_does(string type, string json)
    {
        var kiota = Read(type, json, root => new JsonParseNode(root));
        var direct = ReadDirect(type, json);

        Assert.Equal(Write(kiota), Write(direct));
        Assert.Equal(Describe(kiota), Describe(direct));
    }

    [Fact]
    public void Keeps_unknown_properties_as_additional_data_of_the_same_types()
    {
        var response = (ChatCompletionResponse)ReadDirect(nameof(ChatCompletionResponse), ChatCompletion);

        Assert.Equal(12345678901234m, response.AdditionalData["vendor_number"]);
        Assert.IsType<DateTime>(response.AdditionalData["vendor_date"]);
        Assert.IsType<UntypedObject>(response.AdditionalData["vendor_extra"]);
        Assert.IsType<UntypedObject>(response.KvTransferParams);
        Assert.Equal([1, 2, 3], response.PromptTokenIds!.Select(i => i!.Value));
    }

    [Fact]
    public void A_json_null_keeps_the_default_and_is_remembered()
    {
        var response = (ChatCompletionResponse)ReadDirect(nameof(ChatCompletionResponse), """{"object":null,"usage":null}""");

        Assert.Equal("chat.completion", response.Object);
        Assert.Null(response.Usage);
        Assert.Contains("usage", response.ExplicitNulls);
    }

    [Fact]
    public void Reads_floats_and_base64_of_an_embedding_union()
    {
        var response = (EmbeddingResponse)ReadDirect(nameof(EmbeddingResponse), FloatEmbeddings);

        Assert.Equal([0.0023064255f, -0.009327292f, 1e-45f, float.MaxValue, -0f], response.Data![0].ToVector());
        Assert.Equal([0f, 1f], response.Data[1].ToVector());
    }

    [Theory]
    [InlineData("AACAPwAAAEAAAEBA", new[] { 1f, 2f, 3f })]
    [InlineData("AACAPwAA AEAAAEBA", new[] { 1f, 2f, 3f })]
    [InlineData("", new float[0])]
    public void Decodes_base64_embeddings_of_little_endian_floats(string base64, float[] expected)
    {
        Assert.Equal(expected, new Embedding { EmbeddingProp = base64 }.ToVector());
    }

    [Fact]
    public void Rejects_base64_that_is_not_whole_floats_or_not_base64()
    {
        Assert.Throws<InvalidOperationException>(() => new Embedding { EmbeddingProp = "AACAPwA=" }.ToVector());
        Assert.Throws<FormatException>(() => new Embedding { EmbeddingProp = "AACAP!AA" }.ToVector());
    }

    [Theory]
    [InlineData("""{"completion_tokens":1.5}""", "completion_tokens", "1.5")]
    [InlineData("""{"completion_tokens":1e400}""", "completion_tokens", "1e400")]
    [InlineData("""{"completion_tokens":123456789012345678901234567890}""", "completion_tokens", "123456789012345678901234567890")]
    [InlineData("""{"completion_tokens":"12"}""", "completion_tokens", "\"12\"")]
    [InlineData("""{"prompt_tokens_details":"none"}""", "prompt_tokens_details", "\"none\"")]
    public void Keeps_a_value_out_of_range_or_of_the_wrong_kind_and_writes_it_back(string json, string wireName, string raw)
    {
        // Kiota's node throws for a fraction or an overflow and drops a wrong kind; the direct path keeps each.
        var usage = (CompletionUsage)ReadDirect(nameof(CompletionUsage), json);

        Assert.Null(usage.CompletionTokens);
        Assert.Null(usage.PromptTokensDetails);
        Assert.Equal(raw, Assert.IsType<JsonElement>(usage.AdditionalData[wireName]).GetRawText());
        Assert.Equal(json, Write(usage));
    }

    [Fact]
    public void Keeps_values_of_the_wrong_kind_in_additional_data_where_Kiota_drops_them()
    {
        const string Json = """{"id":1,"created":"1","choices":{"not":"a list"},"prompt_token_ids":["a"],"usage":"none","object":"chat.completion"}""";

        var direct = (ChatCompletionResponse)ReadDirect(nameof(ChatCompletionResponse), Json);
        var kiota = (ChatCompletionResponse)Read(nameof(ChatCompletionResponse), Json, root => new JsonParseNode(root));

        Assert.Null(kiota.Id);
        Assert.Empty(kiota.AdditionalData);
        Assert.Null(direct.Id);
        Assert.Null(direct.Created);
        Assert.Null(direct.Choices);
        Assert.Null(direct.PromptTokenIds);
        Assert.Null(direct.Usage);
        Assert.Equal("chat.completion", direct.Object);
        Assert.Equal(["id", "created", "choices", "prompt_token_ids", "usage"], direct.AdditionalData.Keys);
        Assert.Equal("""{"not":"a list"}""", ((JsonElement)direct.AdditionalData["choices"]).GetRawText());
        Assert.All(direct.AdditionalData.Values, value => Assert.IsType<JsonElement>(value));
        using var written = JsonDocument.Parse(Write(direct));
        using var sent = JsonDocument.Parse(Json);
        Assert.True(JsonElement.DeepEquals(sent.RootElement, written.RootElement), Write(direct));
    }

    [Fact]
    public void A_value_of_the_wrong_kind_leaves_the_property_as_it_was()
    {
        // The default stays, and so does an earlier value of a repeated key; the raw value is kept beside it.
        var response = (ChatCompletionResponse)ReadDirect(nameof(ChatCompletionResponse), """{"object":7,"id":"a","id":[1]}""");

        Assert.Equal("chat.completion", response.Object);
        Assert.Equal("a", response.Id);
        Assert.Equal("7", Assert.IsType<JsonElement>(response.AdditionalData["object"]).GetRawText());
        Assert.Equal("[1]", Assert.IsType<JsonElement>(response.AdditionalData["id"]).GetRawText());
    }

    [Fact]
    public void A_value_no_member_of_a_union_can_hold_is_kept()
    {
        var embedding = (Embedding)ReadDirect(nameof(Embedding), """{"embedding":true,"index":0}""");

        Assert.Null(embedding.EmbeddingProp);
        Assert.Equal("true", Assert.IsType<JsonElement>(embedding.AdditionalData["embedding"]).GetRawText());
    }

    private static IParsable Read(string type, string json, Func<JsonElement, IParseNode> node)
    {
        using var document = JsonDocument.Parse(json);
        var root = node(document.RootElement.Clone());
        return type switch
        {
            nameof(ChatCompletionResponse) => root.GetObjectValue(ChatCompletionResponse.CreateFromDiscriminatorValue),
            nameof(ChatCompletionChunk) => root.GetObjectValue(ChatCompletionChunk.CreateFromDiscriminatorValue),
            nameof(EmbeddingResponse) => root.GetObjectValue(EmbeddingResponse.CreateFromDiscriminatorValue),
            nameof(ModelList) => root.GetObjectValue(ModelList.CreateFromDiscriminatorValue),
            nameof(ChatCompletionMessage) => root.GetObjectValue(ChatCompletionMessage.CreateFromDiscriminatorValue),
            nameof(FileResponse) => root.GetObjectValue(FileResponse.CreateFromDiscriminatorValue),
            nameof(CompletionUsage) => root.GetObjectValue(CompletionUsage.CreateFromDiscriminatorValue),
            nameof(Embedding) => root.GetObjectValue(Embedding.CreateFromDiscriminatorValue),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }

    /// <summary>The same payload through the generated direct path, straight from its UTF-8 bytes.</summary>
    private static IParsable ReadDirect(string type, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return type switch
        {
            nameof(ChatCompletionResponse) => JsonModelReader.Read(bytes, ChatCompletionResponse.CreateFromDiscriminatorValue),
            nameof(ChatCompletionChunk) => JsonModelReader.Read(bytes, ChatCompletionChunk.CreateFromDiscriminatorValue),
            nameof(EmbeddingResponse) => JsonModelReader.Read(bytes, EmbeddingResponse.CreateFromDiscriminatorValue),
            nameof(ModelList) => JsonModelReader.Read(bytes, ModelList.CreateFromDiscriminatorValue),
            nameof(ChatCompletionMessage) => JsonModelReader.Read(bytes, ChatCompletionMessage.CreateFromDiscriminatorValue),
            nameof(FileResponse) => JsonModelReader.Read(bytes, FileResponse.CreateFromDiscriminatorValue),
            nameof(CompletionUsage) => JsonModelReader.Read(bytes, CompletionUsage.CreateFromDiscriminatorValue),
            nameof(Embedding) => JsonModelReader.Read(bytes, Embedding.CreateFromDiscriminatorValue),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }

    private static string Write(IParsable model) => ModelFingerprint.Write(model);

    private static string Describe(IParsable model) => ModelFingerprint.Describe(model);
}
