using System.Reflection;
using System.Text.RegularExpressions;
using Nebius.Testing;

namespace Nebius.Package.Tests;

/// <summary>
/// Packs both packages once per test run (<c>dotnet pack --no-build</c> of what the test build just built)
/// into a temporary folder feed that the tests inspect and restore from.
/// </summary>
public sealed partial class PackedPackages : IAsyncLifetime
{
    public static readonly string[] PackageIds = ["Nebius.TokenFactory", "Nebius.TokenFactory.Testing"];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "nebius-package-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(Root, "feed");

    public string Version { get; private set; } = string.Empty;

    public static string Configuration =>
        typeof(PackedPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildConfiguration").Value!;

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        foreach (var id in PackageIds)
        {
            var project = Path.Combine(RepositoryPaths.Root, "src", id, id + ".csproj");
            var (exitCode, output) = await DotnetProcess.RunAsync(RepositoryPaths.Root, TimeSpan.FromMinutes(3), "pack", project, "-c", Configuration, "--no-build", "-o", Feed);
            Assert.True(exitCode == 0, $"dotnet pack {id} failed:\n{output}");
        }

        var packed = Path.GetFileName(Directory.GetFiles(Feed, "Nebius.TokenFactory.*.nupkg").Single(f => !Path.GetFileName(f).StartsWith("Nebius.TokenFactory.Testing.", StringComparison.Ordinal)));
        Version = VersionInFileName().Match(packed).Groups[1].Value;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^Nebius\.TokenFactory\.(\d.*)\.nupkg$")]
    private static partial Regex VersionInFileName();
}
