namespace Nebius.CodeGen.Analysis;

/// <summary>Every generated type, and the names taken in each namespace.</summary>
public sealed class TypeRegistry
{
    private readonly Dictionary<string, HashSet<string>> _taken = new(StringComparer.Ordinal);

    public List<CodeType> Types { get; } = [];

    /// <summary>Takes <paramref name="desired"/> in <paramref name="ns"/>, or the first free <c>desired2</c>, <c>desired3</c>, ...</summary>
    public string Reserve(string ns, string desired)
    {
        if (!_taken.TryGetValue(ns, out var names))
        {
            names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _taken[ns] = names;
        }

        var candidate = desired;
        for (var i = 2; !names.Add(candidate); i++)
        {
            candidate = desired + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    public T Add<T>(T type)
        where T : CodeType
    {
        Types.Add(type);
        return type;
    }
}
