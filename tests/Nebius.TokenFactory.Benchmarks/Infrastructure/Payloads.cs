using System.Buffers.Binary;
using System.Text.Json;

namespace Nebius.TokenFactory.Benchmarks.Infrastructure;

/// <summary>
/// Builds the response bodies of the scenarios, shaped like what Token Factory (vLLM behind it) sends,
/// together with the checksum a contender must compute from them, so each benchmark can prove in its
/// setup that every contender parsed the same values.
/// </summary>
public static class Payloads
{
    public const string ChatModel = "meta-llama/Llama-3.3-70B-Instruct";
    public const string EmbeddingModel = "Qwen/Qwen3-Embedding-8B";
    public const string ChatAnswer = "The capital of France is Paris.";

    /// <summary>A small non-streaming chat completion (the shape of a real 2025 response).</summary>
    public static byte[] ChatCompletion() => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", "chatcmpl-50f7bcb284ed40cbb45d67225acbb97d");
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteString("finish_reason", "stop");
        w.WriteNumber("index", 0);
        w.WriteNull("logprobs");
        w.WriteStartObject("message");
        w.WriteString("content", ChatAnswer);
        w.WriteNull("refusal");
        w.WriteString("role", "assistant");
        w.WriteNull("annotations");
        w.WriteNull("audio");
        w.WriteNull("function_call");
        w.WriteStartArray("tool_calls");
        w.WriteEndArray();
        w.WriteNull("reasoning_content");
        w.WriteEndObject();
        w.WriteNull("stop_reason");
        w.WriteNull("token_ids");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteNumber("created", 1762232990);
        w.WriteString("model", ChatModel);
        w.WriteString("object", "chat.completion");
        w.WriteNull("service_tier");
        w.WriteNull("system_fingerprint");
        w.WriteStartObject("usage");
        w.WriteNumber("completion_tokens", 8);
        w.WriteNumber("prompt_tokens", 15);
        w.WriteNumber("total_tokens", 23);
        w.WriteNull("completion_tokens_details");
        w.WriteNull("prompt_tokens_details");
        w.WriteEndObject();
        w.WriteNull("prompt_logprobs");
        w.WriteNull("prompt_token_ids");
        w.WriteNull("kv_transfer_params");
        w.WriteEndObject();
    });

    /// <summary>What a contender computes from <see cref="ChatCompletion"/>: answer length plus total tokens.</summary>
    public static double ChatCompletionChecksum => ChatAnswer.Length + 23;

    /// <summary>The text of chunk <paramref name="index"/> of the stream.</summary>
    public static string StreamToken(int index) => index == 0 ? string.Empty : $"tok{index} ";

    /// <summary>A text/event-stream of <paramref name="chunks"/> chat completion chunks and the <c>[DONE]</c> terminator.</summary>
    public static byte[] ChatStream(int chunks)
    {
        var output = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            var index = i;
            var json = Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", "chatcmpl-8c1f0e3b6f2a4d0e9a7b5c3d1e2f4a6b");
                w.WriteString("object", "chat.completion.chunk");
                w.WriteNumber("created", 1762232990);
                w.WriteString("model", ChatModel);
                w.WriteStartArray("choices");
                w.WriteStartObject();
                w.WriteNumber("index", 0);
                w.WriteStartObject("delta");
                if (index == 0)
                {
                    w.WriteString("role", "assistant");
                }

                w.WriteString("content", StreamToken(index));
                w.WriteEndObject();
                w.WriteNull("logprobs");
                if (index == chunks - 1)
                {
                    w.WriteString("finish_reason", "stop");
                }
                else
                {
                    w.WriteNull("finish_reason");
                }

                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            });
            output.Write("data: "u8);
            output.Write(json);
            output.Write("\n\n"u8);
        }

        output.Write("data: [DONE]\n\n"u8);
        return output.ToArray();
    }

    /// <summary>What a contender computes from <see cref="ChatStream"/>: the chunk count plus the length of all content.</summary>
    public static double ChatStreamChecksum(int chunks) => chunks + Enumerable.Range(0, chunks).Sum(i => StreamToken(i).Length);

    /// <summary>The deterministic vector of embedding <paramref name="index"/>.</summary>
    public static float[] Vector(int index, int dimensions)
    {
        var random = new Random(index + 1);
        var vector = new float[dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(random.NextDouble() * 0.2 - 0.1);
        }

        return vector;
    }

    /// <summary>An embeddings response with <paramref name="count"/> vectors, as JSON numbers or as base64 of float32.</summary>
    public static byte[] Embeddings(int count, int dimensions, bool base64) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        for (var i = 0; i < count; i++)
        {
            w.WriteStartObject();
            w.WriteString("object", "embedding");
            var vector = Vector(i, dimensions);
            if (base64)
            {
                var bytes = new byte[vector.Length * sizeof(float)];
                for (var j = 0; j < vector.Length; j++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(j * sizeof(float)), vector[j]);
                }

                w.WriteBase64String("embedding", bytes);
            }
            else
            {
                w.WriteStartArray("embedding");
                foreach (var value in vector)
                {
                    w.WriteNumberValue(value);
                }

                w.WriteEndArray();
            }

            w.WriteNumber("index", i);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("model", EmbeddingModel);
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", count * 8);
        w.WriteNumber("total_tokens", count * 8);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>What a contender computes from <see cref="Embeddings"/>: the sum of every float (summed in order, as doubles).</summary>
    public static double EmbeddingsChecksum(int count, int dimensions)
    {
        var sum = 0d;
        for (var i = 0; i < count; i++)
        {
            sum += SumOf(Vector(i, dimensions));
        }

        return sum;
    }

    /// <summary>The sum of a vector, the same way every contender adds it up.</summary>
    public static double SumOf(ReadOnlySpan<float> vector)
    {
        var sum = 0d;
        foreach (var value in vector)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>The id of model <paramref name="index"/> in the list.</summary>
    public static string ModelId(int index) => $"vendor-{index % 17}/model-family-{index}-Instruct";

    /// <summary>A verbose model list (<c>GET /v1/models?verbose=true</c>) of <paramref name="count"/> models.</summary>
    public static byte[] Models(int count) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        for (var i = 0; i < count; i++)
        {
            w.WriteStartObject();
            w.WriteString("id", ModelId(i));
            w.WriteString("object", "model");
            w.WriteNumber("created", 1717516032 + i);
            w.WriteString("owned_by", "system");
            w.WriteString("name", $"Model family {i} Instruct");
            w.WriteString("description", $"An instruction-tuned model of family {i}, served by Token Factory for benchmarks.");
            w.WriteNumber("context_length", 131072);
            w.WriteStartObject("architecture");
            w.WriteString("modality", i % 5 == 0 ? "text+image->text" : "text->text");
            w.WriteEndObject();
            w.WriteStartArray("features");
            w.WriteStringValue("function-calling");
            if (i % 3 == 0)
            {
                w.WriteStringValue("reasoning");
            }

            w.WriteEndArray();
            w.WriteStartObject("pricing");
            w.WriteNumber("prompt", 0.00000002 * (1 + i % 7));
            w.WriteNumber("completion", 0.00000006 * (1 + i % 7));
            w.WriteEndObject();
            w.WriteStartObject("config");
            w.WriteNumber("max_tokens", 8192);
            w.WriteEndObject();
            w.WriteNull("shutdown_date");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>What a contender computes from <see cref="Models"/>: the count plus the length of every id and owner.</summary>
    public static double ModelsChecksum(int count) => count + Enumerable.Range(0, count).Sum(i => ModelId(i).Length + "system".Length);

    /// <summary>The inputs of the embeddings request.</summary>
    public static List<string> EmbeddingInputs(int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"Passage {i}: Token Factory serves open models behind an OpenAI-compatible API.")];

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
