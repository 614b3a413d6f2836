using System.Diagnostics;
using System.Diagnostics.Metrics;
using Nebius.TokenFactory.Http;

namespace Nebius.TokenFactory.Telemetry;

/// <summary>The process-wide source and instruments, with the bucket boundaries the GenAI conventions advise.</summary>
internal static class GenAiInstruments
{
    public static readonly ActivitySource Source = new(NebiusTelemetry.ActivitySourceName, NebiusPipeline.Version);

    public static readonly Meter Meter = new(NebiusTelemetry.MeterName, NebiusPipeline.Version);

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        "gen_ai.client.operation.duration",
        "s",
        "GenAI operation duration.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets() });

    public static readonly Histogram<long> TokenUsage = Meter.CreateHistogram(
        "gen_ai.client.token.usage",
        "{token}",
        "Number of input and output tokens used.",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });

    public static readonly Histogram<double> TimeToFirstChunk = Meter.CreateHistogram(
        "gen_ai.client.operation.time_to_first_chunk",
        "s",
        "Time from issuing a streaming request to receiving its first chunk.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets() });

    public static readonly Histogram<double> TimePerOutputChunk = Meter.CreateHistogram(
        "gen_ai.client.operation.time_per_output_chunk",
        "s",
        "Time between consecutive chunks of a stream, after the first.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56] });

    /// <summary>Whether anyone listens: when not, calls skip every bit of telemetry work.</summary>
    public static bool Enabled => Source.HasListeners() || OperationDuration.Enabled || TokenUsage.Enabled || TimeToFirstChunk.Enabled || TimePerOutputChunk.Enabled;

    private static double[] SecondsBuckets() => [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];
}
