using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Serialization.Json;
using Nebius.TokenFactory;
using Nebius.TokenFactory.Batches;
using Nebius.TokenFactory.Models;

namespace Nebius.Cli.Commands;

/// <summary>
/// Checks a batch input JSONL file before it is uploaded as is: every line must be a
/// <c>{"custom_id", "method": "POST", "url", "body"}</c> object for the chosen endpoint, and its body goes
/// through the library's <see cref="BatchInputWriter"/> (unique ids, one model, no streaming, the documented
/// limits) into a sink, so a bad file fails with the number of each bad line and nothing is sent.
/// </summary>
internal static class BatchInputCheck
{
    /// <summary>How many bad lines are listed one by one; a file that is bad throughout gets a count of the rest.</summary>
    internal const int MaxListed = 50;

    /// <summary>
    /// Returns the number of lines. Every bad line is found in one pass and reported together, as one usage error
    /// naming the file and each line (without the command's help: the command line was right, the data was not).
    /// </summary>
    public static async Task<int> CheckAsync(string path, BatchEndpoint endpoint, CancellationToken cancellationToken)
    {
        var writer = BatchInputWriter.Create(Stream.Null, endpoint);
        await using (writer.ConfigureAwait(false))
        {
            var number = 0;
            var problems = new List<string>();
            var bad = 0;
            using var reader = new StreamReader(path);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    await CheckLineAsync(writer, line, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or InvalidDataException)
                {
                    bad++;
                    if (problems.Count < MaxListed)
                    {
                        problems.Add($"line {number}: {ex.Message}");
                    }

                    // Past the line limit the writer refuses every further line alike: one report of it is enough.
                    if (writer.LineCount >= NebiusLimits.BatchInputMaxLines)
                    {
                        break;
                    }
                }
            }

            if (bad > 0)
            {
                throw new CliUsageException(Report(path, bad, problems), showHelp: false);
            }

            if (writer.LineCount == 0)
            {
                throw new CliUsageException($"<input>: {path} holds no requests.", showHelp: false);
            }

            return writer.LineCount;
        }
    }

    private static string Report(string path, int bad, List<string> problems)
    {
        if (bad == 1)
        {
            return $"<input>: {path} {problems[0]}";
        }

        var report = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<input>: {path} has {bad:N0} bad lines:"));
        foreach (var problem in problems)
        {
            report.Append(Environment.NewLine).Append("  ").Append(problem);
        }

        if (bad > problems.Count)
        {
            report.Append(Environment.NewLine).Append(string.Create(CultureInfo.InvariantCulture, $"  … and {bad - problems.Count:N0} more"));
        }

        return report.ToString();
    }

    private static async Task CheckLineAsync(BatchInputWriter writer, string line, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("a line must be a JSON object.");
        }

        var customId = Text(root, "custom_id");
        var method = Text(root, "method");
        if (!string.Equals(method, "POST", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"method must be POST, not '{method}'.");
        }

        var url = Text(root, "url");
        if (!string.Equals(url, writer.EndpointPath, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"url '{url}' is not the batch's endpoint {writer.EndpointPath} (see --endpoint).");
        }

        if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("body must be a JSON object.");
        }

        var node = new JsonParseNode(body.Clone());
        if (writer.Endpoint == BatchEndpoint.V1Embeddings)
        {
            await writer.WriteAsync(customId, node.GetObjectValue(EmbeddingRequest.CreateFromDiscriminatorValue), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await writer.WriteAsync(customId, node.GetObjectValue(ChatCompletionRequest.CreateFromDiscriminatorValue), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Text(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{name} is missing or not a string.");
}
