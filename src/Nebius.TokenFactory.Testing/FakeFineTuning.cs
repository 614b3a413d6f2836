using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>
/// Fine-tuning jobs of the fake. A job starts in <c>validating_files</c> and each read moves it one state on
/// (queued → running → succeeded, see <see cref="FakeManagedState.FineTuningStates"/>), logging the events the
/// real service logs; on success it gets one checkpoint per epoch. Cancelling an unfinished job cancels it.
/// </summary>
internal static class FakeFineTuning
{
    private static readonly string[] FinalStates = ["succeeded", "failed", "cancelled"];

    public static async Task Create(HttpContext context, FakeTokenFactory fake)
    {
        var body = await FakeJson.ReadObject(context).ConfigureAwait(false);
        var problems = new List<(string, string, string)>();
        if (body?["model"]?.GetValueKind() != JsonValueKind.String)
        {
            problems.Add(("model", "missing", "Field required"));
        }

        if (body?["training_file"]?.GetValueKind() != JsonValueKind.String)
        {
            problems.Add(("training_file", "missing", "Field required"));
        }

        if (body?["suffix"]?.GetValueKind() == JsonValueKind.String && body["suffix"]!.GetValue<string>().Length > 64)
        {
            problems.Add(("suffix", "string_too_long", "String should have at most 64 characters"));
        }

        if (problems.Count > 0)
        {
            await FakeJson.Invalid(context, [.. problems]).ConfigureAwait(false);
            return;
        }

        foreach (var field in new[] { "training_file", "validation_file" })
        {
            if (body![field]?.GetValueKind() == JsonValueKind.String && !fake.Files.ContainsKey(body[field]!.GetValue<string>()))
            {
                await FakeJson.NotFound(context, $"File {body[field]!.GetValue<string>()} not found").ConfigureAwait(false);
                return;
            }
        }

        var id = "ftjob-" + Guid.NewGuid().ToString("N");
        var job = new JsonObject
        {
            ["id"] = id,
            ["object"] = "fine_tuning.job",
            ["created_at"] = FakeJson.Now(),
            ["model"] = body!["model"]!.GetValue<string>(),
            ["status"] = fake.Managed.FineTuningStates[0],
            ["training_file"] = body["training_file"]!.GetValue<string>(),
            ["validation_file"] = body["validation_file"]?.DeepClone(),
            ["hyperparameters"] = Hyperparameters(body),
            ["method"] = body["method"]?.DeepClone(),
            ["suffix"] = body["suffix"]?.DeepClone(),
            ["seed"] = body["seed"]?.DeepClone() ?? 0,
            ["tags"] = body["tags"]?.DeepClone(),
            ["organization_id"] = string.Empty,
            ["result_files"] = new JsonArray(),
            ["error"] = null,
            ["finished_at"] = null,
            ["trained_tokens"] = null,
            ["trained_steps"] = null,
            ["total_steps"] = null,
            ["fine_tuned_model"] = null,
        };
        lock (fake.Managed.Gate)
        {
            fake.Managed.Jobs.Add(job);
            fake.Managed.JobEvents[id] = [];
            fake.Managed.JobCheckpoints[id] = [];
            Log(fake, id, "info", "Job is submitted");
        }

        await FakeJson.Ok(context, Snapshot(fake, job)).ConfigureAwait(false);
    }

    public static Task List(HttpContext context, FakeTokenFactory fake)
    {
        lock (fake.Managed.Gate)
        {
            var (page, hasMore) = FakePaging.After(context, fake.Managed.Jobs, defaultLimit: 20);
            return FakeJson.Ok(context, FakePaging.List(page, hasMore));
        }
    }

    public static Task Get(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } job)
        {
            return JobNotFound(context);
        }

        lock (fake.Managed.Gate)
        {
            Advance(fake, job);
            return FakeJson.Ok(context, job.DeepClone());
        }
    }

    public static Task Cancel(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } job)
        {
            return JobNotFound(context);
        }

        lock (fake.Managed.Gate)
        {
            var status = job["status"]!.GetValue<string>();
            if (FinalStates.Contains(status))
            {
                return FakeJson.Write(context, 400, new JsonObject { ["detail"] = $"Job {job["id"]} is already {status} and cannot be cancelled" });
            }

            job["status"] = "cancelled";
            job["finished_at"] = FakeJson.Now();
            Log(fake, job["id"]!.GetValue<string>(), "info", "Job was cancelled");
            return FakeJson.Ok(context, job.DeepClone());
        }
    }

    public static Task Events(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } job)
        {
            return JobNotFound(context);
        }

        lock (fake.Managed.Gate)
        {
            // Newest first, as the API lists them.
            var events = fake.Managed.JobEvents[job["id"]!.GetValue<string>()].AsEnumerable().Reverse().ToList();
            var (page, hasMore) = FakePaging.After(context, events, defaultLimit: 20);
            return FakeJson.Ok(context, FakePaging.List(page, hasMore));
        }
    }

    /// <summary>The base models a draft can be trained for: every model the fake serves, at a fixed price.</summary>
    public static Task SpecDraftModels(HttpContext context, FakeTokenFactory fake)
    {
        var models = new JsonArray();
        foreach (var model in fake.Models)
        {
            models.Add((JsonNode)new JsonObject { ["hf_repo_name"] = model, ["price"] = new JsonObject { ["sku_id"] = "fake-spec-draft", ["value"] = 1.5 } });
        }

        return FakeJson.Ok(context, new JsonObject { ["models"] = models });
    }

    public static Task Checkpoints(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } job)
        {
            return JobNotFound(context);
        }

        lock (fake.Managed.Gate)
        {
            var checkpoints = fake.Managed.JobCheckpoints[job["id"]!.GetValue<string>()];
            var (page, hasMore) = FakePaging.After(context, checkpoints, defaultLimit: 10);
            return FakeJson.Ok(context, FakePaging.ListWithIds(page, hasMore));
        }
    }

    public static Task Checkpoint(HttpContext context, FakeTokenFactory fake)
    {
        if (Find(context, fake) is not { } job)
        {
            return JobNotFound(context);
        }

        var checkpointId = context.Request.RouteValues["checkpoint_id"]?.ToString();
        lock (fake.Managed.Gate)
        {
            if (fake.Managed.JobCheckpoints[job["id"]!.GetValue<string>()].FirstOrDefault(c => c["id"]!.GetValue<string>() == checkpointId) is not { } checkpoint)
            {
                return FakeJson.NotFound(context, $"Checkpoint {checkpointId} not found");
            }

            // The single checkpoint omits the list's result_files.
            var single = (JsonObject)checkpoint.DeepClone();
            single.Remove("result_files");
            return FakeJson.Ok(context, single);
        }
    }

    private static JsonObject Snapshot(FakeTokenFactory fake, JsonObject job)
    {
        lock (fake.Managed.Gate)
        {
            return (JsonObject)job.DeepClone();
        }
    }

    private static JsonObject? Find(HttpContext context, FakeTokenFactory fake)
    {
        var id = context.Request.RouteValues["job_id"]?.ToString();
        lock (fake.Managed.Gate)
        {
            return fake.Managed.Jobs.FirstOrDefault(j => j["id"]!.GetValue<string>() == id);
        }
    }

    private static Task JobNotFound(HttpContext context) =>
        FakeJson.NotFound(context, $"Fine-tuning job {context.Request.RouteValues["job_id"]} not found");

    private static JsonObject Hyperparameters(JsonObject body)
    {
        var given = body["hyperparameters"] as JsonObject ?? body["method"]?["supervised"]?["hyperparameters"] as JsonObject;
        var result = new JsonObject
        {
            ["batch_size"] = 8,
            ["learning_rate"] = 1e-5,
            ["n_epochs"] = 3,
            ["warmup_ratio"] = 0.0,
            ["weight_decay"] = 0.0,
            ["packing"] = true,
            ["max_grad_norm"] = 1.0,
            ["context_length"] = 8192,
            ["lora"] = false,
            ["lora_r"] = 8,
            ["lora_alpha"] = 8,
            ["lora_dropout"] = 0.0,
        };
        foreach (var (name, value) in given ?? new JsonObject())
        {
            result[name] = value?.DeepClone();
        }

        return result;
    }

    /// <summary>Moves a job one state on and records what the real service reports at that step.</summary>
    private static void Advance(FakeTokenFactory fake, JsonObject job)
    {
        var states = fake.Managed.FineTuningStates;
        var current = Array.IndexOf(states, job["status"]!.GetValue<string>());
        if (current < 0 || current >= states.Length - 1)
        {
            return;
        }

        var next = states[current + 1];
        var id = job["id"]!.GetValue<string>();
        job["status"] = next;
        switch (next)
        {
            case "queued":
                if (job["validation_file"] is not null)
                {
                    Log(fake, id, "info", "Dataset 'validation' processed successfully");
                }

                Log(fake, id, "info", "Dataset 'training' processed successfully");
                break;
            case "running":
                job["total_steps"] = Epochs(job) * 10;
                job["trained_steps"] = 0;
                Log(fake, id, "info", "Training started");
                break;
            case "succeeded":
                Succeed(fake, job);
                break;
            case "failed":
                job["error"] = new JsonObject { ["code"] = "training_failed", ["message"] = "The fake was told to fail this job.", ["param"] = null };
                job["finished_at"] = FakeJson.Now();
                Log(fake, id, "error", "Training failed");
                break;
        }
    }

    private static void Succeed(FakeTokenFactory fake, JsonObject job)
    {
        var id = job["id"]!.GetValue<string>();
        var epochs = Epochs(job);
        var model = job["model"]!.GetValue<string>();
        var suffix = job["suffix"]?.GetValue<string>() ?? "fake";
        var checkpoints = fake.Managed.JobCheckpoints[id];
        var resultFiles = new JsonArray();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var step = epoch * 10;
            var files = new JsonArray();
            foreach (var name in new[] { "adapter_config.json", "adapter_model.safetensors" })
            {
                var file = FakeFiles.Store(fake, name, "fine-tune-results", "{}"u8.ToArray());
                files.Add((JsonNode)file.Id);
                resultFiles.Add((JsonNode)file.Id);
            }

            checkpoints.Add(new JsonObject
            {
                ["id"] = "ftckpt_" + Guid.NewGuid(),
                ["object"] = "fine_tuning.job.checkpoint",
                ["created_at"] = FakeJson.Now(),
                ["fine_tuned_model_checkpoint"] = $"ft:{model}:{suffix}:{id}:ckpt-step-{step}",
                ["fine_tuning_job_id"] = id,
                ["step_number"] = step,
                ["metrics"] = new JsonObject
                {
                    ["step"] = step,
                    ["train_loss"] = Math.Round(1.0 / (epoch + 1), 4),
                    ["train_mean_token_accuracy"] = Math.Round(1.0 - (1.0 / (epoch + 2)), 4),
                    ["valid_loss"] = null,
                    ["valid_mean_token_accuracy"] = null,
                    ["full_valid_loss"] = null,
                    ["full_valid_mean_token_accuracy"] = null,
                },
                ["result_files"] = files,
            });
            Log(fake, id, "info", $"Epoch {epoch}/{epochs} finished", new JsonObject { ["step"] = step, ["train_loss"] = Math.Round(1.0 / (epoch + 1), 4) });
        }

        job["trained_steps"] = epochs * 10;
        job["trained_tokens"] = epochs * 12_345;
        job["finished_at"] = FakeJson.Now();
        job["result_files"] = resultFiles;
        job["fine_tuned_model"] = $"ft:{model}:{suffix}:{id}";
        Log(fake, id, "info", "Training completed successfully");
    }

    private static int Epochs(JsonObject job) => job["hyperparameters"]?["n_epochs"]?.GetValue<int>() ?? 3;

    private static void Log(FakeTokenFactory fake, string jobId, string level, string message, JsonObject? metrics = null) =>
        fake.Managed.JobEvents[jobId].Add(new JsonObject
        {
            ["id"] = "ftevent-" + Guid.NewGuid().ToString("N"),
            ["object"] = "fine_tuning.job.event",
            ["created_at"] = FakeJson.Now(),
            ["level"] = level,
            ["message"] = message,
            ["type"] = metrics is null ? "message" : "metrics",
            ["data"] = metrics,
        });
}
