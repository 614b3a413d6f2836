using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Nebius.TokenFactory.Testing;

/// <summary>
/// What the fake keeps for the long-running resources: fine-tuning jobs (with their events and checkpoints),
/// custom models and dedicated endpoints. Each read of a resource moves it one state on, so a polling client
/// sees the same progression it would see against the real API, only faster.
/// </summary>
internal sealed class FakeManagedState
{
    /// <summary>Guards every read-modify-write below; the fake serves requests concurrently.</summary>
    public object Gate { get; } = new();

    /// <summary>The states a fine-tuning job passes through, one per read; the last one is final.</summary>
    public string[] FineTuningStates { get; set; } = ["validating_files", "queued", "running", "succeeded"];

    /// <summary>Jobs in creation order (the API lists and pages them that way).</summary>
    public List<JsonObject> Jobs { get; } = [];

    public ConcurrentDictionary<string, List<JsonObject>> JobEvents { get; } = new();

    public ConcurrentDictionary<string, List<JsonObject>> JobCheckpoints { get; } = new();

    /// <summary>Custom models by their full (generated) name.</summary>
    public ConcurrentDictionary<string, JsonObject> CustomModels { get; } = new();

    /// <summary>Dedicated endpoints in creation order.</summary>
    public List<JsonObject> Endpoints { get; } = [];
}
