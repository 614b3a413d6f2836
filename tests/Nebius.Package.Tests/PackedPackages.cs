using System.Reflection;
using System.Text.RegularExpressions;
using Nebius.Testing;

namespace Nebius.Package.Tests;

/// <summary>
/// Packs the solution once per test run (<c>dotnet pack Nebius.Generated.sln --no-build</c> of what the test build
/// just built: the three packages and the tool) into a temporary folder feed that the tests inspect and restore from.
/// </summary>
public sealed partial class PackedPackages : IAsyncLifetime
{
    public static readonly string[] PackageIds = ["Nebius.TokenFactory", "Nebius.TokenFactory.Testing", "Nebius.TokenFactory.AI"];

    public const string ToolId = "Nebius.TokenFactory.Cli";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "nebius-package-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(Root, "feed");

    public string Version { get; private set; } = string.Empty;

    public static string Configuration =>
        typeof(PackedPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildConfiguration").Value!;

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var solution = Path.Combine(RepositoryPaths.Root, "Nebius.Generated.sln");
        var (exitCode, output) = await DotnetProcess.RunAsync(RepositoryPaths.Root, TimeSpan.FromMinutes(5), "pack", solution, "-c", Configuration, "--no-build", "-o", Feed);
        Assert.True(exitCode == 0, $"dotnet pack Nebius.Generated.sln failed:\n{output}");

        var packed = Directory.GetFiles(Feed, "Nebius.TokenFactory.*.nupkg").Select(Path.GetFileName).Select(f => VersionInFileName().Match(f!)).Single(m => m.Success);
        Version = packed.Groups[1].Value;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^Nebius\.TokenFactory\.(\d.*)\.nupkg$")]
    private static partial Regex VersionInFileName();
}
