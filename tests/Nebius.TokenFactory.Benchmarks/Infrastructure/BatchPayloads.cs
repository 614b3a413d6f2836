using System.Text.Json;

namespace Nebius.TokenFactory.Benchmarks.Infrastructure;

/// <summary>
/// A Nebius batch output file: one JSONL line per request, <c>{"id", "custom_id", "response": &lt;a chat
/// completion&gt;, "error": null}</c> (the shape of <c>/work/shared/api/examples/batch_output_line.chat_completion.real.json</c>),
/// written in a shuffled order so that joining by <c>custom_id</c> has work to do.
/// </summary>
public static class BatchPayloads
{
    /// <summary>The <c>custom_id</c> of request <paramref name="index"/>.</summary>
    public static string CustomId(int index) => $"request-{index}";

    /// <summary>The answer of request <paramref name="index"/>.</summary>
    public static string Answer(int index) => $"Answer {index}: Hello! How can I assist you today?";

    /// <summary>The output file of <paramref name="lines"/> requests.</summary>
    public static byte[] OutputFile(int lines)
    {
        var order = Enumerable.Range(0, lines).ToArray();
        new Random(42).Shuffle(order);
        var output = new MemoryStream();
        using var writer = new Utf8JsonWriter(output);
        foreach (var index in order)
        {
            writer.Reset(output);
            writer.WriteStartObject();
            writer.WriteString("id", $"batch_req_e3f24ba0-8305-4395-9d1f-{index:D12}");
            writer.WriteString("custom_id", CustomId(index));
            writer.WriteStartObject("response");
            writer.WriteString("id", $"chat-1bd17149372044158cc19d78{index:D8}");
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteString("finish_reason", "stop");
            writer.WriteNumber("index", 0);
            writer.WriteNull("logprobs");
            writer.WriteStartObject("message");
            writer.WriteString("content", Answer(index));
            writer.WriteString("role", "assistant");
            writer.WriteNull("function_call");
            writer.WriteStartArray("tool_calls");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteNull("stop_reason");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteNumber("created", 1729513357);
            writer.WriteString("model", "meta-llama/Meta-Llama-3.1-8B-Instruct-fast");
            writer.WriteString("object", "chat.completion");
            writer.WriteNull("service_tier");
            writer.WriteNull("system_fingerprint");
            writer.WriteStartObject("usage");
            writer.WriteNumber("completion_tokens", 10);
            writer.WriteNumber("prompt_tokens", 22);
            writer.WriteNumber("total_tokens", 32 + (index % 5));
            writer.WriteEndObject();
            writer.WriteNull("prompt_logprobs");
            writer.WriteEndObject();
            writer.WriteNull("error");
            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
        }

        return output.ToArray();
    }

    /// <summary>What a contender computes after the join: per input, in input order, the answer length plus total tokens.</summary>
    public static double Checksum(int lines) => Enumerable.Range(0, lines).Sum(i => (double)Answer(i).Length + 32 + (i % 5));
}
