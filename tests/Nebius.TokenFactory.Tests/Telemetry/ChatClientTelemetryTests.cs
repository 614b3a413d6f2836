using System.Diagnostics;
using Microsoft.Extensions.AI;
using Nebius.TokenFactory.AI;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.AI;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Nebius.TokenFactory.Tests.Telemetry;

/// <summary>
/// The library under Microsoft.Extensions.AI's own OpenTelemetry middleware, set up as the README shows
/// (both sources and both meters subscribed): one call is one GenAI client span and one value per metric.
/// </summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class ChatClientTelemetryTests
{
    private const string MiddlewareSource = "Nebius.Tests.MEAI";

    [Fact]
    public async Task Under_UseOpenTelemetry_a_call_is_one_GenAI_span_and_one_value_per_metric()
    {
        using var telemetry = new BothLibraries();
        await using var fixture = await AIFixture.StartAsync();
        var model = NewModel(fixture);
        using var chat = new ChatClientBuilder(fixture.Client.AsIChatClient(model)).UseOpenTelemetry(sourceName: MiddlewareSource).Build();

        await chat.GetResponseAsync("Hi");
        await foreach (var update in chat.GetStreamingResponseAsync("Hi again"))
        {
            Assert.NotNull(update);
        }

        var spans = telemetry.GenAiSpans(model);
        Assert.Equal(2, spans.Count);
        Assert.All(spans, span => Assert.Equal(MiddlewareSource, span.Source.Name));
        Assert.All(spans, span => Assert.NotNull(span.GetTagItem("nebius.request_id")));
        var streamed = spans.Single(s => s.GetTagItem("nebius.stream.chunks") is not null);
        Assert.True((int)streamed.GetTagItem("nebius.stream.chunks")! > 1);
        Assert.Equal(2, telemetry.Values("gen_ai.client.operation.duration", model));
        Assert.Equal(0, telemetry.Values("gen_ai.client.operation.duration", model, NebiusTelemetry.MeterName));
        Assert.Equal(0, telemetry.Values("gen_ai.client.token.usage", model, NebiusTelemetry.MeterName));
        Assert.Equal(0, telemetry.Values("gen_ai.client.operation.time_to_first_chunk", model, NebiusTelemetry.MeterName));
        Assert.Equal(0, telemetry.Values("gen_ai.client.operation.time_per_output_chunk", model, NebiusTelemetry.MeterName));
    }

    [Fact]
    public async Task Retries_inside_the_middleware_span_become_its_events()
    {
        using var telemetry = new BothLibraries();
        await using var fixture = await AIFixture.StartAsync();
        var model = NewModel(fixture);
        using var chat = new ChatClientBuilder(fixture.Client.AsIChatClient(model)).UseOpenTelemetry(sourceName: MiddlewareSource).Build();
        fixture.Fake.Inject(FakeFault.Status(503));

        await chat.GetResponseAsync("Hi");

        var span = Assert.Single(telemetry.GenAiSpans(model));
        var retry = Assert.Single(span.Events, e => e.Name == "nebius.retry");
        Assert.Contains(retry.Tags, t => t.Key == "http.response.status_code" && Equals(t.Value, 503));
    }

    [Fact]
    public async Task Without_the_middleware_the_library_span_stands_alone_and_can_be_switched_off()
    {
        using var telemetry = new BothLibraries();
        await using var on = await AIFixture.StartAsync();
        await using var off = await AIFixture.StartAsync(o => o.GenAiTelemetry = false);
        var model = NewModel(on);
        off.Fake.Models.Add(model);

        await on.Client.AskAsync(model, "Hi");
        await off.Client.AskAsync(model, "Hi");

        var span = Assert.Single(telemetry.GenAiSpans(model));
        Assert.Equal(NebiusTelemetry.ActivitySourceName, span.Source.Name);
        Assert.Equal(1, telemetry.Values("gen_ai.client.operation.duration", model));
    }

    private static string NewModel(AIFixture fixture)
    {
        var model = "test/meai-" + Guid.NewGuid().ToString("N")[..8];
        fixture.Fake.Models.Add(model);
        return model;
    }

    /// <summary>OpenTelemetry subscribed to the library's and the middleware's sources and meters alike.</summary>
    private sealed class BothLibraries : IDisposable
    {
        private readonly TracerProvider _tracing;
        private readonly MeterProvider _metering;
        private readonly List<Activity> _spans = [];
        private readonly List<Metric> _metrics = [];

        public BothLibraries()
        {
            _tracing = Sdk.CreateTracerProviderBuilder().AddSource(NebiusTelemetry.ActivitySourceName, MiddlewareSource).AddInMemoryExporter(_spans).Build();
            _metering = Sdk.CreateMeterProviderBuilder().AddMeter(NebiusTelemetry.MeterName, MiddlewareSource).AddInMemoryExporter(_metrics).Build();
        }

        public List<Activity> GenAiSpans(string model)
        {
            _tracing.ForceFlush();
            return [.. _spans.Where(s => s.Kind == ActivityKind.Client && (string?)s.GetTagItem("gen_ai.request.model") == model)];
        }

        /// <summary>How many values of <paramref name="name"/> were recorded for <paramref name="model"/>, by one meter or both.</summary>
        public long Values(string name, string model, string? meter = null)
        {
            _metrics.Clear();
            _metering.ForceFlush();
            long count = 0;
            foreach (var metric in _metrics.Where(m => m.Name == name && (meter is null || m.MeterName == meter)))
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    foreach (var tag in point.Tags)
                    {
                        if (tag.Key == "gen_ai.request.model" && (string?)tag.Value == model)
                        {
                            count += point.GetHistogramCount();
                        }
                    }
                }
            }

            return count;
        }

        public void Dispose()
        {
            _tracing.Dispose();
            _metering.Dispose();
        }
    }
}
