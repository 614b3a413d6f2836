using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Tests.Generated;

/// <summary>The generator's deliberate improvements over Kiota, checked on the code generated from the real contract.</summary>
public sealed class GeneratedModelTests
{
    private static T Parse<T>(string json, ParsableFactory<T> factory)
        where T : IParsable
    {
        using var document = JsonDocument.Parse(json);
        return new JsonParseNode(document.RootElement.Clone()).GetObjectValue(factory)!;
    }

    private static string Write(IParsable model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var content = writer.GetSerializedContent();
        using var reader = new StreamReader(content, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public void An_enum_value_the_client_does_not_know_survives_a_round_trip()
    {
        var message = Parse("""{"role":"critic","content":"hm"}""", ChatCompletionMessage.CreateFromDiscriminatorValue);

        Assert.Null(message.Role);
        Assert.Equal("critic", message.UnknownEnumValues["role"]);
        Assert.Contains("\"role\":\"critic\"", Write(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Known_enum_values_map_to_the_enum()
    {
        var message = Parse("""{"role":"tool","tool_call_id":"x","content":"{}"}""", ChatCompletionMessage.CreateFromDiscriminatorValue);

        Assert.Equal(ChatRole.Tool, message.Role);
        Assert.Empty(message.UnknownEnumValues);
    }

    [Fact]
    public void Open_enums_are_strings_that_keep_any_value()
    {
        var batch = Parse("""{"id":"batch_1","status":"done","endpoint":"/v1/chat/completions","input_file_id":"f","completion_window":"24h","created_at":1}""", Batch.CreateFromDiscriminatorValue);

        Assert.Equal("done", batch.Status);
    }

    [Fact]
    public void Sizes_beyond_two_gigabytes_are_long()
    {
        // A real 9.1 GB batch input file, as the API reported it in 2024.
        var file = Parse("""{"id":"d8af","bytes":9120315571,"created_at":1729516591,"filename":"batch.jsonl","purpose":"batch"}""", FileResponse.CreateFromDiscriminatorValue);

        Assert.Equal(9_120_315_571L, file.Bytes);
        Assert.Contains("\"bytes\":9120315571", Write(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_and_absent_stay_different_for_nullable_fields()
    {
        var withNull = Parse("""{"id":"f","bytes":1,"created_at":1,"filename":"a","purpose":"batch","status":null}""", FileResponse.CreateFromDiscriminatorValue);
        var absent = Parse("""{"id":"f","bytes":1,"created_at":1,"filename":"a","purpose":"batch"}""", FileResponse.CreateFromDiscriminatorValue);

        Assert.Contains("status", withNull.ExplicitNulls);
        Assert.Contains("\"status\":null", Write(withNull), StringComparison.Ordinal);
        Assert.DoesNotContain("status", Write(absent), StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_set_to_null_in_code_is_sent_as_null_only_when_asked()
    {
        var request = new ChatCompletionRequest { Model = "m", Temperature = null };
        Assert.DoesNotContain("temperature", Write(request), StringComparison.Ordinal);

        request.ExplicitNulls.Add("temperature");
        Assert.Contains("\"temperature\":null", Write(request), StringComparison.Ordinal);
    }

    [Fact]
    public void Unions_without_a_discriminator_are_chosen_by_json_kind()
    {
        var text = Parse("""{"role":"user","content":"hello"}""", ChatCompletionMessage.CreateFromDiscriminatorValue);
        var parts = Parse("""{"role":"user","content":[{"type":"text","text":"look"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AA=="}}]}""", ChatCompletionMessage.CreateFromDiscriminatorValue);

        Assert.Equal("hello", text.Content!.String);
        Assert.Null(text.Content.ChatContentPartValues);
        Assert.Null(parts.Content!.String);
        Assert.Equal(2, parts.Content.ChatContentPartValues!.Count);
    }

    [Fact]
    public void Discriminated_unions_pick_the_member_named_by_the_type_field()
    {
        var parts = Parse("""{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}},{"type":"text","text":"what is it?"}]}""", ChatCompletionMessage.CreateFromDiscriminatorValue).Content!.ChatContentPartValues!;

        Assert.Equal("https://x/y.png", parts[0].ChatContentPartImage!.ImageUrl!.Url);
        Assert.Null(parts[0].ChatContentPartText);
        Assert.Equal("what is it?", parts[1].ChatContentPartText!.Text);
        Assert.Contains("\"type\":\"image_url\"", Write(parts[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_the_contract_does_not_know_are_kept_and_written_back()
    {
        var response = Parse("""{"id":"c","choices":[],"created":1,"model":"m","brand_new_field":{"a":1}}""", ChatCompletionResponse.CreateFromDiscriminatorValue);

        Assert.True(response.AdditionalData.ContainsKey("brand_new_field"));
        Assert.Contains("\"brand_new_field\"", Write(response), StringComparison.Ordinal);
    }

    [Fact]
    public void Model_ids_with_slashes_stay_unescaped_in_the_url()
    {
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = "k" });

        var request = client.V1.Models["meta-llama/Meta-Llama-3.1-8B-Instruct"].ToGetRequestInformation();

        Assert.Equal("https://api.tokenfactory.nebius.com/v1/models/meta-llama/Meta-Llama-3.1-8B-Instruct", request.URI.ToString());
    }

    [Fact]
    public void Full_names_of_custom_models_take_two_path_segments()
    {
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = "k" });

        var request = client.V0.Models["Qwen"]["Qwen3-4B-fast-LoRa:grammar-checker-WpCf"].ToDeleteRequestInformation();

        // Path parameters are percent-encoded (":" becomes %3A); the server decodes them.
        Assert.Equal("/v0/models/Qwen/Qwen3-4B-fast-LoRa%3Agrammar-checker-WpCf", request.URI.AbsolutePath);
        Assert.Equal("/v0/models/Qwen/Qwen3-4B-fast-LoRa:grammar-checker-WpCf", Uri.UnescapeDataString(request.URI.AbsolutePath));
    }

    [Fact]
    public void Date_times_are_DateTimeOffset()
    {
        var endpoint = Parse("""{"id":"e","created_at":"2026-07-14T10:30:00Z"}""", DedicatedEndpoint.CreateFromDiscriminatorValue);

        Assert.Equal(new DateTimeOffset(2026, 7, 14, 10, 30, 0, TimeSpan.Zero), endpoint.CreatedAt);
    }

    [Fact]
    public void Token_id_prompts_as_nested_arrays_travel_as_untyped_json()
    {
        var request = Parse("""{"model":"m","prompt":[[1,2],[3]]}""", CompletionRequest.CreateFromDiscriminatorValue);

        Assert.NotNull(request.Prompt!.UntypedNodeValues);
        Assert.Contains("\"prompt\":[[1,2],[3]]", Write(request), StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_and_integer_parameters_are_written_as_the_wire_expects()
    {
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = "k" });

        var list = client.V1.Files.ToGetRequestInformation(c =>
        {
            c.QueryParameters.Purpose = FilePurpose.FineTune;
            c.QueryParameters.Limit = 5;
        });
        var part = client.V1.Datasets.Uploads["up-1"].Parts.ToPostRequestInformation(new MemoryStream([1, 2]));

        Assert.Equal("?limit=5&purpose=fine-tune", list.URI.Query);
        Assert.Equal(Microsoft.Kiota.Abstractions.Method.POST, part.HttpMethod);
        Assert.Equal("/v1/datasets/uploads/up-1/parts", part.URI.AbsolutePath);
        Assert.Equal("application/octet-stream", part.Headers["Content-Type"].Single());
    }

    [Fact]
    public void A_batch_output_line_holds_a_chat_completion_or_an_embeddings_response_as_the_endpoint_made_it()
    {
        var chat = Parse("""{"id":"batch_req_1","custom_id":"c","response":{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[]},"error":null}""", BatchOutputLine.CreateFromDiscriminatorValue);
        var embedding = Parse("""{"id":"batch_req_2","custom_id":"e","response":{"object":"list","model":"m","data":[{"object":"embedding","index":0,"embedding":[0.5,-1]}]},"error":null}""", BatchOutputLine.CreateFromDiscriminatorValue);
        var failed = Parse("""{"custom_id":"f","response":null,"error":{"code":"x","message":"no"}}""", BatchOutputLine.CreateFromDiscriminatorValue);

        Assert.Equal("x", chat.Response!.ChatCompletionResponse!.Id);
        Assert.Null(chat.Response.EmbeddingResponse);
        Assert.Equal([0.5f, -1f], embedding.Response!.EmbeddingResponse!.Data![0].ToVector());
        Assert.Null(embedding.Response.ChatCompletionResponse);
        Assert.Null(failed.Response);
        Assert.Equal("no", failed.Error!.Message);
    }

    [Fact]
    public void Catalogue_fields_of_a_custom_model_and_a_batch_without_an_input_file_are_read()
    {
        var model = Parse("""{"name":"m","quality":123,"logo_url":"https://l","huggingface_url":"https://h","policy_url":"https://p","license":{"url":"https://u","type":"open","name":"Apache-2.0"},"fine_tune":{"supported":true},"post_train":[{"kind":"dpo"}]}""", CustomModelInfoResponse.CreateFromDiscriminatorValue);
        var batch = Parse("""{"id":"batch_1","endpoint":"/v1/embeddings","input_file_id":null,"completion_window":"24h","status":"done","created_at":1}""", Batch.CreateFromDiscriminatorValue);

        Assert.Equal((123, "https://l", "https://h", "https://p"), (model.Quality, model.LogoUrl, model.HuggingfaceUrl, model.PolicyUrl));
        Assert.Equal(("https://u", "open", "Apache-2.0"), (model.License!.Url, model.License.Type, model.License.Name));
        Assert.Equal(true, model.FineTune!.AdditionalData["supported"]);
        Assert.Equal("dpo", Assert.Single(model.PostTrain!).AdditionalData["kind"]);
        Assert.Null(batch.InputFileId);
        Assert.Contains("\"input_file_id\":null", Write(batch), StringComparison.Ordinal);
    }
}
