using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>
/// Dedicated endpoints (<c>/v0/dedicated_endpoints</c>) of the fake: templates to deploy from, create (201 with
/// <c>{endpoint}</c>), list, patch and delete. A new endpoint has no ready replicas; from the next read on it
/// has <c>min_replicas</c> of them while enabled (none when disabled), the way a deployment comes up.
/// </summary>
internal static class FakeEndpoints
{
    private static readonly string[] Required = ["name", "model_name", "flavor_name", "gpu_type", "gpu_count", "region", "scaling"];

    private static readonly string[] Regions = ["eu-north1", "eu-west1", "us-central1", "me-west1", "uk-south1", "tf-us1", "tf-us2", "tf-ca1"];

    /// <summary>The models one can deploy, with their flavors (the template names the fake accepts).</summary>
    private static readonly (string Model, string[] Flavors, string[] GpuTypes)[] Templates =
    [
        ("openai/gpt-oss-20b", ["base", "fast"], ["gpu-h100-sxm", "gpu-h200-sxm"]),
        ("meta-llama/Llama-3.3-70B-Instruct", ["base", "fast", "high-throughput"], ["gpu-h100-sxm", "gpu-h200-sxm", "gpu-b200-sxm"]),
        ("Qwen/Qwen3-32B", ["base"], ["gpu-l40s-d", "gpu-h100-sxm"]),
    ];

    public static Task ListTemplates(HttpContext context)
    {
        var templates = new JsonArray();
        foreach (var (model, flavors, gpuTypes) in Templates)
        {
            var details = new JsonObject();
            foreach (var flavor in flavors)
            {
                details[flavor] = new JsonObject
                {
                    ["flavor_name"] = flavor,
                    ["gpu_types"] = new JsonArray([.. gpuTypes.Select(g => (JsonNode)g)]),
                    ["gpu_counts"] = new JsonArray(1, 2, 4, 8),
                    ["regions"] = new JsonArray("eu-north1", "us-central1"),
                };
            }

            templates.Add((JsonNode)new JsonObject
            {
                ["name"] = model,
                ["type"] = "text2text",
                ["metadata"] = new JsonObject { ["vendor"] = model[..model.IndexOf('/', StringComparison.Ordinal)], ["context_window_k"] = 128 },
                ["flavors"] = details,
            });
        }

        return FakeJson.Ok(context, new JsonObject { ["data"] = templates, ["object"] = "list" });
    }

    public static async Task Create(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var problems = Required.Where(field => body?[field] is null).Select(field => (field, "missing", "Field required")).ToList();
        problems.AddRange(CheckValues(body, partial: false));
        if (problems.Count > 0)
        {
            await FakeJson.Invalid(context, [.. problems]).ConfigureAwait(false);
            return;
        }

        var model = body!["model_name"]!.GetValue<string>();
        var flavor = body["flavor_name"]!.GetValue<string>();
        if (!Templates.Any(t => t.Model == model && t.Flavors.Contains(flavor)))
        {
            await FakeJson.NotFound(context, $"No template for model {model} with flavor {flavor}").ConfigureAwait(false);
            return;
        }

        var id = "endpoint-" + Guid.NewGuid().ToString("N")[..20];
        var endpoint = new JsonObject
        {
            ["id"] = id,
            ["name"] = body["name"]!.GetValue<string>(),
            ["description"] = body["description"]?.DeepClone(),
            ["enabled"] = body["enabled"]?.GetValue<bool>() ?? true,
            ["routing_key"] = $"{model}-{id[^8..]}",
            ["model_name"] = model,
            ["flavor_name"] = flavor,
            ["region"] = body["region"]!.GetValue<string>(),
            ["gpu_type"] = body["gpu_type"]!.GetValue<string>(),
            ["gpu_count"] = body["gpu_count"]!.GetValue<int>(),
            ["custom_weights_id"] = body["custom_weights_id"]?.DeepClone(),
            ["scaling"] = body["scaling"]!.DeepClone(),
            ["deployment"] = new JsonObject { ["ready_replicas"] = 0, ["status"] = "starting", ["readiness"] = "not_ready" },
            ["created_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        };
        JsonNode answer;
        lock (fake.Managed.Gate)
        {
            fake.Managed.Endpoints.Add(endpoint);
            answer = new JsonObject { ["endpoint"] = endpoint.DeepClone() };
        }

        await FakeJson.Write(context, 201, answer).ConfigureAwait(false);
    }

    public static Task List(HttpContext context, FakeTokenFactory fake)
    {
        lock (fake.Managed.Gate)
        {
            foreach (var endpoint in fake.Managed.Endpoints)
            {
                Deploy(endpoint);
            }

            return FakeJson.Ok(context, FakeJson.List(fake.Managed.Endpoints.Select(e => e.DeepClone())));
        }
    }

    public static async Task Patch(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        if (body is null)
        {
            await FakeJson.Invalid(context, ("body", "model_attributes_type", "Input should be a valid dictionary or object")).ConfigureAwait(false);
            return;
        }

        var problems = CheckValues(body, partial: true).ToList();
        if (body.ContainsKey("region"))
        {
            problems.Add(("region", "extra_forbidden", "The region of an endpoint cannot be changed"));
        }

        if (problems.Count > 0)
        {
            await FakeJson.Invalid(context, [.. problems]).ConfigureAwait(false);
            return;
        }

        JsonNode? answer = null;
        var scalingValid = true;
        lock (fake.Managed.Gate)
        {
            if (Find(context, fake) is { } endpoint)
            {
                // Applied to a copy first: a patch of one bound must still leave min_replicas <= max_replicas.
                var updated = (JsonObject)endpoint.DeepClone();
                Apply(updated, body);
                scalingValid = !CheckScaling(updated["scaling"], partial: false).Any();
                if (scalingValid)
                {
                    Deploy(updated);
                    fake.Managed.Endpoints[fake.Managed.Endpoints.IndexOf(endpoint)] = updated;
                    answer = updated.DeepClone();
                }
            }
        }

        if (!scalingValid)
        {
            await FakeJson.Invalid(context, [.. CheckScaling(null, partial: false)]).ConfigureAwait(false);
            return;
        }

        await (answer is null ? NotFound(context) : FakeJson.Ok(context, answer)).ConfigureAwait(false);
    }

    public static Task Delete(HttpContext context, FakeTokenFactory fake)
    {
        lock (fake.Managed.Gate)
        {
            if (Find(context, fake) is not { } endpoint)
            {
                return NotFound(context);
            }

            fake.Managed.Endpoints.Remove(endpoint);
            return FakeJson.Ok(context, new JsonObject { ["id"] = endpoint["id"]!.DeepClone(), ["deleted"] = true });
        }
    }

    /// <summary>A partial update: the fields given replace the stored ones; <c>scaling</c> merges bound by bound.</summary>
    private static void Apply(JsonObject endpoint, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (name == "scaling" && value is JsonObject scaling && endpoint["scaling"] is JsonObject current)
            {
                foreach (var (bound, count) in scaling)
                {
                    current[bound] = count?.DeepClone();
                }
            }
            else
            {
                // "UNSET" is how the API is told to clear the custom weights.
                var unset = name == "custom_weights_id" && value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == "UNSET";
                endpoint[name] = unset ? null : value?.DeepClone();
            }
        }
    }

    private static IEnumerable<(string, string, string)> CheckValues(JsonObject? body, bool partial)
    {
        if (body?["name"] is { } name && (name.GetValueKind() != JsonValueKind.String || name.GetValue<string>().Length is < 1 or > 100))
        {
            yield return ("name", "string_too_long", "String should have between 1 and 100 characters");
        }

        if (body?["gpu_count"] is { } count && (count.GetValueKind() != JsonValueKind.Number || count.GetValue<int>() < 0))
        {
            yield return ("gpu_count", "greater_than_equal", "Input should be greater than or equal to 0");
        }

        if (body?["region"] is { } region && (region.GetValueKind() != JsonValueKind.String || !Regions.Contains(region.GetValue<string>())))
        {
            yield return ("region", "enum", "Input should be one of " + string.Join(", ", Regions));
        }

        if (body?["scaling"] is { } scaling)
        {
            foreach (var problem in CheckScaling(scaling, partial))
            {
                yield return problem;
            }
        }
    }

    /// <summary>Both bounds (unless <paramref name="partial"/>), neither negative, min not above max.</summary>
    private static IEnumerable<(string, string, string)> CheckScaling(JsonNode? scaling, bool partial)
    {
        int? Bound(string name) => scaling?[name]?.GetValueKind() == JsonValueKind.Number ? scaling[name]!.GetValue<int>() : null;
        var min = Bound("min_replicas");
        var max = Bound("max_replicas");
        var complete = min is not null && max is not null;
        if ((!partial && !complete) || min < 0 || max < 0 || (complete && min > max))
        {
            yield return ("scaling", "value_error", "scaling needs 0 <= min_replicas <= max_replicas");
        }
    }

    /// <summary>Brings the deployment to its target: min_replicas while enabled, nothing while disabled.</summary>
    private static void Deploy(JsonObject endpoint)
    {
        var enabled = endpoint["enabled"]?.GetValue<bool>() ?? true;
        var target = enabled ? endpoint["scaling"]?["min_replicas"]?.GetValue<int>() ?? 1 : 0;
        endpoint["deployment"] = new JsonObject
        {
            ["ready_replicas"] = target,
            ["status"] = enabled ? "running" : "stopped",
            ["readiness"] = target > 0 ? "ready" : "not_ready",
        };
    }

    private static JsonObject? Find(HttpContext context, FakeTokenFactory fake)
    {
        var id = context.Request.RouteValues["endpoint_id"]?.ToString();
        return fake.Managed.Endpoints.FirstOrDefault(e => e["id"]!.GetValue<string>() == id);
    }

    private static Task NotFound(HttpContext context) =>
        FakeJson.NotFound(context, $"Dedicated endpoint {context.Request.RouteValues["endpoint_id"]} not found");
}
