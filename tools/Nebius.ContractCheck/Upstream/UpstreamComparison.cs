using System.Text.Json.Nodes;
using Nebius.ContractCheck.Diff;
using Nebius.ContractCheck.Spec;

namespace Nebius.ContractCheck.Upstream;

/// <summary>
/// Compares the API's own document (the base) with ours (the head) through the semantic diff engine, after both
/// went through <see cref="ComparableForm"/>. The engine's kinds say how the head differs from the base; here they
/// are reworded from our side: <c>removed</c> becomes <c>only-upstream</c>, <c>added</c> becomes <c>only-here</c>, a
/// field that <c>became-required</c> is <c>required-only-here</c>, anything <c>changed</c> <c>differs</c>.
/// </summary>
internal static class UpstreamComparison
{
    private static readonly (string Engine, string Upstream)[] Wording =
    [
        ("-removed", "-only-upstream"),
        ("-added", "-only-here"),
        ("-became-required", "-required-only-here"),
        ("-became-optional", "-required-only-upstream"),
        ("-changed", "-differs"),
    ];

    public static UpstreamResult Compare(JsonObject upstream, JsonObject ours, IEnumerable<string> acknowledgementLines)
    {
        var listed = Acknowledgements.Listed(acknowledgementLines);
        var unexplained = listed.Where(a => a.Value.Length == 0).Select(a => a.Key).ToList();
        if (unexplained.Count > 0)
        {
            throw new ArgumentException("each acknowledged upstream difference needs its reason after '#': " + string.Join(", ", unexplained), nameof(acknowledgementLines));
        }

        var result = SpecDiff.Compare(OpenApiModel.Read(ComparableForm.Of(upstream)), OpenApiModel.Read(ComparableForm.Of(ours)));
        var differences = new List<UpstreamDifference>();
        foreach (var change in result.Changes)
        {
            if (change.Kind is ChangeKinds.SchemaAdded or ChangeKinds.SchemaRemoved)
            {
                continue; // components are inlined for the comparison; only what operations use counts
            }

            var scope = change.Kind switch
            {
                ChangeKinds.OperationRemoved => UpstreamScope.OnlyUpstream,
                ChangeKinds.OperationAdded => UpstreamScope.OnlyHere,
                _ => UpstreamScope.Shared,
            };
            var difference = new UpstreamDifference(Reword(change.Kind), change.Location, scope, change.Message, change.UsedBy);
            difference.AcknowledgedBecause = listed.GetValueOrDefault(difference.Id)
                ?? (scope == UpstreamScope.OnlyHere ? Evidence(ours, change.Location) : null);
            differences.Add(difference);
        }

        var stale = listed.Keys.Except(differences.Select(d => d.Id), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new UpstreamResult(result.BaseVersion, result.HeadVersion, differences, stale);
    }

    internal static string Reword(string kind)
    {
        foreach (var (engine, upstream) in Wording)
        {
            if (kind.EndsWith(engine, StringComparison.Ordinal))
            {
                return kind[..^engine.Length] + upstream;
            }
        }

        return kind;
    }

    /// <summary>An operation only we describe is explained by its <c>x-nebius-evidence</c>; without one it is flagged.</summary>
    private static string? Evidence(JsonObject ours, string operation)
    {
        var (method, path) = (operation[..operation.IndexOf(' ', StringComparison.Ordinal)], operation[(operation.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        return ours["paths"]?[path]?[method.ToLowerInvariant()]?["x-nebius-evidence"] is JsonObject evidence
            ? $"x-nebius-evidence {evidence["level"]}: {evidence["source"]}"
            : null;
    }
}
