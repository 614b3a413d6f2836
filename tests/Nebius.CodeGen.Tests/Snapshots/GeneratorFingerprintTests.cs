using System.Security.Cryptography;
using System.Text;
using Nebius.Testing.Snapshots;

namespace Nebius.CodeGen.Tests.Snapshots;

/// <summary>
/// Keeps <see cref="GeneratorVersion"/> honest. The snapshot records the generator's version, the hash of the
/// checked-in spec and the hash of everything generated from it. A spec edit changes the output legitimately
/// (accept the new fingerprint as any snapshot); an output change under the same spec and the same version means
/// the generator changed without saying so, and cannot be accepted until the version is bumped.
/// </summary>
public sealed class GeneratorFingerprintTests
{
    private const string SnapshotName = "GeneratorFingerprint";

    [Fact]
    public void The_generator_version_changes_whenever_the_output_of_the_same_spec_changes()
    {
        var spec = Specs.Real;
        var current = Fingerprint.Of(GeneratorVersion.Value, spec, Generator.Generate(spec).Files.Select(f => (f.RelativePath, f.Content)));
        var recordedPath = Path.Combine(Path.GetDirectoryName(Nebius.Testing.RepositoryPaths.SourceFile(ThisFile()))!, SnapshotName + ".verified.txt");
        if (File.Exists(recordedPath) && Fingerprint.Parse(File.ReadAllText(recordedPath)) is { } recorded
            && recorded.Version == current.Version && recorded.SpecHash == current.SpecHash)
        {
            Assert.True(recorded.OutputHash == current.OutputHash,
                $"The generated files changed while the spec and GeneratorVersion.Value ({current.Version}) did not: bump GeneratorVersion.Value in tools/Nebius.CodeGen/GeneratorVersion.cs, then accept the fingerprint.");
        }

        SnapshotAssert.Matches(current.ToString(), SnapshotName);
    }

    [Fact]
    public void The_fingerprint_changes_with_any_generated_byte()
    {
        var files = new[] { ("A.cs", "class A {}"), ("B.cs", "class B {}") };
        var baseline = Fingerprint.Of("1.0.0", "spec", files);

        Assert.Equal(baseline, Fingerprint.Of("1.0.0", "spec", files.Reverse()));
        Assert.NotEqual(baseline.OutputHash, Fingerprint.Of("1.0.0", "spec", [("A.cs", "class A { }"), ("B.cs", "class B {}")]).OutputHash);
        Assert.NotEqual(baseline.OutputHash, Fingerprint.Of("1.0.0", "spec", [("A2.cs", "class A {}"), ("B.cs", "class B {}")]).OutputHash);
        Assert.Equal(baseline, Fingerprint.Parse(baseline.ToString()));
    }

    [Fact]
    public void Generated_files_name_the_generator_and_its_version()
    {
        var file = Generator.Generate(Specs.Real).Files.First(f => f.RelativePath.EndsWith("NebiusApiClient.cs", StringComparison.Ordinal));

        Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"Nebius.CodeGen\", \"{GeneratorVersion.Value}\")]", file.Content, StringComparison.Ordinal);
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    private sealed record Fingerprint(string Version, string SpecHash, string OutputHash)
    {
        public static Fingerprint Of(string version, string spec, IEnumerable<(string Path, string Content)> files)
        {
            using var output = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var (path, content) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                // Length-prefixed, so that moving text from one file into the next changes the hash.
                output.AppendData(Encoding.UTF8.GetBytes($"{path}\n{content.Length}\n{content}\n"));
            }

            return new(version, Hash(spec.ReplaceLineEndings("\n")), Convert.ToHexStringLower(output.GetHashAndReset()));
        }

        public static Fingerprint? Parse(string text)
        {
            var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(": ", 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => parts[1].Trim(), StringComparer.Ordinal);
            return values.TryGetValue("generator version", out var version) && values.TryGetValue("spec sha256", out var spec) && values.TryGetValue("output sha256", out var output)
                ? new(version, spec, output)
                : null;
        }

        public override string ToString() => $"generator version: {Version}\nspec sha256: {SpecHash}\noutput sha256: {OutputHash}\n";

        private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
