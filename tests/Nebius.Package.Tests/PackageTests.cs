using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Nebius.Testing;

namespace Nebius.Package.Tests;

public sealed partial class PackageTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    /// <summary>What Nebius.TokenFactory may depend on: the pinned Kiota runtime and what the client layer needs.</summary>
    private static readonly string[] AllowedDependencies =
    [
        "Microsoft.Extensions.Http 10.0.15",
        "Microsoft.Extensions.Logging.Abstractions 10.0.15",
        "Microsoft.Extensions.Options.ConfigurationExtensions 10.0.15",
        "Microsoft.Kiota.Abstractions 2.1.6",
        "Microsoft.Kiota.Http.HttpClientLibrary 2.1.6",
        "Microsoft.Kiota.Serialization.Form 2.1.6",
        "Microsoft.Kiota.Serialization.Json 2.1.6",
        "Microsoft.Kiota.Serialization.Multipart 2.1.6",
        "Microsoft.Kiota.Serialization.Text 2.1.6",
    ];

    [Fact]
    public void The_version_is_semver_and_comes_from_src_Packaging_props()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Packaging.props"));
        var prefix = props.Descendants("VersionPrefix").Single().Value;

        Assert.Matches(SemVer(), packages.Version);
        Assert.StartsWith(prefix, packages.Version, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nebius.TokenFactory")]
    [InlineData("Nebius.TokenFactory.Testing")]
    [InlineData("Nebius.TokenFactory.AI")]
    public void Each_package_has_its_readme_xml_docs_symbols_and_the_spec_version(string id)
    {
        using var package = ZipFile.OpenRead(packages.PackagePath(id));
        var nuspec = Nuspec(package, id);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        var readme = Read(package, "README.md");
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", id, "README.md")), readme);

        var docs = XDocument.Parse(Read(package, $"lib/net10.0/{id}.xml"));
        Assert.True(docs.Descendants("member").Count() > 10, "the XML docs hold the members' documentation");
        // The assembly carries the contract version too ([AssemblyMetadata("NebiusApiVersion", ...)]).
        var assembly = ReadBytes(package, $"lib/net10.0/{id}.dll");
        Assert.True(Contains(assembly, "NebiusApiVersion") && Contains(assembly, SpecVersion()), "the assembly records the spec version");

        // Nothing runs in a consumer's build: no build/ or buildTransitive/ targets (the generation target stays home).
        Assert.DoesNotContain(package.Entries, e => e.FullName.StartsWith("build", StringComparison.OrdinalIgnoreCase));

        Assert.Contains(SpecVersion(), metadata.Element(ns + "releaseNotes")?.Value, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", metadata.Element(ns + "repository")?.Attribute("commit")?.Value ?? string.Empty);

        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(packages.PackagePath(id), ".snupkg"));
        Assert.NotNull(symbols.GetEntry($"lib/net10.0/{id}.pdb"));
    }

    [Fact]
    public void The_client_package_depends_only_on_the_pinned_Kiota_runtime_and_the_client_layer()
    {
        using var package = ZipFile.OpenRead(packages.PackagePath("Nebius.TokenFactory"));
        var nuspec = Nuspec(package, "Nebius.TokenFactory");
        var ns = nuspec.Root!.Name.Namespace;

        var dependencies = nuspec.Descendants(ns + "dependency")
            .Select(d => $"{d.Attribute("id")!.Value} {d.Attribute("version")!.Value}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(AllowedDependencies, dependencies);
    }

    [Fact]
    public void The_test_kit_package_needs_only_the_ASP_NET_Core_shared_framework()
    {
        using var package = ZipFile.OpenRead(packages.PackagePath("Nebius.TokenFactory.Testing"));
        var nuspec = Nuspec(package, "Nebius.TokenFactory.Testing");
        var ns = nuspec.Root!.Name.Namespace;

        Assert.Empty(nuspec.Descendants(ns + "dependency"));
        Assert.Equal("Microsoft.AspNetCore.App", nuspec.Descendants(ns + "frameworkReference").Single().Attribute("name")!.Value);
    }

    [Fact]
    public void Packing_the_solution_yields_the_three_packages_and_the_tool()
    {
        var packed = Directory.GetFiles(packages.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(
            [.. PackedPackages.PackageIds.Append(PackedPackages.ToolId).Select(id => $"{id}.{packages.Version}.nupkg").Order(StringComparer.Ordinal)],
            packed);
    }

    [Fact]
    public async Task The_tool_installs_from_the_folder_feed_and_runs_offline()
    {
        var home = Path.Combine(packages.Root, "tool");
        Directory.CreateDirectory(home);
        var config = Path.Combine(home, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="feed" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """);
        var toolPath = Path.Combine(home, "bin");

        var (installed, installOutput) = await DotnetProcess.RunAsync(home, TimeSpan.FromMinutes(3), "tool", "install", PackedPackages.ToolId, "--version", packages.Version, "--tool-path", toolPath, "--configfile", config);
        Assert.True(installed == 0, $"dotnet tool install failed:\n{installOutput}");

        var nebius = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "nebius.exe" : "nebius");
        var (versionExit, version) = await ToolProcess.RunAsync(nebius, "--version");
        Assert.Equal(0, versionExit);
        Assert.StartsWith(packages.Version, version.Trim(), StringComparison.Ordinal);

        var (smokeExit, smoke) = await ToolProcess.RunAsync(nebius, "smoke");
        Assert.True(smokeExit == 0, $"nebius smoke failed ({smokeExit}):\n{smoke}");
        Assert.Contains("smoke: ok (offline", smoke, StringComparison.Ordinal);

        var (modelsExit, models) = await ToolProcess.RunAsync(nebius, "models");
        Assert.Equal(2, modelsExit);
        Assert.Contains("no API key", models, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_outside_the_solution_restores_the_packages_from_a_folder_feed_and_calls_the_fake()
    {
        var consumer = Path.Combine(packages.Root, "consumer");
        CopySample(Path.Combine(RepositoryPaths.Root, "tests", "Consumer"), consumer);
        var feed = Path.Combine(consumer, "feed");
        Directory.CreateDirectory(feed);
        foreach (var file in Directory.GetFiles(packages.Feed))
        {
            File.Copy(file, Path.Combine(feed, Path.GetFileName(file)));
        }

        var (exitCode, output) = await DotnetProcess.RunAsync(consumer, TimeSpan.FromMinutes(4), "run", "-p:NebiusPackageVersion=" + packages.Version);

        Assert.True(exitCode == 0, $"the consumer failed ({exitCode}):\n{output}");
        Assert.Contains("ok stream:", output, StringComparison.Ordinal);
        Assert.Contains("ok dependency injection:", output, StringComparison.Ordinal);
        Assert.Contains("ok ai adapter:", output, StringComparison.Ordinal);
        Assert.Contains("consumer: ok", output, StringComparison.Ordinal);

        // The package it ran is the one just packed, restored from the folder feed into the sample's own folder.
        foreach (var id in PackedPackages.PackageIds)
        {
            var restored = Path.Combine(consumer, "obj", "packages", id.ToLowerInvariant(), packages.Version, $"{id.ToLowerInvariant()}.{packages.Version}.nupkg");
            Assert.Equal(Hash(packages.PackagePath(id)), Hash(restored));
        }
    }

    private static void CopySample(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }

    private static byte[] ReadBytes(ZipArchive package, string entryName)
    {
        var entry = package.GetEntry(entryName) ?? throw new Xunit.Sdk.XunitException($"{entryName} is missing from the package");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static XDocument Nuspec(ZipArchive package, string id) => XDocument.Parse(Read(package, id + ".nuspec"));

    private static string Read(ZipArchive package, string entryName)
    {
        var entry = package.GetEntry(entryName) ?? throw new Xunit.Sdk.XunitException($"{entryName} is missing from the package");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The spec's <c>info.version</c>, read from the YAML the package was generated from.</summary>
    private static string SpecVersion()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "openapi", "nebius-token-factory.yaml"));
        var info = Array.IndexOf(lines, "info:");
        var version = lines.Skip(info + 1).TakeWhile(l => l.StartsWith(' ')).First(l => l.TrimStart().StartsWith("version:", StringComparison.Ordinal));
        return version.Split(':', 2)[1].Trim().Trim('"', '\'');
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();
}
