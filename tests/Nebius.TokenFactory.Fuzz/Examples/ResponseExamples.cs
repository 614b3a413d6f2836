namespace Nebius.TokenFactory.Fuzz.Examples;

/// <summary>The example bodies of <c>openapi/examples/</c>, embedded in this assembly at build time (see the project file).</summary>
internal static class ResponseExamples
{
    private const string Prefix = "examples/";

    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> All = new(Load);

    /// <summary>Every embedded example by file name.</summary>
    public static IReadOnlyDictionary<string, byte[]> Files => All.Value;

    /// <summary>The bytes of one example, exactly as checked in.</summary>
    public static byte[] Bytes(string fileName) =>
        All.Value.TryGetValue(fileName, out var bytes) ? bytes : throw new KeyNotFoundException($"No example {fileName} in openapi/examples/.");

    private static Dictionary<string, byte[]> Load()
    {
        var assembly = typeof(ResponseExamples).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name[Prefix.Length..]] = copy.ToArray();
        }

        return files;
    }
}
