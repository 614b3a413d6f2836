using System.CommandLine;

namespace Nebius.Cli;

/// <summary>
/// The options every command takes (recursive on the root). Values not given on the command line come from
/// the environment; that lookup is ours rather than a default value, so <c>--help</c> never prints a key.
/// </summary>
internal static class CliOptions
{
    public static readonly Option<string> ApiKey = new("--api-key")
    {
        Description = "API key (env NEBIUS_API_KEY). Prefer --api-key-file or the environment: a command line is visible to other users.",
        HelpName = "key",
        Recursive = true,
    };

    public static readonly Option<FileInfo> ApiKeyFile = new("--api-key-file")
    {
        Description = "Read the API key from this file (its first line).",
        HelpName = "path",
        Recursive = true,
    };

    public static readonly Option<bool> Fake = new("--fake")
    {
        Description = "Run against the built-in fake Token Factory instead of the real API (env NEBIUS_FAKE=1).",
        Recursive = true,
    };

    public static readonly Option<string> BaseUrl = new("--base-url")
    {
        Description = "Another host, e.g. a regional one or a local server (env NEBIUS_BASE_URL).",
        HelpName = "url",
        Recursive = true,
    };

    public static readonly Option<string> Project = new("--project")
    {
        Description = "The ai_project_id every call is scoped to (env NEBIUS_AI_PROJECT_ID).",
        HelpName = "id",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the result as JSON (for scripts) instead of text.",
        Recursive = true,
    };

    public static void AddTo(Command root)
    {
        root.Options.Add(ApiKey);
        root.Options.Add(ApiKeyFile);
        root.Options.Add(Fake);
        root.Options.Add(BaseUrl);
        root.Options.Add(Project);
        root.Options.Add(Json);
    }

    /// <summary>An option's value, else the environment variable's when it is set and not empty.</summary>
    public static string? Resolve(ParseResult parse, Option<string> option, string variable, Func<string, string?> environment) =>
        parse.GetValue(option) is { Length: > 0 } given ? given
        : environment(variable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary>
    /// The key: <c>--api-key</c>, else the first line of <c>--api-key-file</c>, else <c>NEBIUS_API_KEY</c>; null when none
    /// is given. An unreadable or empty key file is a usage error (naming the file, never its content).
    /// </summary>
    public static string? ResolveApiKey(ParseResult parse, Func<string, string?> environment)
    {
        if (parse.GetValue(ApiKey) is { Length: > 0 } given)
        {
            return given;
        }

        if (parse.GetValue(ApiKeyFile) is { } file)
        {
            string? firstLine;
            try
            {
                using var reader = file.OpenText();
                firstLine = reader.ReadLine()?.Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--api-key-file: cannot read {file.FullName}: {ex.Message}");
            }

            return string.IsNullOrEmpty(firstLine) ? throw new CliUsageException($"--api-key-file: {file.FullName} holds no key on its first line.") : firstLine;
        }

        return environment("NEBIUS_API_KEY") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
    }

    /// <summary>Whether the built-in fake was asked for: <c>--fake</c> or <c>NEBIUS_FAKE</c> set to 1 or true.</summary>
    public static bool WantsFake(ParseResult parse, Func<string, string?> environment) =>
        parse.GetValue(Fake) || environment("NEBIUS_FAKE") is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
