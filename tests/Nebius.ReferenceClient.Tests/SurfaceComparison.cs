namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// Compares the request-builder surface of the stock Kiota client with ours, from the two dom exports. In scope:
/// every type outside the models namespace (the root client, request builders with their navigation properties,
/// indexers, executors, <c>To…RequestInformation</c> methods and query-parameter classes, and the inline types
/// declared beside them). Models are compared through the types the request builders name, not member by member:
/// stock Kiota writes ~620 model types (203 of them wrappers for FastAPI's <c>anyOf [X, null]</c>), ours ~307.
/// A type only one side has is one difference; for a type both have, each member only one side has is one.
/// </summary>
internal sealed class SurfaceComparison
{
    public const string StockNamespace = "Nebius.StockKiota";
    public const string StockClientClass = "StockClient";
    public const string OurNamespace = "Nebius.TokenFactory";
    public const string OurClientClass = "NebiusApiClient";

    private SurfaceComparison(int typesCompared, int membersMatched, SortedDictionary<string, string> differences, (int Stock, int Ours) modelTypes)
    {
        ModelTypes = modelTypes;
        TypesCompared = typesCompared;
        MembersMatched = membersMatched;
        Differences = differences;
    }

    public int TypesCompared { get; }

    /// <summary>How many model types each side writes: printed, not compared member by member (see the class remarks).</summary>
    public (int Stock, int Ours) ModelTypes { get; }

    public int MembersMatched { get; }

    /// <summary>Deviation key (<c>surface kiota-only type …</c>, <c>surface ours-only member …</c>) → what a reviewer needs to say why.</summary>
    public SortedDictionary<string, string> Differences { get; }

    public static SurfaceComparison Of(string stockExport, string ourExport)
    {
        var stockLines = DomExport.Read(stockExport, StockNamespace, StockClientClass, OurNamespace, OurClientClass, KiotaNaming.OursFor);
        var ourLines = DomExport.Read(ourExport, OurNamespace, OurClientClass, OurNamespace, OurClientClass, name => name);
        var stock = InScope(stockLines);
        var ours = InScope(ourLines);
        var differences = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var matched = 0;
        foreach (var type in stock.Keys.Union(ours.Keys, StringComparer.Ordinal))
        {
            var inStock = stock.GetValueOrDefault(type);
            var inOurs = ours.GetValueOrDefault(type);
            if (inOurs is null)
            {
                differences[$"surface kiota-only type {type}"] = "a stock Kiota type our generator does not write";
            }
            else if (inStock is null)
            {
                differences[$"surface ours-only type {type}"] = "a type our generator writes and stock Kiota does not";
            }
            else
            {
                matched += inStock.Intersect(inOurs).Count();
                foreach (var line in inStock.Except(inOurs))
                {
                    differences[$"surface kiota-only member {line}"] = "a stock Kiota member our type lacks or spells differently";
                }

                foreach (var line in inOurs.Except(inStock))
                {
                    differences[$"surface ours-only member {line}"] = "a member our type adds or spells differently";
                }
            }
        }

        return new SurfaceComparison(stock.Keys.Intersect(ours.Keys).Count(), matched, differences, (ModelTypeCount(stockLines), ModelTypeCount(ourLines)));
    }

    private static bool IsModel(SurfaceLine line) => line.Type.StartsWith(OurNamespace + ".Models.", StringComparison.Ordinal);

    private static int ModelTypeCount(List<SurfaceLine> lines) => lines.Where(IsModel).Select(l => l.Type).Distinct(StringComparer.Ordinal).Count();

    private static Dictionary<string, HashSet<string>> InScope(List<SurfaceLine> lines) =>
        lines.Where(l => !IsModel(l))
            .GroupBy(l => l.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => l.Text).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
