using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// The C# type name of every component schema. They are reserved before any schema is resolved, so a component
/// keeps its own name whatever inline type is named first.
/// </summary>
internal static class ComponentTypeNames
{
    /// <summary>Reserves a type name in <paramref name="modelsNamespace"/> for each component, in ordinal order of the component names.</summary>
    /// <returns>The type name of each component.</returns>
    public static Dictionary<string, string> Reserve(IReadOnlyList<string> componentNames, string modelsNamespace, TypeRegistry registry)
    {
        var shortNameUses = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in componentNames)
        {
            var shortName = ShortName(name);
            shortNameUses[shortName] = shortNameUses.GetValueOrDefault(shortName) + 1;
        }

        var typeNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in componentNames.Order(StringComparer.Ordinal))
        {
            // Deviation: FastAPI's long module-qualified names (app__models__x__Name) are shortened to
            // their last part when that stays unique; Kiota would keep the whole name.
            var shortName = ShortName(name);
            var preferred = shortNameUses[shortName] == 1 ? shortName : name;
            typeNames[name] = registry.Reserve(modelsNamespace, Names.TypeName(preferred));
        }

        return typeNames;
    }

    /// <summary>The part after the last <c>__</c> (FastAPI's module separator), or the whole name.</summary>
    public static string ShortName(string name)
    {
        var cut = name.LastIndexOf("__", StringComparison.Ordinal);
        return cut >= 0 && cut + 2 < name.Length ? name[(cut + 2)..] : name;
    }
}
