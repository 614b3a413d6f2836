using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Transfers;

public sealed class DownloadTests : IAsyncLifetime, IDisposable
{
    private FakeTokenFactory _fake = null!;
    private NebiusClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTokenFactory.StartAsync();
        _client = TestClients.Create(_fake);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Download_to_a_file_streams_every_byte_with_growing_progress()
    {
        var content = new byte[5_000_000];
        Random.Shared.NextBytes(content);
        _fake.Files["file-big"] = new FakeFile("file-big", "out.jsonl", "batch", content, 1);
        var folder = Directory.CreateTempSubdirectory("nebius-download-");
        try
        {
            var path = Path.Combine(folder.FullName, "out.jsonl");
            var progress = new RecordingProgress();

            var written = await _client.V1.Files["file-big"].Content.DownloadToFileAsync(path, progress);

            Assert.Equal(content.LongLength, written);
            Assert.Equal(content, await File.ReadAllBytesAsync(path));
            Assert.True(progress.Values.Count > 10, $"progress reported {progress.Values.Count} times for 5 MB");
            Assert.Equal(content.LongLength, progress.Values[^1]);
            Assert.True(progress.Values.SequenceEqual(progress.Values.Order()), "progress only grows");
            Assert.Equal(["out.jsonl"], folder.GetFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Download_into_a_stream_leaves_it_open()
    {
        _fake.Files["file-small"] = new FakeFile("file-small", "a.jsonl", "batch", [1, 2, 3, 4], 1);
        using var destination = new MemoryStream();

        var written = await _client.V1.Files["file-small"].Content.DownloadToAsync(destination);

        Assert.Equal(4, written);
        Assert.Equal([1, 2, 3, 4], destination.ToArray());
    }

    [Fact]
    public async Task A_missing_file_is_a_typed_404_and_leaves_nothing_on_disk()
    {
        var folder = Directory.CreateTempSubdirectory("nebius-download-");
        try
        {
            var error = await Assert.ThrowsAsync<NebiusNotFoundException>(() => _client.V1.Files["file-none"].Content.DownloadToFileAsync(Path.Combine(folder.FullName, "x.jsonl")));

            Assert.Equal(404, error.StatusCode);
            Assert.Empty(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Bad_destinations_fail_before_anything_is_sent()
    {
        using var readOnly = new MemoryStream([], writable: false);

        var stream = await Assert.ThrowsAsync<ArgumentException>(() => _client.V1.Files["f"].Content.DownloadToAsync(readOnly));
        var folder = await Assert.ThrowsAsync<ArgumentException>(() => _client.V1.Files["f"].Content.DownloadToFileAsync(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "x")));

        Assert.Equal("destination", stream.ParamName);
        Assert.Equal("path", folder.ParamName);
        Assert.Empty(_fake.Journal);
    }
}
