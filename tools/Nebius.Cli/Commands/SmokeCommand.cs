using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Nebius.TokenFactory;
using Nebius.TokenFactory.Models;

namespace Nebius.Cli.Commands;

/// <summary>
/// <c>nebius smoke</c>: lists models, runs one small chat completion and one small stream, and reports
/// each step's latency and request id. Exit code 0 when all three succeed.
/// </summary>
internal static class SmokeCommand
{
    private static readonly Option<string> Model = new("--model") { Description = "The chat model to try (default: the first instruct model listed).", HelpName = "id" };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("smoke", "Check the key and the service: models list, a chat completion and a stream, with latency and request ids.") { Model };
        // The README's main job: without a key it runs offline against the built-in fake, and says so.
        command.SetSessionAction(context, RunAsync, offlineWithoutKey: true);
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var client = session.Client;
        var steps = new JsonArray();
        if (!cli.Json)
        {
            await cli.Output.WriteLineAsync($"target: {client.BaseUrl}{(session.IsFake ? " (offline: the built-in fake, not the real API)" : string.Empty)}").ConfigureAwait(false);
        }

        var metadata = new NebiusResponseMetadata();
        var clock = Stopwatch.StartNew();
        var models = await client.V1.Models.GetAsync(c => c.CaptureResponse(metadata), cancellationToken).ConfigureAwait(false);
        var ids = models?.Data?.Select(m => m.Id ?? string.Empty).ToList() ?? [];
        await Report(cli, steps, "models", clock.Elapsed, metadata.RequestId, $"{ids.Count} models").ConfigureAwait(false);

        var model = cli.Value(Model) ?? PickChatModel(ids);
        var request = new ChatCompletionRequest
        {
            Model = model,
            MaxTokens = 16,
            Messages = [new ChatCompletionMessage { Role = ChatRole.User, Content = "Reply with the single word: pong" }],
        };
        metadata = new NebiusResponseMetadata();
        clock.Restart();
        var answer = await client.V1.Chat.Completions.PostAsync(request, c => c.CaptureResponse(metadata), cancellationToken).ConfigureAwait(false);
        var text = answer?.Choices?.FirstOrDefault()?.Message?.Content ?? string.Empty;
        await Report(cli, steps, "chat", clock.Elapsed, metadata.RequestId, $"{model}: \"{Shorten(text)}\"").ConfigureAwait(false);

        metadata = new NebiusResponseMetadata();
        clock.Restart();
        TimeSpan? firstChunk = null;
        var accumulator = new ChatCompletionAccumulator();
        await foreach (var chunk in client.V1.Chat.Completions.StreamAsync(request, c => c.CaptureResponse(metadata), cancellationToken).ConfigureAwait(false))
        {
            firstChunk ??= clock.Elapsed;
            accumulator.Add(chunk);
        }

        var streamed = accumulator.ToResponse().Choices?.FirstOrDefault()?.Message?.Content ?? string.Empty;
        var firstMs = (firstChunk ?? clock.Elapsed).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        await Report(cli, steps, "stream", clock.Elapsed, metadata.RequestId, $"{accumulator.ChunkCount} chunks, first after {firstMs} ms: \"{Shorten(streamed)}\"").ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(new JsonObject { ["target"] = client.BaseUrl.ToString(), ["fake"] = session.IsFake, ["offline"] = session.IsFake, ["ok"] = true, ["steps"] = steps }).ConfigureAwait(false);
        }
        else
        {
            await cli.Output.WriteLineAsync(session.IsFake ? "smoke: ok (offline, against the built-in fake)" : "smoke: ok").ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    private static string PickChatModel(List<string> ids) =>
        ids.FirstOrDefault(id => id.Contains("Instruct", StringComparison.OrdinalIgnoreCase)) ?? ids.FirstOrDefault() ?? ChatCommand.DefaultModel;

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 60 ? line : line[..60] + "…";
    }

    private static Task Report(CliContext cli, JsonArray steps, string step, TimeSpan elapsed, string? requestId, string result)
    {
        steps.Add(new JsonObject { ["step"] = step, ["ms"] = Math.Round(elapsed.TotalMilliseconds, 1), ["request_id"] = requestId, ["result"] = result });
        return cli.Json
            ? Task.CompletedTask
            : cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{step,-7} {elapsed.TotalMilliseconds,7:0} ms  request {requestId ?? "-",-20}  {result}"));
    }
}
