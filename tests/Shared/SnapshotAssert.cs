using System.Runtime.CompilerServices;
using System.Text;

namespace Nebius.Testing.Snapshots;

/// <summary>
/// Compares text with a checked-in <c>{name}.verified.txt</c> beside the calling test file (Verify's file
/// convention, so the switch to Verify.Xunit is a drop-in once its core package restores). A mismatch
/// fails with a unified diff and writes <c>{name}.received.txt</c>. A missing snapshot always fails.
/// Accepting is one environment variable: <c>NEBIUS_ACCEPT_SNAPSHOTS=1 dotnet test …</c> rewrites the
/// verified files (refused under <c>CI=true</c>), and the change shows up in review as a diff.
/// </summary>
internal static class SnapshotAssert
{
    public static void Matches(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.GetDirectoryName(RepositoryPaths.SourceFile(callerFile))!;
        var verifiedPath = Path.Combine(directory, name + ".verified.txt");
        var receivedPath = Path.Combine(directory, name + ".received.txt");
        var normalized = Normalize(actual);
        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (Environment.GetEnvironmentVariable("NEBIUS_ACCEPT_SNAPSHOTS") == "1" && !inCi)
        {
            File.WriteAllText(verifiedPath, normalized, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalized, new UTF8Encoding(false));
        var message = expected is null
            ? $"No snapshot {Path.GetFileName(verifiedPath)} yet. Review {Path.GetFileName(receivedPath)} and accept it with NEBIUS_ACCEPT_SNAPSHOTS=1."
            : $"{name} differs from its snapshot (accept with NEBIUS_ACCEPT_SNAPSHOTS=1 if intended):\n{UnifiedDiff.Create(expected, normalized, name + ".verified.txt", name + ".received.txt")}";
        throw new Xunit.Sdk.XunitException(message);
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
}
