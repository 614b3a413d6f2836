using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;

namespace Nebius.TokenFactory.Tests.Fake;

/// <summary>The fake's fine-tuning jobs, custom models and dedicated endpoints, driven through the generated client.</summary>
public sealed class FakeManagedResourcesTests
{
    private static NebiusClient ClientFor(FakeTokenFactory fake) => new(new NebiusClientOptions
    {
        ApiKey = "fake-key",
        BaseUrl = fake.BaseUrl,
        Retry = new NebiusRetryOptions { MaxRetries = 0 },
    });

    private static string AddTrainingFile(FakeTokenFactory fake)
    {
        var id = "file-" + Guid.NewGuid();
        fake.Files[id] = new FakeFile(id, "train.jsonl", "fine-tune", Encoding.UTF8.GetBytes("{\"messages\":[]}\n"), 0);
        return id;
    }

    [Fact]
    public async Task A_fine_tuning_job_moves_one_state_per_read_and_ends_with_a_checkpoint_per_epoch()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientFor(fake);
        var request = new FineTuningRequest
        {
            Model = "meta-llama/Llama-3.1-8B-Instruct",
            TrainingFile = AddTrainingFile(fake),
            Suffix = "demo",
            Hyperparameters = new SupervisedHParameters { NEpochs = 2, Lora = true },
        };

        var created = (await client.V1.FineTuning.Jobs.PostAsync(request))!;
        var jobId = created.Id!;
        var seen = new List<string?> { created.Status?.ToString() };
        for (var i = 0; i < 4; i++)
        {
            seen.Add((await client.V1.FineTuning.Jobs[jobId].GetAsync())!.Status?.ToString());
        }

        Assert.Matches("^ftjob-[0-9a-f]{32}$", created.Id);
        Assert.Equal(["validating_files", "queued", "running", "succeeded", "succeeded"], seen);
        var done = await client.V1.FineTuning.Jobs[jobId].GetAsync();
        Assert.Equal(2, done!.ResultFiles!.Count / 2);
        Assert.NotNull(done.FinishedAt);

        var events = await client.V1.FineTuning.Jobs[jobId].Events.GetAsync();
        Assert.Equal("Training completed successfully", events!.Data![0].Message);
        Assert.Equal("Job is submitted", events.Data[^1].Message);

        var checkpoints = await client.V1.FineTuning.Jobs[jobId].Checkpoints.GetAsync();
        Assert.Equal([10, 20], checkpoints!.Data!.Select(c => c.StepNumber));
        Assert.Equal(checkpoints.Data![0].Id, checkpoints.FirstId);
        var single = await client.V1.FineTuning.Jobs[jobId].Checkpoints[checkpoints.Data![1].Id!].GetAsync();
        Assert.Equal(created.Id, single!.FineTuningJobId);
        Assert.StartsWith("ftckpt_", single.Id, StringComparison.Ordinal);

        var list = await client.V1.FineTuning.Jobs.GetAsync();
        Assert.Equal([created.Id], list!.Data!.Select(j => j.Id));
        Assert.False(list.HasMore);
    }

    [Fact]
    public async Task Cancelling_stops_an_unfinished_job_and_a_finished_one_cannot_be_cancelled()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientFor(fake);
        var file = AddTrainingFile(fake);
        var job = await client.V1.FineTuning.Jobs.PostAsync(new FineTuningRequest { Model = "Qwen/Qwen3-4B", TrainingFile = file });
        var jobId = job!.Id!;

        var cancelled = await client.V1.FineTuning.Jobs[jobId].Cancel.PostAsync();
        var again = await Assert.ThrowsAsync<NebiusBadRequestException>(() => client.V1.FineTuning.Jobs[jobId].Cancel.PostAsync());

        Assert.Equal("cancelled", cancelled!.Status?.ToString());
        Assert.Contains("already cancelled", again.Detail, StringComparison.Ordinal);
        Assert.Equal("cancelled", (await client.V1.FineTuning.Jobs[jobId].GetAsync())!.Status?.ToString());
    }

    [Fact]
    public async Task A_job_can_be_scripted_to_fail_with_an_error_and_an_error_event()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.FineTuningStates = ["validating_files", "running", "failed"];
        using var client = ClientFor(fake);
        var job = await client.V1.FineTuning.Jobs.PostAsync(new FineTuningRequest { Model = "Qwen/Qwen3-4B", TrainingFile = AddTrainingFile(fake) });
        var jobId = job!.Id!;

        await client.V1.FineTuning.Jobs[jobId].GetAsync();
        var failed = await client.V1.FineTuning.Jobs[jobId].GetAsync();
        var events = await client.V1.FineTuning.Jobs[jobId].Events.GetAsync();

        Assert.Equal("failed", failed!.Status);
        Assert.Equal("training_failed", failed.Error?.Code);
        Assert.Equal("error", events!.Data![0].Level);
        Assert.Empty((await client.V1.FineTuning.Jobs[jobId].Checkpoints.GetAsync())!.Data!);
        Assert.Throws<ArgumentException>("value", () => fake.FineTuningStates = []);
    }

    [Fact]
    public async Task A_job_needs_a_known_training_file_and_the_required_fields()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientFor(fake);

        var missingFile = await Assert.ThrowsAsync<NebiusNotFoundException>(() =>
            client.V1.FineTuning.Jobs.PostAsync(new FineTuningRequest { Model = "Qwen/Qwen3-4B", TrainingFile = "file-nope" }));
        Assert.Contains("file-nope", missingFile.Detail, StringComparison.Ordinal);

        var (status, body) = await PostRaw(fake, "/v1/fine_tuning/jobs", "{}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("\"loc\":[\"body\",\"model\"]", body, StringComparison.Ordinal);
        Assert.Contains("\"loc\":[\"body\",\"training_file\"]", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_models_are_a_bare_array_validate_then_become_active_and_delete_as_deleted()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientFor(fake);
        Assert.Empty((await client.V0.Models.GetAsync())!);

        var created = await client.V0.Models.PostAsync(new CreateCustomModelRequest
        {
            Name = "my-model",
            BaseModel = "meta-llama/Meta-Llama-3.1-8B-Instruct",
            Source = "ftjob-0123456789abcdef0123456789abcdef:ftckpt_1",
        });
        Assert.Matches(@"^meta-llama/Meta-Llama-3\.1-8B-Instruct-LoRa:my-model-\w{4}$", created!.Name);
        Assert.Equal("validating", created.Status?.ToString());

        var vendor = created.Name![..created.Name!.IndexOf('/', StringComparison.Ordinal)];
        var fullName = created.Name[(vendor.Length + 1)..];
        var read = await client.V0.Models[vendor][fullName].GetAsync();
        Assert.Equal("active", read!.Status?.ToString());
        Assert.Equal("ftjob-0123456789abcdef0123456789abcdef", read.JobId);
        Assert.Equal("ftckpt_1", read.CheckpointId);
        Assert.Equal([created.Name], (await client.V0.Models.GetAsync())!.Select(m => m.Name));

        var deleted = await client.V0.Models["my-model"].DeleteAsync();
        Assert.Equal("deleted", deleted!.Status?.ToString());
        await Assert.ThrowsAsync<NebiusNotFoundException>(() => client.V0.Models[vendor][fullName].GetAsync());
    }

    [Fact]
    public async Task Dedicated_endpoints_deploy_from_a_template_scale_on_patch_and_delete()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientFor(fake);
        var templates = await client.V0.DedicatedEndpoints.Templates.GetAsync();
        var template = templates!.Data![0];

        var envelope = await client.V0.DedicatedEndpoints.PostAsync(new CreateDedicatedEndpointRequest
        {
            Name = "my-endpoint",
            ModelName = template.Name,
            FlavorName = "base",
            GpuType = "gpu-h100-sxm",
            GpuCount = 1,
            Region = "eu-north1",
            Scaling = new EndpointScaling { MinReplicas = 2, MaxReplicas = 3 },
        });
        var endpoint = envelope!.Endpoint!;
        var endpointId = endpoint.Id!;
        Assert.Equal(0, endpoint.Deployment!.ReadyReplicas);
        Assert.StartsWith(template.Name!, endpoint.RoutingKey, StringComparison.Ordinal);

        var listed = Assert.Single((await client.V0.DedicatedEndpoints.GetAsync())!.Data!);
        Assert.Equal(2, listed.Deployment!.ReadyReplicas);

        var stopped = await client.V0.DedicatedEndpoints[endpointId].PatchAsync(new UpdateDedicatedEndpointRequest { Enabled = false, Name = "renamed" });
        Assert.Equal("renamed", stopped!.Name);
        Assert.Equal(0, stopped.Deployment!.ReadyReplicas);
        Assert.Equal("eu-north1", stopped.Region);

        var (scaled, scaledBody) = await SendRaw(fake, HttpMethod.Patch, $"/v0/dedicated_endpoints/{endpointId}", "{\"enabled\":true,\"scaling\":{\"max_replicas\":5},\"custom_weights_id\":\"UNSET\"}");
        Assert.Equal(HttpStatusCode.OK, scaled);
        var patched = System.Text.Json.Nodes.JsonNode.Parse(scaledBody)!;
        Assert.Equal(2, patched["scaling"]!["min_replicas"]!.GetValue<int>());
        Assert.Equal(5, patched["scaling"]!["max_replicas"]!.GetValue<int>());
        Assert.Null(patched["custom_weights_id"]);
        Assert.Equal(2, patched["deployment"]!["ready_replicas"]!.GetValue<int>());

        var (inverted, _) = await SendRaw(fake, HttpMethod.Patch, $"/v0/dedicated_endpoints/{endpointId}", "{\"scaling\":{\"min_replicas\":9}}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, inverted);

        var (status, body) = await SendRaw(fake, HttpMethod.Patch, $"/v0/dedicated_endpoints/{endpointId}", "{\"region\":\"eu-west1\"}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("region", body, StringComparison.Ordinal);

        await client.V0.DedicatedEndpoints[endpointId].DeleteAsync();
        Assert.Empty((await client.V0.DedicatedEndpoints.GetAsync())!.Data!);
        await Assert.ThrowsAsync<NebiusNotFoundException>(() => client.V0.DedicatedEndpoints[endpointId].DeleteAsync());
    }

    [Fact]
    public async Task Creating_an_endpoint_reports_every_missing_field_at_once()
    {
        await using var fake = await FakeTokenFactory.StartAsync();

        var (status, body) = await PostRaw(fake, "/v0/dedicated_endpoints", "{\"name\":\"x\"}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        foreach (var field in new[] { "model_name", "flavor_name", "gpu_type", "gpu_count", "region", "scaling" })
        {
            Assert.Contains($"\"loc\":[\"body\",\"{field}\"]", body, StringComparison.Ordinal);
        }
    }

    private static Task<(HttpStatusCode, string)> PostRaw(FakeTokenFactory fake, string path, string json) => SendRaw(fake, HttpMethod.Post, path, json);

    private static async Task<(HttpStatusCode, string)> SendRaw(FakeTokenFactory fake, HttpMethod method, string path, string json)
    {
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "fake-key");
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
