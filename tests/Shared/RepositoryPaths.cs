namespace Nebius.Testing;

/// <summary>
/// Finds files of the repository from a running test. Tests run from <c>bin/</c>, so the root is the first
/// folder above the test assembly that holds <c>Nebius.Generated.sln</c>.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The prefix that <c>ContinuousIntegrationBuild</c> maps the source root to in compiled paths.</summary>
    private const string MappedSourceRoot = "/_/";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>
    /// Turns a <c>[CallerFilePath]</c> into a real path. Under CI the compiler maps the repository root to
    /// <c>/_/</c> (deterministic builds), so such a path is re-rooted at the repository found on disk.
    /// </summary>
    public static string SourceFile(string callerFilePath)
    {
        if (File.Exists(callerFilePath) || !callerFilePath.StartsWith(MappedSourceRoot, StringComparison.Ordinal))
        {
            return callerFilePath;
        }

        return Path.Combine(Root, callerFilePath[MappedSourceRoot.Length..]);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Nebius.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Nebius.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
