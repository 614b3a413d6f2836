namespace Nebius.TokenFactory;

/// <summary>
/// Names of the library's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.
/// Inference calls (chat, completions, embeddings) produce one client span each and the GenAI client metrics,
/// following the OpenTelemetry GenAI semantic conventions. Nothing is measured until a listener subscribes.
/// </summary>
/// <example>
/// <code>
/// services.AddOpenTelemetry()
///     .WithTracing(t => t.AddSource(NebiusTelemetry.ActivitySourceName))
///     .WithMetrics(m => m.AddMeter(NebiusTelemetry.MeterName));
/// </code>
/// </example>
public static class NebiusTelemetry
{
    /// <summary>The activity source of the inference spans.</summary>
    public const string ActivitySourceName = "Nebius.TokenFactory";

    /// <summary>
    /// The meter of the metrics: <c>gen_ai.client.operation.duration</c> (s), <c>gen_ai.client.token.usage</c>
    /// ({token}), and for streams <c>gen_ai.client.operation.time_to_first_chunk</c> and
    /// <c>gen_ai.client.operation.time_per_output_chunk</c> (s).
    /// </summary>
    public const string MeterName = "Nebius.TokenFactory";
}
