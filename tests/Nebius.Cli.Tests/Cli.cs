using Nebius.TokenFactory.Testing;

namespace Nebius.Cli.Tests;

/// <summary>Runs the command in process with captured output and an empty (or given) environment.</summary>
internal static class Cli
{
    public static Task<(int Exit, string Output, string Errors)> Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    public static async Task<(int Exit, string Output, string Errors)> Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, errors, name => environment.GetValueOrDefault(name), CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    /// <summary>Runs against <paramref name="fake"/> as if it were the real API (a key and its base URL given).</summary>
    public static Task<(int Exit, string Output, string Errors)> Against(FakeTokenFactory fake, params string[] args) =>
        Run([.. args, "--api-key", "test-key", "--base-url", fake.BaseUrl.ToString()]);
}
