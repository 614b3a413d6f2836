namespace Nebius.CodeGen;

/// <summary>
/// Writes generated files into the output folder, touching only those whose text changed (so that
/// incremental compilation sees no change) and deleting files that the spec no longer produces.
/// </summary>
public static class FileSync
{
    public static (int Written, int Removed) Apply(string outputDirectory, IReadOnlyList<GeneratedFile> files)
    {
        Directory.CreateDirectory(outputDirectory);
        var root = Path.GetFullPath(outputDirectory);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var written = 0;
        foreach (var file in files)
        {
            var path = Path.GetFullPath(Path.Combine(root, file.RelativePath));
            expected.Add(path);
            if (File.Exists(path) && File.ReadAllText(path) == file.Content)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
            written++;
        }

        var removed = 0;
        foreach (var stale in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(p => !expected.Contains(p)).ToList())
        {
            File.Delete(stale);
            removed++;
        }

        foreach (var directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
        {
            if (!Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }

        return (written, removed);
    }
}
