using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Http;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;
using Nebius.TokenFactory.Transfers;

namespace Nebius.TokenFactory.Tests.Transfers;

/// <summary>How streamed uploads behave inside the pipeline: retries that cannot duplicate a create, limits, cancellation.</summary>
public sealed class UploadPipelineTests
{
    [Fact]
    public async Task A_429_resends_a_file_upload_whole_because_the_server_did_not_act_on_it()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.Inject(FakeFault.Status(429, "slow down", retryAfterSeconds: 0));
        using var client = TestClients.Create(fake);
        var path = Path.GetTempFileName();
        try
        {
            var content = new byte[200_000];
            Random.Shared.NextBytes(content);
            await File.WriteAllBytesAsync(path, content);

            var file = await client.V1.Files.UploadAsync(path, FilePurpose.Batch);

            Assert.Equal(content, fake.Files[file.Id!].Content);
            Assert.Equal(2, fake.Journal.Count(r => r.Path == "/v1/files"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_server_error_on_an_upload_is_not_retried_since_the_file_may_be_stored()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.Inject(FakeFault.Status(500));
        using var client = TestClients.Create(fake);

        await Assert.ThrowsAsync<NebiusServerException>(() => client.V1.Files.UploadAsync(new MemoryStream([1, 2, 3]), "a.jsonl", FilePurpose.Batch));

        Assert.Single(fake.Journal, r => r.Path == "/v1/files");
        Assert.Empty(fake.Files);
    }

    [Fact]
    public async Task A_non_seekable_upload_is_never_resent_even_after_a_429()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.Inject(FakeFault.Status(429, "slow down", retryAfterSeconds: 0));
        using var client = TestClients.Create(fake);

        var error = await Assert.ThrowsAsync<NebiusRateLimitException>(() => client.V1.Files.UploadAsync(new GeneratedStream(10_000), "a.jsonl", FilePurpose.Batch));

        Assert.Equal(429, error.StatusCode);
        Assert.Single(fake.Journal, r => r.Path == "/v1/files");
    }

    [Fact]
    public async Task A_stream_that_grows_past_the_limit_while_it_is_read_stops_the_upload_with_an_argument_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondStreaming(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            await LoopbackServer.Json(context, 200, """{"id":"never"}""");
        });
        var settings = new NebiusClientOptions { ApiKey = TestClients.SecretKey, BaseUrl = server.BaseUrl }.Resolve();
        using var http = NebiusPipeline.CreateHttpClient(settings, null, null);
        var adapter = NebiusPipeline.CreateAdapter(settings, http);
        var request = new RequestInformation(Method.POST, "{+baseurl}/v1/files", new Dictionary<string, object>());
        var source = UploadSource.FromStream(new GeneratedStream(500_000), "big.jsonl", maxBytes: 100_000, "content", "fileName");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => MultipartUpload.SendAsync(adapter, request, source, [], FileResponse.CreateFromDiscriminatorValue, Nebius.TokenFactory.V1.Files.FilesRequestBuilder.CreatePostErrorMapping(), null, CancellationToken.None));

        Assert.Equal("content", error.ParamName);
        Assert.Contains("100,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_stops_a_large_upload_part_way()
    {
        await using var server = await LoopbackServer.StartAsync();
        long received = 0;
        server.RespondStreaming(async context =>
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                Interlocked.Add(ref received, read);
            }

            await LoopbackServer.Json(context, 200, """{"id":"file-x"}""");
        });
        using var client = TestClients.Create(server);
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress<long>(sent =>
        {
            if (sent >= 8 << 20)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.V1.Files.UploadAsync(new GeneratedStream(1L << 30), "big.jsonl", FilePurpose.Batch, progress, cancellationToken: cancel.Token));

        Assert.InRange(Interlocked.Read(ref received), 0, 64L << 20);
    }
}
