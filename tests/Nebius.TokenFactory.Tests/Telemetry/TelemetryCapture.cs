using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Nebius.TokenFactory.Tests.Telemetry;

/// <summary>OpenTelemetry's SDK with in-memory exporters subscribed to the library's source and meter.</summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metering;
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];

    public TelemetryCapture()
    {
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource(NebiusTelemetry.ActivitySourceName).AddInMemoryExporter(_spans).Build();
        _metering = Sdk.CreateMeterProviderBuilder().AddMeter(NebiusTelemetry.MeterName).AddInMemoryExporter(_metrics).Build();
    }

    /// <summary>The finished spans whose request model is <paramref name="model"/>.</summary>
    public List<Activity> Spans(string model)
    {
        _tracing.ForceFlush();
        return [.. _spans.Where(s => (string?)s.GetTagItem("gen_ai.request.model") == model)];
    }

    /// <summary>The histogram points of <paramref name="name"/> for <paramref name="model"/>, with their tags.</summary>
    public List<(double Sum, long Count, Dictionary<string, object?> Tags)> Points(string name, string model)
    {
        _metrics.Clear();
        _metering.ForceFlush();
        var points = new List<(double, long, Dictionary<string, object?>)>();
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                if ((string?)tags.GetValueOrDefault("gen_ai.request.model") == model)
                {
                    points.Add((point.GetHistogramSum(), point.GetHistogramCount(), tags));
                }
            }
        }

        return points;
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _metering.Dispose();
    }
}

/// <summary>Telemetry tests run alone: the "nothing listens" test needs no other test's listeners around.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestGroup
{
    public const string Name = "Telemetry";
}
