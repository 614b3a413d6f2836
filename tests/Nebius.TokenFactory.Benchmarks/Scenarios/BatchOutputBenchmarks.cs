using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Nebius.TokenFactory.Batches;
using Nebius.TokenFactory.Benchmarks.Infrastructure;
using Nebius.TokenFactory.Benchmarks.Raw;

namespace Nebius.TokenFactory.Benchmarks.Scenarios;

/// <summary>
/// Scenario 5: a batch output file of <see cref="Lines"/> JSONL lines (built once, shuffled), read from a
/// <see cref="MemoryStream"/> (the library's reader takes any stream; the download is not part of this
/// scenario) and joined back to the inputs by <c>custom_id</c>. Every contender then adds up, in input
/// order, the answer length and total tokens of each line. The OpenAI SDK has no public reader of batch
/// files, so it is no contender; the raw System.Text.Json floor is the baseline.
/// </summary>
[MemoryDiagnoser]
public class BatchOutputBenchmarks
{
    private byte[] _file = null!;
    private List<KeyValuePair<string, int>> _inputs = null!;

    /// <summary>
    /// Lines in the file: 100,000 (the size). Set <c>NEBIUS_BENCH_BATCH_LINES</c> to use fewer
    /// (the CI smoke step does, so the short job stays quick).
    /// </summary>
    public static int Lines =>
        int.TryParse(Environment.GetEnvironmentVariable("NEBIUS_BENCH_BATCH_LINES"), out var lines) && lines > 0 ? lines : 100_000;

    [GlobalSetup]
    public void Setup()
    {
        var lines = Lines;
        _file = BatchPayloads.OutputFile(lines);
        _inputs = [.. Enumerable.Range(0, lines).Select(i => new KeyValuePair<string, int>(BatchPayloads.CustomId(i), i))];
        var expected = BatchPayloads.Checksum(lines);
        foreach (var (name, run) in new (string, Func<Task<double>>)[] { (nameof(NebiusTokenFactory), NebiusTokenFactory), (nameof(RawStjDictionary), RawStjDictionary) })
        {
            var actual = run().GetAwaiter().GetResult();
            if (Math.Abs(actual - expected) > 1e-6 * expected)
            {
                throw new InvalidOperationException($"{nameof(BatchOutputBenchmarks)}: {name} computed {actual}, expected {expected}; it did not read the file.");
            }
        }
    }

    [Benchmark]
    public async Task<double> NebiusTokenFactory()
    {
        using var file = new MemoryStream(_file, writable: false);
        var joined = await BatchJoin.JoinAsync(_inputs, [BatchResultReader.ReadChatCompletionsAsync(file)]).ConfigureAwait(false);
        var sum = 0d;
        foreach (var item in joined.Items)
        {
            var response = item.Response!;
            sum += response.Choices![0].Message!.Content!.Length + response.Usage!.TotalTokens!.Value;
        }

        return sum;
    }

    [Benchmark(Baseline = true)]
    public async Task<double> RawStjDictionary()
    {
        using var file = new MemoryStream(_file, writable: false);
        var lines = new Dictionary<string, RawBatchLine>(StringComparer.Ordinal);
        var reader = PipeReader.Create(file, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        while (true)
        {
            var read = await reader.ReadAsync().ConfigureAwait(false);
            var buffer = read.Buffer;
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                AddLine(lines, buffer.Slice(0, end));
                buffer = buffer.Slice(buffer.GetPosition(1, end));
            }

            if (read.IsCompleted)
            {
                AddLine(lines, buffer);
                break;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }

        await reader.CompleteAsync().ConfigureAwait(false);
        var sum = 0d;
        foreach (var input in _inputs)
        {
            var response = lines[input.Key].Response!;
            sum += response.Choices[0].Message!.Content!.Length + response.Usage!.TotalTokens;
        }

        return sum;
    }

    private static void AddLine(Dictionary<string, RawBatchLine> lines, ReadOnlySequence<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        var json = new Utf8JsonReader(bytes);
        var line = JsonSerializer.Deserialize(ref json, RawBatchJsonContext.Default.RawBatchLine)!;
        lines.TryAdd(line.CustomId, line);
    }
}
