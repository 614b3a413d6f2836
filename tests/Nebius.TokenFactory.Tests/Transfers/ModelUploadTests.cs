using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Transfers;

public sealed class ModelUploadTests
{
    [Fact]
    public async Task A_LoRA_zip_goes_up_as_a_multipart_file_part()
    {
        await using var server = await LoopbackServer.StartAsync();
        byte[]? received = null;
        string? fileName = null;
        server.RespondStreaming(async context =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var file = form.Files.GetFile("file")!;
            fileName = file.FileName;
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted);
            received = buffer.ToArray();
            await LoopbackServer.Json(context, 200, """{"id":"file-7d1e"}""");
        });
        using var client = TestClients.Create(server);
        var zip = CreateAdapterZip();
        var progress = new RecordingProgress();

        var upload = await client.V0.Models.Upload.UploadAsync(new MemoryStream(zip), "adapter.zip", progress);

        Assert.Equal("file-7d1e", upload.Id);
        Assert.Equal(zip, received);
        Assert.Equal("adapter.zip", fileName);
        Assert.Equal(zip.LongLength, progress.Values[^1]);
        var request = Assert.Single(server.Journal);
        Assert.Equal("/v0/models/upload", request.Path);
        Assert.Equal("Bearer " + TestClients.SecretKey, request.Headers["Authorization"]);
    }

    [Fact]
    public async Task Anything_but_a_zip_is_refused_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server);

        var name = await Assert.ThrowsAsync<ArgumentException>(() => client.V0.Models.Upload.UploadAsync(new MemoryStream([1]), "adapter.safetensors"));
        var path = await Assert.ThrowsAsync<ArgumentException>(() => client.V0.Models.Upload.UploadAsync(Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid() + ".zip")));

        Assert.Equal("fileName", name.ParamName);
        Assert.Equal("path", path.ParamName);
        Assert.Empty(server.Journal);
    }

    private static byte[] CreateAdapterZip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "adapter_config.json", "adapter_model.safetensors" })
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(name == "adapter_config.json" ? """{"r":8}""" : new string('x', 4096));
            }
        }

        return buffer.ToArray();
    }
}
