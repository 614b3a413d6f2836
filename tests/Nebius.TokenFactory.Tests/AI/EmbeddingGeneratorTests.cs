using Microsoft.Extensions.AI;
using Nebius.TokenFactory.AI;

namespace Nebius.TokenFactory.Tests.AI;

/// <summary>The IEmbeddingGenerator adapter: dimensions, batching and usage.</summary>
public sealed class EmbeddingGeneratorTests
{
    [Fact]
    public async Task Large_inputs_are_sent_in_batches_and_come_back_in_input_order()
    {
        await using var fixture = await AIFixture.StartAsync();
        var inputs = Enumerable.Range(0, 5).Select(i => $"text number {i}").ToList();
        var batched = fixture.Client.AsIEmbeddingGenerator(AIFixture.EmbeddingModel, maxBatchSize: 2);
        var single = fixture.Client.AsIEmbeddingGenerator(AIFixture.EmbeddingModel, maxBatchSize: 100);

        var result = await batched.GenerateAsync(inputs, new EmbeddingGenerationOptions { Dimensions = 16 });
        var reference = await single.GenerateAsync(inputs, new EmbeddingGenerationOptions { Dimensions = 16 });

        var bodies = fixture.Bodies("/v1/embeddings");
        Assert.Equal([2, 2, 1, 5], bodies.Select(b => b["input"]!.AsArray().Count));
        Assert.All(bodies, b => Assert.Equal(16, (int?)b["dimensions"]));
        Assert.Equal(5, result.Count);
        Assert.All(result, e => Assert.Equal(16, e.Vector.Length));
        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.Equal(reference[i].Vector.ToArray(), result[i].Vector.ToArray());
        }

        Assert.NotEqual(result[0].Vector.ToArray(), result[1].Vector.ToArray());
        Assert.Equal(5, result.Usage?.InputTokenCount);
        Assert.Equal(AIFixture.EmbeddingModel, result[0].ModelId);
    }

    [Fact]
    public async Task The_project_and_extra_fields_reach_the_wire()
    {
        await using var fixture = await AIFixture.StartAsync();
        var generator = fixture.Client.AsIEmbeddingGenerator(AIFixture.EmbeddingModel, defaultDimensions: 4);
        var options = new EmbeddingGenerationOptions { AdditionalProperties = new() { [NebiusChatProperties.AiProjectId] = "project-emb", ["normalize"] = true } };

        var vector = await generator.GenerateVectorAsync("hello", options);

        Assert.Equal(4, vector.Length);
        var request = fixture.Fake.Journal.Single();
        Assert.Contains("ai_project_id=project-emb", request.Query, StringComparison.Ordinal);
        var body = fixture.Bodies("/v1/embeddings").Single();
        Assert.True((bool)body["normalize"]!);
        Assert.Equal("base64", (string?)body["encoding_format"]);
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_sending()
    {
        await using var fixture = await AIFixture.StartAsync();
        var generator = fixture.Client.AsIEmbeddingGenerator();

        await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(["x"]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { ModelId = AIFixture.EmbeddingModel, Dimensions = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Client.AsIEmbeddingGenerator(AIFixture.EmbeddingModel, maxBatchSize: 0));
        Assert.Empty(fixture.Fake.Journal);
    }
}
