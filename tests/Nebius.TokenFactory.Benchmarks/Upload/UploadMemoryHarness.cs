using System.ClientModel;
using System.Diagnostics;
using System.Globalization;
using Nebius.TokenFactory.Benchmarks.Infrastructure;
using OpenAI;
using OpenAI.Files;
using NebiusFilePurpose = Nebius.TokenFactory.Models.FilePurpose;

namespace Nebius.TokenFactory.Benchmarks.Upload;

/// <summary>
/// Scenario 6 (not BenchmarkDotNet: MemoryDiagnoser reports allocations, not peak memory). Uploads one
/// generated, non-seekable stream of 1 GiB per contender, each in a fresh child process, to the loopback
/// server's <c>/v1/files</c>, which drains and counts the bytes. In the child: one 1 MiB upload warms up
/// (JIT, connection), a full GC sets the baseline working set and managed heap, then a sampler thread reads
/// both every 5 ms during the upload. Reported: peak growth of the working set and of the managed heap
/// over the baseline, and the OS high-water mark (<see cref="Process.PeakWorkingSet64"/>) minus the baseline.
/// The server lives in the same process, so its (pooled, small) buffers are in both contenders' numbers alike.
/// </summary>
public static class UploadMemoryHarness
{
    public const string Mode = "upload-memory";
    private const string ApiKey = "benchmark-key-not-a-secret";
    private const string ResultPrefix = "RESULT|";
    private static readonly string[] ContenderNames = ["NebiusTokenFactory", "OpenAiSdk"];

    private static readonly byte[] FileJson =
        """{"id":"file-upload-benchmark","object":"file","bytes":1073741824,"created_at":1729513357,"filename":"upload.jsonl","purpose":"batch","status":"processed"}"""u8.ToArray();

    /// <summary>
    /// <c>upload-memory [--mib N]</c> runs every contender in its own process and prints the table;
    /// <c>upload-memory --contender NAME [--mib N]</c> is one such child.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var mib = Option(args, "--mib") is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : 1024;
        if (Option(args, "--contender") is { } contender)
        {
            await MeasureAsync(contender, mib * 1024 * 1024).ConfigureAwait(false);
            return 0;
        }

        Console.WriteLine($"Upload of a generated non-seekable {mib} MiB stream, one fresh process per contender (MiB = 1,048,576 bytes)");
        Console.WriteLine();
        Console.WriteLine("| contender | working set growth, peak (MiB) | managed heap growth, peak (MiB) | OS peak working set - baseline (MiB) | seconds | bytes received |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        var failed = false;
        foreach (var name in ContenderNames)
        {
            var line = RunChild(name, mib);
            if (line is null)
            {
                failed = true;
                Console.WriteLine($"| {name} | failed | | | | |");
                continue;
            }

            var f = line.Split('|');
            Console.WriteLine($"| {f[1]} | {f[2]} | {f[3]} | {f[4]} | {f[5]} | {f[6]} |");
        }

        return failed ? 1 : 0;
    }

    private static string? RunChild(string contender, long mib)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var host = Environment.ProcessPath!;
        start.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(UploadMemoryHarness).Assembly.Location);
        }

        foreach (var arg in new[] { Mode, "--contender", contender, "--mib", mib.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var result = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || result is null)
        {
            Console.Error.WriteLine($"{contender} failed (exit {child.ExitCode}):\n{output}\n{errors.GetAwaiter().GetResult()}");
            return null;
        }

        return result;
    }

    private static async Task MeasureAsync(string contender, long bytes)
    {
        var server = await BenchmarkServer.StartAsync(new Dictionary<string, CannedResponse>
        {
            ["/v1/files"] = new("application/json", FileJson, DrainRequest: true),
        }).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            Func<Stream, Task> upload = contender switch
            {
                "NebiusTokenFactory" => NebiusUpload(server.BaseUrl),
                "OpenAiSdk" => OpenAiUpload(server.BaseUrl),
                _ => throw new ArgumentException($"Unknown contender '{contender}'.", nameof(contender)),
            };

            await upload(new GeneratedStream(1024 * 1024)).ConfigureAwait(false);
            var warmUpBytes = server.BytesDrained;

            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var baselineWorkingSet = self.WorkingSet64;
            var baselineHeap = GC.GetTotalMemory(forceFullCollection: false);

            long peakWorkingSet = baselineWorkingSet, peakHeap = baselineHeap;
            using var stop = new CancellationTokenSource();
            var sampler = new Thread(() =>
            {
                using var sampled = Process.GetCurrentProcess();
                while (!stop.IsCancellationRequested)
                {
                    sampled.Refresh();
                    peakWorkingSet = Math.Max(peakWorkingSet, sampled.WorkingSet64);
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                    Thread.Sleep(5);
                }
            })
            { IsBackground = true };
            sampler.Start();

            var clock = Stopwatch.StartNew();
            await upload(new GeneratedStream(bytes)).ConfigureAwait(false);
            clock.Stop();
            await stop.CancelAsync().ConfigureAwait(false);
            sampler.Join();
            self.Refresh();

            var received = server.BytesDrained - warmUpBytes;
            if (received < bytes)
            {
                throw new InvalidOperationException($"{contender}: the server received {received} bytes, fewer than the {bytes} generated.");
            }

            const double MiB = 1024 * 1024;
            Console.WriteLine(string.Join('|', "RESULT", contender,
                ((peakWorkingSet - baselineWorkingSet) / MiB).ToString("F1", CultureInfo.InvariantCulture),
                ((peakHeap - baselineHeap) / MiB).ToString("F1", CultureInfo.InvariantCulture),
                ((self.PeakWorkingSet64 - baselineWorkingSet) / MiB).ToString("F1", CultureInfo.InvariantCulture),
                clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
                received.ToString("N0", CultureInfo.InvariantCulture)));
        }
    }

    private static Func<Stream, Task> NebiusUpload(Uri baseUrl)
    {
        var client = new NebiusClient(new NebiusClientOptions { ApiKey = ApiKey, BaseUrl = baseUrl });
        return async stream =>
        {
            var file = await client.V1.Files.UploadAsync(stream, "upload.jsonl", NebiusFilePurpose.Batch).ConfigureAwait(false);
            _ = file.Id ?? throw new InvalidOperationException("No file id in the answer.");
        };
    }

    private static Func<Stream, Task> OpenAiUpload(Uri baseUrl)
    {
        var options = new OpenAIClientOptions { Endpoint = new Uri(baseUrl, "/v1"), NetworkTimeout = TimeSpan.FromMinutes(10) };
        var client = new OpenAIClient(new ApiKeyCredential(ApiKey), options).GetOpenAIFileClient();
        return async stream =>
        {
            OpenAIFile file = await client.UploadFileAsync(stream, "upload.jsonl", FileUploadPurpose.Batch).ConfigureAwait(false);
            _ = file.Id ?? throw new InvalidOperationException("No file id in the answer.");
        };
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
