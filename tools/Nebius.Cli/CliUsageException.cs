namespace Nebius.Cli;

/// <summary>
/// The command line was wrong, or the command cannot run as given; exit code 2. The command's help follows on
/// stderr only when it would help (<paramref name="showHelp"/>): not after a missing key or bad input data.
/// </summary>
internal sealed class CliUsageException(string message, bool showHelp = true) : Exception(message)
{
    public bool ShowHelp { get; } = showHelp;
}
