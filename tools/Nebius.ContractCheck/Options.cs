namespace Nebius.ContractCheck;

/// <summary>The command line: a command followed by <c>--name value</c> options.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private Options(string command) => Command = command;

    public string Command { get; }

    public static Options Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new ArgumentException("a command is required: lint, diff, check, probe, record or upstream", nameof(args));
        }

        var options = new Options(args[0]);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected '--option value' at '{name}'", nameof(args));
            }

            options._values[name[2..]] = args[++i];
        }

        return options;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;
}
