using Spectre.Console;

namespace Nebius.Cli;

/// <summary>
/// A Spectre progress bar for an upload or download, shown only on an interactive terminal and never with
/// <c>--json</c>: redirected output and scripts get the result line alone, with no control characters in it.
/// </summary>
internal static class TransferProgress
{
    public static async Task<T> RunAsync<T>(CliContext cli, string description, long? totalBytes, Func<IProgress<long>?, Task<T>> transfer)
    {
        if (!Shown(cli))
        {
            return await transfer(null).ConfigureAwait(false);
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                // Without a known size the bar still counts bytes; its maximum grows with them.
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(totalBytes ?? 1, 1));
                result = await transfer(new Reporter(bytes =>
                {
                    if (totalBytes is null && bytes > task.MaxValue)
                    {
                        task.MaxValue = bytes;
                    }

                    task.Value = bytes;
                })).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Whether a bar would be drawn: stdout is an interactive terminal and the output is not <c>--json</c>.</summary>
    public static bool Shown(CliContext cli) =>
        ReferenceEquals(cli.Output, System.Console.Out) && !System.Console.IsOutputRedirected && !cli.Json;

    /// <summary>Reports on the caller's thread (unlike <see cref="Progress{T}"/>, which posts and can reorder).</summary>
    private sealed class Reporter(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
