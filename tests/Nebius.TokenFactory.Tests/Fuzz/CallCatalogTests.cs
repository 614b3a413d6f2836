using Nebius.TokenFactory.Fuzz.Calls;
using Nebius.TokenFactory.Fuzz.Examples;

namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>The fuzzing covers every response example of the contract: a new one must be mapped to its call (or be no answer).</summary>
public sealed class CallCatalogTests
{
    [Fact]
    public void Every_response_example_is_answered_to_a_call()
    {
        var mapped = CallCatalog.Json.Select(c => c.Example!).ToHashSet(StringComparer.Ordinal);
        var unmapped = ResponseExamples.Files.Keys.Where(f => !mapped.Contains(f)).Order(StringComparer.Ordinal).ToList();

        // Request bodies and lines of batch files are no HTTP answers a call receives.
        Assert.All(unmapped, file => Assert.True(file.Contains(".request.", StringComparison.Ordinal) || file.StartsWith("batch_", StringComparison.Ordinal), $"{file} is answered to no call"));
        Assert.True(mapped.Count >= 20, $"only {mapped.Count} examples mapped");
    }

    [Fact]
    public void The_examples_in_the_assembly_are_those_of_the_contract()
    {
        var onDisk = Directory.GetFiles(Path.Combine(Nebius.Testing.RepositoryPaths.Root, "openapi", "examples"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, ResponseExamples.Files.Keys.Order(StringComparer.Ordinal));
    }
}
