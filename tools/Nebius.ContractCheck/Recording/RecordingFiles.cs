using Nebius.ContractCheck.Probe;

namespace Nebius.ContractCheck.Recording;

/// <summary>
/// Where recordings live and what they are called: one WireMock.Net mapping file per read-only call,
/// <c>GET_v1_models.json</c>, in a folder that says what answered (the real API or the built-in fake).
/// </summary>
internal static class RecordingFiles
{
    /// <summary>Every recording under here is replayed by the tests.</summary>
    public const string Root = "openapi/recordings";

    /// <summary>Recordings of the real API, made by a maintainer with a key.</summary>
    public const string LiveFolder = Root + "/live";

    /// <summary>Recordings of the built-in fake (<c>record --target fake</c>): they prove the workflow, not the API.</summary>
    public const string FakeFolder = Root + "/made-against-the-fake";

    public static string FileName(ReadOnlyCall call) =>
        $"{call.Method}_{call.Path.Trim('/').Replace('/', '_')}.json";

    /// <summary>The mapping files under <paramref name="folder"/> and its subfolders, in a stable order.</summary>
    public static IReadOnlyList<string> Under(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];
}
