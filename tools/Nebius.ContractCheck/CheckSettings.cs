namespace Nebius.ContractCheck;

/// <summary>Paths and refs of one run, with the repository's defaults.</summary>
internal sealed record CheckSettings(
    string RepositoryRoot,
    string SpecPath,
    string? BaseRef,
    string? BaseFile,
    string AcknowledgedPath,
    string? MarkdownPath,
    string? JsonPath,
    string Format,
    Func<string, string?> Environment)
{
    /// <summary>True under CI (<c>CI=true</c>), where skipping a check for a missing tool is a failure.</summary>
    public bool InCi => string.Equals(Environment("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string DefaultSpec = "openapi/nebius-token-factory.yaml";
    public const string DefaultAcknowledged = "openapi/acknowledged-breaking-changes.txt";

    public static CheckSettings From(Options options, Func<string, string?> environment)
    {
        var root = Path.GetFullPath(options.Get("repo") ?? FindRoot(Directory.GetCurrentDirectory()));
        string Full(string path) => Path.GetFullPath(path, root);
        var format = options.Get("format", "markdown");
        if (format is not ("markdown" or "json"))
        {
            throw new ArgumentException($"--format must be markdown or json, not '{format}'", nameof(options));
        }

        return new CheckSettings(
            root,
            Full(options.Get("spec", DefaultSpec)),
            options.Get("base"),
            options.Get("base-file") is { } baseFile ? Full(baseFile) : null,
            Full(options.Get("acknowledged", DefaultAcknowledged)),
            options.Get("markdown") is { } markdown ? Full(markdown) : null,
            options.Get("json") is { } json ? Full(json) : null,
            format,
            environment);
    }

    private static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Nebius.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        return start;
    }
}
