namespace Nebius.Cli;

/// <summary>The command line: a command, its positional words, and <c>--name value</c> options (flags take no value).</summary>
internal sealed class CliArguments
{
    private static readonly HashSet<string> Flags = ["--verbose", "--help"];
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private Func<string, string?> _environment = Environment.GetEnvironmentVariable;

    public string Command { get; private init; } = "help";

    public List<string> Words { get; } = [];

    public static CliArguments Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        var hasCommand = args.Count > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);
        var parsed = new CliArguments { Command = hasCommand ? args[0] : "help", _environment = environment ?? Environment.GetEnvironmentVariable };
        for (var i = hasCommand ? 1 : 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Words.Add(arg);
            }
            else if (Flags.Contains(arg))
            {
                parsed._options[arg] = "true";
            }
            else if (i + 1 < args.Count)
            {
                parsed._options[arg] = args[++i];
            }
            else
            {
                throw new CliUsageException($"option {arg} needs a value");
            }
        }

        return parsed;
    }

    public string? Option(string name, string? environmentVariable = null) =>
        _options.TryGetValue(name, out var value) ? value
        : environmentVariable is null ? null
        : _environment(environmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;

    public bool Flag(string name) => _options.ContainsKey(name);
}

/// <summary>The command line was wrong; exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
