namespace Nebius.Cli;

/// <summary>The command line was wrong; exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
