using System.Text;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Datasets;

public sealed class DatasetUploadTests
{
    private const int PartSize = DatasetUploadOptions.MinPartSize;
    private const int Size = (4 * PartSize) + 37_856;

    [Fact]
    public async Task A_file_goes_up_in_parts_and_the_one_failed_part_is_retried_on_its_own()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var content = RandomBytes(Size);
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, content);
        var progress = new List<long>();
        try
        {
            var upload = await client.V1.Datasets.Uploads.UploadAsync(NewDataset(), path, new DatasetUploadOptions
            {
                PartSize = PartSize,
                TimeProvider = new InstantTimeProvider(),
                Progress = new SynchronousProgress<long>(value =>
                {
                    progress.Add(value);
                    if (value == 2 * PartSize)
                    {
                        fake.Inject(FakeFault.Status(503, "part store unavailable"));
                    }
                }),
            });

            Assert.Equal("COMPLETED", upload.UploadInfo!.Status);
            Assert.Equal(content, await ExportAsync(client, upload.UploadInfo.Dataset!.Id!));
            Assert.Equal([1, 1, 2, 1, 1], Enumerable.Range(1, 5).Select(n => PartRequests(fake, n)));
            Assert.Single(fake.Journal, r => r.Method == "POST" && r.Path == "/v1/datasets/uploads");
            Assert.Single(fake.Journal, r => r.Path.EndsWith("/complete", StringComparison.Ordinal));
            Assert.Equal([PartSize, 2L * PartSize, 3L * PartSize, 4L * PartSize, Size], progress);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_non_seekable_stream_is_cut_into_parts_of_the_chosen_size()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);

        var upload = await client.V1.Datasets.Uploads.UploadAsync(NewDataset(), new GeneratedStream(Size), new DatasetUploadOptions { PartSize = PartSize });

        var stored = await ExportAsync(client, upload.UploadInfo!.Dataset!.Id!);
        Assert.Equal(Size, stored.Length);
        Assert.Equal(GeneratedStream.Checksum(Size), stored.Sum(b => (long)b));
        Assert.Equal(5, fake.Journal.Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task An_upload_that_fails_for_good_names_itself_and_resumes_with_only_the_missing_parts()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var content = RandomBytes(Size);
        var options = new DatasetUploadOptions
        {
            PartSize = PartSize,
            MaxPartAttempts = 1,
            Progress = new SynchronousProgress<long>(value =>
            {
                if (value == 2 * PartSize)
                {
                    fake.Inject(FakeFault.Status(500));
                }
            }),
        };

        var error = await Assert.ThrowsAsync<DatasetUploadException>(() => client.V1.Datasets.Uploads.UploadAsync(NewDataset(), new MemoryStream(content), options));
        Assert.IsType<NebiusServerException>(error.InnerException);
        var held = await client.V1.Datasets.Uploads[error.UploadId].Parts.GetAsync();
        Assert.Equal([1, 2], held!.Data!.Select(p => p.PartNumber!.Value));

        var resumed = await client.V1.Datasets.Uploads[error.UploadId].ResumeAsync(new MemoryStream(content), new DatasetUploadOptions { PartSize = PartSize });

        Assert.Equal(content, await ExportAsync(client, resumed.UploadInfo!.Dataset!.Id!));
        Assert.Equal([1, 1, 2, 1, 1], Enumerable.Range(1, 5).Select(n => PartRequests(fake, n)));
    }

    [Fact]
    public async Task A_forward_only_stream_resumes_by_reading_past_the_held_parts()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var options = new DatasetUploadOptions
        {
            PartSize = PartSize,
            MaxPartAttempts = 1,
            Progress = new SynchronousProgress<long>(value =>
            {
                if (value == PartSize)
                {
                    fake.Inject(FakeFault.Status(502));
                }
            }),
        };
        var error = await Assert.ThrowsAsync<DatasetUploadException>(() => client.V1.Datasets.Uploads.UploadAsync(NewDataset(), new GeneratedStream(Size), options));

        var resumed = await client.V1.Datasets.Uploads[error.UploadId].ResumeAsync(new GeneratedStream(Size), new DatasetUploadOptions { PartSize = PartSize });

        var stored = await ExportAsync(client, resumed.UploadInfo!.Dataset!.Id!);
        Assert.Equal(GeneratedStream.Checksum(Size), stored.Sum(b => (long)b));
        Assert.Equal(Size, stored.Length);
    }

    [Fact]
    public async Task Bad_input_fails_before_anything_is_sent()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var empty = Path.GetTempFileName();
        try
        {
            var schema = await Assert.ThrowsAsync<ArgumentException>(() => client.V1.Datasets.Uploads.UploadAsync(new CreateUploadRequest { Name = "d", Folder = "/f", Schema = [] }, new MemoryStream([1])));
            var file = await Assert.ThrowsAsync<ArgumentException>(() => client.V1.Datasets.Uploads.UploadAsync(NewDataset(), empty));
            var part = await Assert.ThrowsAsync<ArgumentException>(() => client.V1.Datasets.Uploads.UploadAsync(NewDataset(), new MemoryStream([1]), new DatasetUploadOptions { PartSize = 1024 }));

            Assert.Equal("body", schema.ParamName);
            Assert.Equal("path", file.ParamName);
            Assert.Equal("options", part.ParamName);
            Assert.Empty(fake.Journal);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public void The_part_size_grows_so_a_known_length_never_needs_more_than_ten_thousand_parts()
    {
        var options = new DatasetUploadOptions();
        var huge = (10_000L * options.PartSize) + 1;

        var size = options.PartSizeFor(huge, "content");

        Assert.True(size > options.PartSize);
        Assert.True((huge + size - 1) / size <= DatasetUploadOptions.MaxParts);
        Assert.Equal(options.PartSize, options.PartSizeFor(5_000_000, "content"));
        Assert.Equal(options.PartSize, options.PartSizeFor(null, "content"));
    }

    [Fact]
    public async Task Small_data_goes_inline_as_rows_checked_against_the_schema()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        IReadOnlyList<ColumnSchema> schema = [Column("text", "string"), Column("score", "float")];

        var bad = await Assert.ThrowsAsync<ArgumentException>(() => client.V1.Datasets.CreateFromRowsAsync("d", "/f", schema, [new Dictionary<string, object?> { ["txt"] = "typo" }]));
        Assert.Empty(fake.Journal);
        var dataset = await client.V1.Datasets.CreateFromRowsAsync("small", "/experiments", schema, [
            new Dictionary<string, object?> { ["text"] = "hello", ["score"] = 0.5 },
            new Dictionary<string, object?> { ["text"] = "world", ["score"] = null },
        ]);

        Assert.Equal("rows", bad.ParamName);
        Assert.Equal("READY", dataset.Status);
        Assert.Equal("small", dataset.Name);
        var lines = Encoding.UTF8.GetString(await ExportAsync(client, dataset.Id!)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["""{"text":"hello","score":0.5}""", """{"text":"world","score":null}"""], lines);
    }

    /// <summary>The pipeline's own retries are off, so every second attempt of a part is the upload's part retry.</summary>
    private static NebiusClient ClientWithoutPipelineRetries(FakeTokenFactory fake) =>
        TestClients.Create(fake, o => o.Retry = new NebiusRetryOptions { MaxRetries = 0 });

    private static CreateUploadRequest NewDataset() => new() { Name = "big", Folder = "/uploads", Schema = [Column("messages", "string")] };

    private static ColumnSchema Column(string name, string type) => new() { Name = name, Type = new ColumnType { Name = type } };

    private static byte[] RandomBytes(int size)
    {
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static int PartRequests(FakeTokenFactory fake, int number) =>
        fake.Journal.Count(r => r.Method == "PUT" && r.Path.EndsWith($"/parts/{number}", StringComparison.Ordinal));

    private static async Task<byte[]> ExportAsync(NebiusClient client, string datasetId)
    {
        await using var stream = await client.V1.Datasets[datasetId].Export.GetAsync();
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        return copy.ToArray();
    }
}
