using Nebius.Cli;

// nebius <command> [options]. Exit codes: 0 success, 1 the API or the network failed, 2 usage error.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await CliApp.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
