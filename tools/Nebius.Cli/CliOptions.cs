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
        Description = "API key (env NEBIUS_API_KEY). Without one the built-in fake server answers.",
        HelpName = "key",
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
        root.Options.Add(BaseUrl);
        root.Options.Add(Project);
        root.Options.Add(Json);
    }

    /// <summary>An option's value, else the environment variable's when it is set and not empty.</summary>
    public static string? Resolve(ParseResult parse, Option<string> option, string variable, Func<string, string?> environment) =>
        parse.GetValue(option) is { Length: > 0 } given ? given
        : environment(variable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;
}
