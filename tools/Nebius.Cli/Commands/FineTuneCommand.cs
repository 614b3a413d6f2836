using System.CommandLine;
using System.Globalization;
using Nebius.TokenFactory.Models;

namespace Nebius.Cli.Commands;

/// <summary><c>nebius fine-tune create|status|events</c>: start a job and follow it.</summary>
internal static class FineTuneCommand
{
    private static readonly Option<string> Model = new("--model") { Description = "The base model, e.g. meta-llama/Llama-3.1-8B-Instruct.", HelpName = "id", Required = true };

    private static readonly Option<string> TrainingFile = new("--training-file") { Description = "The id of an uploaded JSONL file (purpose fine-tune).", HelpName = "file-id", Required = true };

    private static readonly Option<string> ValidationFile = new("--validation-file") { Description = "An uploaded JSONL file to validate on.", HelpName = "file-id" };

    private static readonly Option<string> Suffix = new("--suffix") { Description = "Up to 64 characters added to the fine-tuned model's name.", HelpName = "text" };

    private static readonly Option<int?> Epochs = new("--epochs") { Description = "Passes over the training data (1-20, default 3).", HelpName = "n" };

    private static readonly Option<bool> Lora = new("--lora") { Description = "Train a LoRA adapter instead of all weights." };

    private static readonly Argument<string> JobId = new("job-id") { Description = "The job, e.g. ftjob-0123…" };

    private static readonly Option<int> Limit = new("--limit") { Description = "How many of the newest events (default 20).", HelpName = "n", DefaultValueFactory = _ => 20 };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var create = new Command("create", "Start a fine-tuning job.") { Model, TrainingFile, ValidationFile, Suffix, Epochs, Lora };
        create.SetSessionAction(context, CreateAsync);
        var status = new Command("status", "Show a job: its state, progress and result.") { JobId };
        status.SetSessionAction(context, StatusAsync);
        var events = new Command("events", "Show a job's events, oldest first.") { JobId, Limit };
        events.SetSessionAction(context, EventsAsync);
        return new Command("fine-tune", "Fine-tuning jobs.") { create, status, events };
    }

    private static async Task<int> CreateAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var epochs = cli.Value(Epochs);
        var lora = cli.Value(Lora);
        var request = new FineTuningRequest
        {
            Model = cli.Value(Model),
            TrainingFile = cli.Value(TrainingFile),
            ValidationFile = cli.Value(ValidationFile),
            Suffix = cli.Value(Suffix),
            Hyperparameters = epochs is null && !lora ? null : new SupervisedHParameters { NEpochs = epochs, Lora = lora ? true : null },
        };
        var job = await session.Client.V1.FineTuning.Jobs.PostAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(job).ConfigureAwait(false);
        }
        else
        {
            await cli.Output.WriteLineAsync($"created {job?.Id} ({job?.Status}); follow it with: nebius fine-tune status {job?.Id}").ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    private static async Task<int> StatusAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var job = await session.Client.V1.FineTuning.Jobs[cli.Value(JobId)!].GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(job).ConfigureAwait(false);
            return CliApp.Ok;
        }

        var table = CliConsole.Table("field", "value");
        table.AddTextRow("id", job?.Id);
        table.AddTextRow("status", job?.Status);
        table.AddTextRow("model", job?.Model);
        table.AddTextRow("training file", job?.TrainingFile);
        table.AddTextRow("created (UTC)", CliConsole.Time(job?.CreatedAt));
        table.AddTextRow("steps", job?.TotalSteps is { } total ? $"{job.TrainedSteps ?? 0}/{total}" : null);
        table.AddTextRow("trained tokens", job?.TrainedTokens?.ToString("N0", CultureInfo.InvariantCulture));
        table.AddTextRow("finished (UTC)", CliConsole.Time(job?.FinishedAt));
        table.AddTextRow("fine-tuned model", job?.FineTunedModel);
        if (job?.Error is { } error)
        {
            table.AddTextRow("error", $"{error.Code}: {error.Message}");
        }

        cli.Console.Write(table);
        return CliApp.Ok;
    }

    private static async Task<int> EventsAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var events = await session.Client.V1.FineTuning.Jobs[cli.Value(JobId)!].Events.GetAsync(c => c.QueryParameters.Limit = cli.Value(Limit), cancellationToken).ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(events).ConfigureAwait(false);
            return CliApp.Ok;
        }

        // The API sends the newest first; a log reads better oldest first.
        var table = CliConsole.Table("time (UTC)", "level", "message");
        foreach (var item in Enumerable.Reverse(events?.Data ?? []))
        {
            table.AddTextRow(CliConsole.Time(item.CreatedAt), item.Level, item.Message);
        }

        await cli.WriteTableAsync(table, "no events").ConfigureAwait(false);
        return CliApp.Ok;
    }
}
