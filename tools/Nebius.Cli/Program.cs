using Nebius.Cli;

// nebius <command> [options]. Exit codes: 0 success, 1 the API or the network failed, 2 usage error, 130 Ctrl+C.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the command, which prints what it has and exits 130; a second one, while it is still
    // winding down, ends the process at once.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
var exit = await CliApp.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
await Console.Out.FlushAsync(CancellationToken.None);
return exit;
