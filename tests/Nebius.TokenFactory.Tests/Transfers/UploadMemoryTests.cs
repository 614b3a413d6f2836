using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Nebius.TokenFactory.Tests.Transfers;

/// <summary>Runs alone: the working set of the whole process is measured, so no other test may allocate meanwhile.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

[Collection(nameof(MemoryMeasurement))]
public sealed class UploadMemoryTests(ITestOutputHelper output)
{
    private const long OneGiB = 1L << 30;
    private const long AllowedGrowth = 64L << 20;

    [Fact]
    public async Task A_1_GiB_non_seekable_upload_keeps_the_process_growth_under_64_MiB()
    {
        await using var server = await LoopbackServer.StartAsync();
        var received = new ReceivedUpload();
        server.RespondStreaming(context => DrainMultipartAsync(context, received));
        using var client = TestClients.Create(server, o => o.Timeout = TimeSpan.FromMinutes(5));

        // A small upload first, so JIT and connection setup are not counted as growth of the big one.
        await client.V1.Files.UploadAsync(new GeneratedStream(1 << 20), "warm-up.jsonl", FilePurpose.Batch);
        received.Reset();
        long lastProgress = 0;
        var progress = new SynchronousProgress<long>(value => Volatile.Write(ref lastProgress, value));
        using var sampler = new WorkingSetSampler();

        var file = await client.V1.Files.UploadAsync(new GeneratedStream(OneGiB), "big.jsonl", FilePurpose.Batch, progress);

        var (baseline, peak, peakManaged) = sampler.Stop();
        var growth = peak - baseline;
        output.WriteLine($"1 GiB streamed upload: working set baseline {baseline / 1048576.0:F1} MiB, peak {peak / 1048576.0:F1} MiB, growth {growth / 1048576.0:F1} MiB (limit 64 MiB); peak managed heap {peakManaged / 1048576.0:F1} MiB; {sampler.Samples} samples.");

        Assert.Equal("file-streamed", file.Id);
        Assert.Equal(OneGiB, received.FileBytes);
        Assert.Equal(GeneratedStream.Checksum(OneGiB), received.FileChecksum);
        Assert.Equal("big.jsonl", received.FileName);
        Assert.Equal("batch", received.Purpose);
        Assert.Equal(OneGiB, Volatile.Read(ref lastProgress));
        Assert.True(received.Chunked, "a stream of unknown length goes out with chunked transfer encoding");
        Assert.True(growth < AllowedGrowth, $"the process grew by {growth / 1048576.0:F1} MiB during a 1 GiB upload");
    }

    private static async Task DrainMultipartAsync(HttpContext context, ReceivedUpload received)
    {
        received.Chunked = context.Request.ContentLength is null;
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(context.Request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, context.Request.Body);
        var buffer = new byte[81920];
        while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            if (disposition.Name.Value == "purpose")
            {
                received.Purpose = await new StreamReader(section.Body).ReadToEndAsync(context.RequestAborted);
                continue;
            }

            received.FileName = disposition.FileName.Value;
            int read;
            while ((read = await section.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                received.FileBytes += read;
                for (var i = 0; i < read; i++)
                {
                    received.FileChecksum += buffer[i];
                }
            }
        }

        await LoopbackServer.Json(context, 200, """{"id":"file-streamed","object":"file","bytes":1073741824,"created_at":1,"filename":"big.jsonl","purpose":"batch"}""");
    }

    private sealed class ReceivedUpload
    {
        public long FileBytes { get; set; }

        public long FileChecksum { get; set; }

        public string? FileName { get; set; }

        public string? Purpose { get; set; }

        public bool Chunked { get; set; }

        public void Reset()
        {
            FileBytes = 0;
            FileChecksum = 0;
            FileName = Purpose = null;
            Chunked = false;
        }
    }

    /// <summary>Samples the process's working set every few milliseconds on its own thread.</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly Thread _thread;
        private readonly long _baseline;
        private volatile bool _stop;
        private long _peak;
        private long _peakManaged;

        public WorkingSetSampler()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            _baseline = process.WorkingSet64;
            _peak = _baseline;
            _thread = new Thread(Run) { IsBackground = true, Name = "working-set sampler" };
            _thread.Start();
        }

        public int Samples { get; private set; }

        public (long Baseline, long Peak, long PeakManaged) Stop()
        {
            _stop = true;
            _thread.Join();
            return (_baseline, _peak, _peakManaged);
        }

        public void Dispose()
        {
            if (!_stop)
            {
                Stop();
            }
        }

        private void Run()
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop)
            {
                process.Refresh();
                _peak = Math.Max(_peak, process.WorkingSet64);
                _peakManaged = Math.Max(_peakManaged, GC.GetTotalMemory(false));
                Samples++;
                Thread.Sleep(5);
            }
        }
    }
}
