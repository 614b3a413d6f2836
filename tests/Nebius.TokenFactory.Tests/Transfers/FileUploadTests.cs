using System.Text;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Transfers;

public sealed class FileUploadTests : IAsyncLifetime, IDisposable
{
    private FakeTokenFactory _fake = null!;
    private NebiusClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTokenFactory.StartAsync();
        _client = TestClients.Create(_fake, o => o.AiProjectId = "proj-1");
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Upload_from_a_path_sends_file_and_purpose_through_the_pipeline()
    {
        var path = Path.GetTempFileName();
        try
        {
            var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"custom_id\":\"r{i}\"}}\n")));
            await File.WriteAllBytesAsync(path, content);
            var progress = new RecordingProgress();

            var file = await _client.V1.Files.UploadAsync(path, FilePurpose.FineTune, progress);

            var stored = _fake.Files[file.Id!];
            Assert.Equal(content, stored.Content);
            Assert.Equal(Path.GetFileName(path), stored.FileName);
            Assert.Equal("fine-tune", stored.Purpose);
            Assert.Equal(content.LongLength, file.Bytes);
            Assert.Equal(content.LongLength, progress.Values[^1]);
            Assert.True(progress.Values.SequenceEqual(progress.Values.Order()), "progress only grows");
            var request = _fake.Journal.Single(r => r.Path == "/v1/files");
            Assert.Equal("Bearer " + TestClients.SecretKey, request.Headers["Authorization"]);
            Assert.Contains("ai_project_id=proj-1", request.Query, StringComparison.Ordinal);
            Assert.StartsWith("multipart/form-data; boundary=", request.Headers["Content-Type"], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Upload_from_a_non_seekable_stream_stores_every_byte()
    {
        const long size = 3_000_000;
        var file = await _client.V1.Files.UploadAsync(new GeneratedStream(size), "gen.jsonl", FilePurpose.Batch);

        var stored = _fake.Files[file.Id!];
        Assert.Equal(size, stored.Content.LongLength);
        Assert.Equal(GeneratedStream.Checksum(size), stored.Content.Sum(b => (long)b));
        Assert.Equal("gen.jsonl", stored.FileName);
        Assert.Equal("batch", stored.Purpose);
    }

    [Fact]
    public async Task Upload_from_a_seekable_stream_starts_at_its_position_and_leaves_it_open()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("SKIPkeep"));
        stream.Position = 4;

        var file = await _client.V1.Files.UploadAsync(stream, "part.jsonl", FilePurpose.Batch);

        Assert.Equal("keep", Encoding.UTF8.GetString(_fake.Files[file.Id!].Content));
        Assert.True(stream.CanRead, "the caller's stream is not disposed");
    }

    [Fact]
    public async Task A_missing_file_fails_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.V1.Files.UploadAsync(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid()), FilePurpose.Batch));

        Assert.Equal("path", error.ParamName);
        Assert.Empty(_fake.Journal);
    }

    [Fact]
    public async Task An_unknown_purpose_or_missing_file_name_fails_before_anything_is_sent()
    {
        using var stream = new MemoryStream([1, 2, 3]);

        var purpose = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.V1.Files.UploadAsync(stream, "a.jsonl", (FilePurpose)42));
        var name = await Assert.ThrowsAsync<ArgumentException>(() => _client.V1.Files.UploadAsync(stream, " ", FilePurpose.Batch));

        Assert.Equal("purpose", purpose.ParamName);
        Assert.Equal("fileName", name.ParamName);
        Assert.Empty(_fake.Journal);
    }

    [Fact]
    public async Task A_stream_over_the_batch_limit_fails_before_anything_is_sent()
    {
        using var stream = new ClaimedLengthStream(NebiusLimits.BatchInputFileMaxBytes + 1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.V1.Files.UploadAsync(stream, "huge.jsonl", FilePurpose.Batch));

        Assert.Equal("content", error.ParamName);
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Journal);
    }

    [Fact]
    public async Task A_server_refusal_is_a_typed_error()
    {
        _fake.Inject(FakeFault.Status(403, "Forbidden"));
        using var stream = new MemoryStream([1, 2, 3]);

        var error = await Assert.ThrowsAnyAsync<NebiusApiException>(() => _client.V1.Files.UploadAsync(stream, "a.jsonl", FilePurpose.Batch));

        Assert.Equal(403, error.StatusCode);
    }

    /// <summary>A seekable stream that reports a huge length without holding any data.</summary>
    private sealed class ClaimedLengthStream(long length) : MemoryStream
    {
        public override long Length => length;
    }
}
