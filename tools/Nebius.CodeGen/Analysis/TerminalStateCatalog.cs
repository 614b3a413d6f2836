using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// The long-running resources of the whole spec, one per <c>name</c>: two get operations may poll the same
/// resource (a custom model by short or by full name), and then their extensions must say the same.
/// </summary>
public static class TerminalStateCatalog
{
    public static IReadOnlyList<LongRunningModel> Collect(BuilderNode root)
    {
        var byName = new SortedDictionary<string, LongRunningModel>(StringComparer.Ordinal);
        Visit(root, byName);
        return [.. byName.Values];
    }

    private static void Visit(BuilderNode node, SortedDictionary<string, LongRunningModel> byName)
    {
        foreach (var resource in node.Operations.Select(o => o.LongRunning).OfType<LongRunningModel>())
        {
            if (!byName.TryGetValue(resource.Name, out var first))
            {
                byName[resource.Name] = resource;
            }
            else if (first.Model != resource.Model || first.Status != resource.Status || first.Resource != resource.Resource
                || !first.Terminal.SequenceEqual(resource.Terminal, StringComparer.Ordinal) || !first.Failed.SequenceEqual(resource.Failed, StringComparer.Ordinal))
            {
                throw new SpecException(resource.Pointer, $"'{resource.Name}' is described differently at {first.Pointer}; one name, one resource and one set of states");
            }
        }

        foreach (var child in node.Children.Values)
        {
            Visit(child, byName);
        }
    }
}
