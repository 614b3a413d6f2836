using System.Diagnostics;
using Microsoft.Extensions.AI;
using Nebius.TokenFactory.AI;
using Nebius.TokenFactory.Tests.AI;
using OpenTelemetry.Trace;

namespace Nebius.TokenFactory.Tests.Telemetry;

/// <summary>Our spans under Microsoft.Extensions.AI's own OpenTelemetry middleware.</summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class ChatClientTelemetryTests
{
    [Fact]
    public async Task The_library_span_is_a_child_of_the_UseOpenTelemetry_span()
    {
        const string MiddlewareSource = "Nebius.Tests.MEAI";
        var middlewareSpans = new List<Activity>();
        using var middlewareTracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder().AddSource(MiddlewareSource).AddInMemoryExporter(middlewareSpans).Build();
        using var capture = new TelemetryCapture();
        await using var fixture = await AIFixture.StartAsync();
        var model = "test/meai-" + Guid.NewGuid().ToString("N")[..8];
        fixture.Fake.Models.Add(model);
        using var chat = new ChatClientBuilder(fixture.Client.AsChatClient(model)).UseOpenTelemetry(sourceName: MiddlewareSource).Build();

        await chat.GetResponseAsync("Hi");
        await foreach (var update in chat.GetStreamingResponseAsync("Hi again"))
        {
            Assert.NotNull(update);
        }

        middlewareTracing.ForceFlush();
        var ours = capture.Spans(model);
        Assert.Equal(2, ours.Count);
        foreach (var span in ours)
        {
            var parent = Assert.Single(middlewareSpans, s => s.SpanId == span.ParentSpanId);
            Assert.Equal(span.TraceId, parent.TraceId);
        }
    }
}
