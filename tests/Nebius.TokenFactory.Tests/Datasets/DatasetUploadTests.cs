using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Datasets;

public sealed class DatasetUploadTests
{
    private const int PartSize = DatasetUploadOptions.MinPartSize;
    private const int Size = (4 * PartSize) + 37_856;

    [Fact]
    public async Task A_dataset_goes_up_in_several_parts_each_POSTed_as_its_exact_raw_bytes()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var content = RandomBytes(Size);
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, content);
        try
        {
            var upload = await client.V1.Datasets.Uploads.UploadAsync(NewDataset(), path, new DatasetUploadOptions { PartSize = PartSize });

            Assert.Single(fake.Journal, r => r.Method == "POST" && r.Path == "/v1/datasets/uploads");
            var uploadId = upload.Id!;
            var parts = PartRequests(fake);
            Assert.Equal(5, parts.Count);
            for (var i = 0; i < parts.Count; i++)
            {
                Assert.Equal("POST", parts[i].Method);
                Assert.Equal($"/v1/datasets/uploads/{uploadId}/parts", parts[i].Path);
                Assert.Equal("application/octet-stream", parts[i].Headers["Content-Type"]);
                Assert.Equal(Slice(content, i), parts[i].RawBody.ToArray());
            }

            Assert.DoesNotContain(fake.Journal, r => r.Method == "PUT");
            Assert.Equal("COMPLETED", upload.UploadInfo!.Status);
            Assert.Equal(content, await ExportAsync(client, upload.UploadInfo.Dataset!.Id!));
            var listed = await client.V1.Datasets.Uploads[uploadId].Parts.GetAsync();
            Assert.Equal(listed!.Data!.Select(p => p.Id), CompletedPartIds(fake));
            Assert.All(listed.Data!, p => Assert.Equal(uploadId, p.UploadId));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_failed_part_is_sent_again_on_its_own()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var content = RandomBytes(Size);
        var progress = new List<long>();

        var upload = await client.V1.Datasets.Uploads.UploadAsync(NewDataset(), new MemoryStream(content), new DatasetUploadOptions
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

        var parts = PartRequests(fake);
        Assert.Equal(6, parts.Count);
        Assert.Equal(parts[2].RawBody.ToArray(), parts[3].RawBody.ToArray());
        Assert.Equal(Slice(content, 2), parts[3].RawBody.ToArray());
        Assert.Equal(content, await ExportAsync(client, upload.UploadInfo!.Dataset!.Id!));
        Assert.Equal([PartSize, 2L * PartSize, 3L * PartSize, 4L * PartSize, Size], progress);
    }

    [Fact]
    public async Task A_part_whose_answer_was_lost_is_stored_twice_but_enters_the_dataset_once()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var content = RandomBytes(Size);
        var options = InjectAt(fake, PartSize, FakeFault.LoseAnswer(), maxPartAttempts: 3);

        var upload = await client.V1.Datasets.Uploads.UploadAsync(NewDataset(), new MemoryStream(content), options);

        var held = await client.V1.Datasets.Uploads[upload.Id!].Parts.GetAsync();
        Assert.Equal(6, held!.Data!.Count);
        var named = CompletedPartIds(fake);
        Assert.Equal(5, named.Count);
        Assert.DoesNotContain(held.Data[1].Id, named); // the orphan: stored, but its id never reached the client
        Assert.Equal(content, await ExportAsync(client, upload.UploadInfo!.Dataset!.Id!));
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
        Assert.Equal([PartSize, PartSize, PartSize, PartSize, Size - (4 * PartSize)], PartRequests(fake).Select(r => r.RawBody.Length));
    }

    [Fact]
    public async Task An_upload_failing_after_two_parts_resumes_from_its_saved_state_with_every_byte_once_in_order()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var content = RandomBytes(Size);
        var options = InjectAt(fake, 2 * PartSize, FakeFault.Status(500), maxPartAttempts: 1);

        var error = await Assert.ThrowsAsync<DatasetUploadException>(() => client.V1.Datasets.Uploads.UploadAsync(NewDataset(), new MemoryStream(content), options));
        Assert.IsType<NebiusServerException>(error.InnerException);
        Assert.Equal(PartSize, error.State.PartSize);
        var held = await client.V1.Datasets.Uploads[error.UploadId].Parts.GetAsync();
        Assert.Equal(held!.Data!.Select(p => p.Id), error.State.ConfirmedPartIds);
        Assert.Equal(2, error.State.ConfirmedPartIds.Count);
        var saved = JsonSerializer.Serialize(error.State);
        var state = JsonSerializer.Deserialize<DatasetUploadState>(saved)!;
        var before = PartRequests(fake).Count;

        var resumed = await client.V1.Datasets.Uploads.ResumeAsync(state, new MemoryStream(content));

        var sent = PartRequests(fake).Skip(before).ToList();
        Assert.Equal([Slice(content, 2), Slice(content, 3), Slice(content, 4)], sent.Select(r => r.RawBody.ToArray()));
        Assert.Equal(content, await ExportAsync(client, resumed.UploadInfo!.Dataset!.Id!));
        Assert.Equal(state.ConfirmedPartIds, CompletedPartIds(fake).Take(2));
    }

    [Fact]
    public async Task A_forward_only_stream_resumes_by_reading_past_the_confirmed_parts()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var options = InjectAt(fake, PartSize, FakeFault.Status(502), maxPartAttempts: 1);
        var error = await Assert.ThrowsAsync<DatasetUploadException>(() => client.V1.Datasets.Uploads.UploadAsync(NewDataset(), new GeneratedStream(Size), options));

        var resumed = await client.V1.Datasets.Uploads.ResumeAsync(error.State, new GeneratedStream(Size));

        var stored = await ExportAsync(client, resumed.UploadInfo!.Dataset!.Id!);
        Assert.Equal(GeneratedStream.Checksum(Size), stored.Sum(b => (long)b));
        Assert.Equal(Size, stored.Length);
    }

    [Fact]
    public async Task A_failed_completion_resumes_without_sending_any_part_again()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var content = RandomBytes(Size);
        var options = InjectAt(fake, Size, FakeFault.Status(400, "completion refused"), maxPartAttempts: 3); // the call after the last part is the completion
        var error = await Assert.ThrowsAsync<DatasetUploadException>(() => client.V1.Datasets.Uploads.UploadAsync(NewDataset(), new MemoryStream(content), options));
        Assert.Equal(5, error.State.ConfirmedPartIds.Count);

        var resumed = await client.V1.Datasets.Uploads.ResumeAsync(error.State, new MemoryStream(content));

        Assert.Equal(5, PartRequests(fake).Count);
        Assert.Equal(content, await ExportAsync(client, resumed.UploadInfo!.Dataset!.Id!));
    }

    [Fact]
    public async Task Without_a_saved_state_a_resume_lists_the_parts_and_uses_the_part_size_given()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var content = RandomBytes(Size);
        var options = InjectAt(fake, 3 * PartSize, FakeFault.Status(500), maxPartAttempts: 1);
        var error = await Assert.ThrowsAsync<DatasetUploadException>(() => client.V1.Datasets.Uploads.UploadAsync(NewDataset(), new MemoryStream(content), options));

        var resumed = await client.V1.Datasets.Uploads[error.UploadId].ResumeAsync(new MemoryStream(content), PartSize);

        Assert.Equal(content, await ExportAsync(client, resumed.UploadInfo!.Dataset!.Id!));
        Assert.Equal(3 + 1 + 2, PartRequests(fake).Count);
        Assert.Single(fake.Journal, r => r.Method == "GET" && r.Path.EndsWith("/parts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_can_be_cancelled_and_its_state_read()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var opened = await client.V1.Datasets.Uploads.PostAsync(NewDataset());
        var upload = client.V1.Datasets.Uploads[opened!.Id!];
        await upload.Parts.PostAsync(new MemoryStream([1, 2, 3]));

        var pending = await upload.GetAsync();
        var cancelled = await upload.CancelAsync();
        var late = await Assert.ThrowsAsync<NebiusApiException>(() => upload.Parts.PostAsync(new MemoryStream([4])));

        Assert.Equal("PENDING", pending!.UploadInfo!.Status);
        Assert.Equal("CANCELLED", cancelled.UploadInfo!.Status);
        Assert.Equal(409, late.StatusCode);
        Assert.Single(fake.Journal, r => r.Method == "POST" && r.Path == $"/v1/datasets/uploads/{opened.Id}/cancel");
    }

    [Fact]
    public async Task The_old_invented_PUT_of_a_numbered_part_is_answered_as_a_route_the_server_lacks()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientWithoutPipelineRetries(fake);
        var opened = await client.V1.Datasets.Uploads.PostAsync(NewDataset());
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/datasets/uploads/{opened!.Id}/parts/1") { Content = new ByteArrayContent([1, 2, 3]) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "k");

        using var answer = await http.SendAsync(request);

        Assert.True(answer.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.MethodNotAllowed, answer.StatusCode.ToString());
        Assert.Empty((await client.V1.Datasets.Uploads[opened.Id!].Parts.GetAsync())!.Data!);
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
            var noState = await Assert.ThrowsAsync<ArgumentNullException>(() => client.V1.Datasets.Uploads.ResumeAsync(null!, new MemoryStream([1])));
            var badState = await Assert.ThrowsAsync<ArgumentException>(() => client.V1.Datasets.Uploads.ResumeAsync(new DatasetUploadState("up-1", 1024, ["p-1"]), new MemoryStream([1])));
            var blankId = await Assert.ThrowsAsync<ArgumentException>(() => client.V1.Datasets.Uploads.ResumeAsync(new DatasetUploadState("up-1", PartSize, [" "]), new MemoryStream([1])));
            var shortSource = await Assert.ThrowsAsync<ArgumentException>(() => client.V1.Datasets.Uploads.ResumeAsync(new DatasetUploadState("up-1", PartSize, ["p-1", "p-2"]), new MemoryStream(new byte[PartSize])));
            var shortStream = await Assert.ThrowsAsync<ArgumentException>(() => client.V1.Datasets.Uploads.ResumeAsync(new DatasetUploadState("up-1", PartSize, ["p-1", "p-2"]), new GeneratedStream(PartSize)));
            var partSize = await Assert.ThrowsAsync<ArgumentException>(() => client.V1.Datasets.Uploads["up-1"].ResumeAsync(new MemoryStream([1]), 1024));

            Assert.Equal("body", schema.ParamName);
            Assert.Equal("path", file.ParamName);
            Assert.Equal("options", part.ParamName);
            Assert.Equal("state", noState.ParamName);
            Assert.Equal("state", badState.ParamName);
            Assert.Equal("state", blankId.ParamName);
            Assert.Equal("source", shortSource.ParamName);
            Assert.Equal("source", shortStream.ParamName);
            Assert.Equal("partSize", partSize.ParamName);
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

    /// <summary>Options of parts of <see cref="PartSize"/> that make the fake fail the call after <paramref name="bytes"/> are confirmed.</summary>
    private static DatasetUploadOptions InjectAt(FakeTokenFactory fake, long bytes, FakeFault fault, int maxPartAttempts) => new()
    {
        PartSize = PartSize,
        MaxPartAttempts = maxPartAttempts,
        TimeProvider = new InstantTimeProvider(),
        Progress = new SynchronousProgress<long>(value =>
        {
            if (value == bytes)
            {
                fake.Inject(fault);
            }
        }),
    };

    private static CreateUploadRequest NewDataset() => new() { Name = "big", Folder = "/uploads", Schema = [Column("messages", "string")] };

    private static ColumnSchema Column(string name, string type) => new() { Name = name, Type = new ColumnType { Name = type } };

    private static byte[] RandomBytes(int size)
    {
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static List<FakeRequest> PartRequests(FakeTokenFactory fake) =>
        [.. fake.Journal.Where(r => r.Method == "POST" && r.Path.EndsWith("/parts", StringComparison.Ordinal))];

    private static byte[] Slice(byte[] content, int part) =>
        content.AsSpan(part * PartSize, Math.Min(PartSize, content.Length - (part * PartSize))).ToArray();

    /// <summary>The part ids of the last completion, in the order the client named them.</summary>
    private static List<string> CompletedPartIds(FakeTokenFactory fake)
    {
        var complete = fake.Journal.Last(r => r.Method == "POST" && r.Path.EndsWith("/complete", StringComparison.Ordinal));
        return [.. JsonNode.Parse(complete.Body)!["part_ids"]!.AsArray().Select(id => id!.GetValue<string>())];
    }

    private static async Task<byte[]> ExportAsync(NebiusClient client, string datasetId)
    {
        await using var stream = await client.V1.Datasets[datasetId].Export.GetAsync();
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        return copy.ToArray();
    }
}
