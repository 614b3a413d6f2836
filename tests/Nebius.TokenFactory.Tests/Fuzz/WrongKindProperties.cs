using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Fuzz.Client;
using Nebius.TokenFactory.Fuzz.Generators;
using Nebius.TokenFactory.Fuzz.Json;

namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>
/// Property 4: a value of the wrong kind, or out of range, for a known scalar property (a string for a long, 1e400, an
/// object for a string, …) neither fails the call nor is dropped: the typed property is null (even where the model sets
/// a default), <c>AdditionalData[wireName]</c> holds the raw value as a <see cref="JsonElement"/>
/// whose raw text is what was sent, and serializing the model writes it back under its wire name, once.
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class WrongKindProperties(FuzzHarnessFixture fixture)
{
    [Property(MaxTest = 250, Replay = FuzzSeeds.Replay)]
    public Property A_wrong_kind_value_is_kept_raw_and_written_back() =>
        Prop.ForAll(Arb.From(FuzzCases.WrongKinds), async wrong =>
        {
            var outcome = await fixture.Harness.RunAsync(wrong.Case);
            Assert.True(outcome.Returned, $"the call failed: {outcome}");
            var wireName = wrong.Target.Name!;
            var parentPath = wrong.Target.Path.Take(wrong.Target.Path.Count - 1).ToArray();

            var parent = ModelPaths.Navigate(outcome.Result, parentPath);
            Assert.NotNull(parent);
            var property = ModelPaths.Property(parent.GetType(), wireName)!;
            Assert.Null(property.GetValue(parent));
            Assert.True(((IAdditionalDataHolder)parent).AdditionalData.TryGetValue(wireName, out var kept), $"AdditionalData has no \"{wireName}\"");
            var element = Assert.IsType<JsonElement>(kept);
            Assert.Equal(wrong.Raw, element.GetRawText());

            using var written = JsonDocument.Parse(ResultText.Of(outcome.Result, fixture.Harness.Client.Writers));
            var members = Element(written.RootElement, parentPath).EnumerateObject().Where(m => m.Name == wireName).ToList();
            var member = Assert.Single(members);
            Assert.Equal(wrong.Raw, member.Value.GetRawText());
            return true;
        });

    private static JsonElement Element(JsonElement root, IEnumerable<object> path) =>
        path.Aggregate(root, (element, segment) => segment is int index ? element[index] : element.GetProperty((string)segment));
}
