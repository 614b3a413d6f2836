using System.Globalization;
using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// Writes a list operation's paging method (<c>ListAllAsync</c>, or the name its <c>x-nebius-pagination</c> gives) onto
/// its request builder. The walk itself is the package's compiled <c>Paging.Pager</c>; this only wires the operation's
/// query parameters and page properties into it.
/// </summary>
internal sealed class PagingEmitter(string rootNamespace)
{
    private string Pager => $"global::{rootNamespace}.Paging.Pager";

    public void Write(CodeWriter writer, OperationModel operation)
    {
        var paging = operation.Paging!;
        var page = TypeSyntax.Declared(operation.ResponseType!);
        var item = paging.ItemsAsMaps ? "IDictionary<string, object>" : TypeSyntax.Element(paging.ItemType);
        var sizeName = SizeParameterName(paging);
        var arguments = paging.Arguments.Select(a => (Query: a, Name: a == paging.PageSize ? sizeName : Names.ParameterName(a.WireName))).ToList();

        writer.Summary(Summary(operation, paging));
        writer.Line(paging.Style == PagingStyle.Single
            ? "/// <returns>The items of the one page, read when the caller first asks.</returns>"
            : "/// <returns>The items, read a page at a time as the caller asks for them.</returns>");
        foreach (var (query, name) in arguments)
        {
            var doc = query == paging.PageSize ? SizeDoc(paging) : Literals.Doc(query.Description) is { Length: > 0 } d ? d : $"The {Literals.Doc(query.WireName)} query parameter.";
            writer.Line($"/// <param name=\"{name.TrimStart('@')}\">{doc}</param>");
        }

        writer.Line("/// <param name=\"cancellationToken\">Stops between or during pages.</param>");
        writer.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The {(paging.Style == PagingStyle.Single ? "limit" : "page size")} is out of range (thrown by the call itself, before anything is sent).</exception>");
        writer.Line("// Deviation from Kiota, which generates no paging: the walk follows the operation's x-nebius-pagination.");
        var parameters = arguments.Select(a => $"{ParameterType(a.Query)} {a.Name} = default").Append("CancellationToken cancellationToken = default");
        writer.Open($"public IAsyncEnumerable<{item}> {paging.MethodName}({string.Join(", ", parameters)})");
        var max = paging.MaxPageSize is { } m ? m.ToString(CultureInfo.InvariantCulture) : "int.MaxValue";
        writer.Line($"var size = {Pager}.CheckPageSize({sizeName}, {paging.DefaultPageSize.ToString(CultureInfo.InvariantCulture)}, {max}, nameof({sizeName.TrimStart('@')}));");
        var cursor = paging.Style switch
        {
            PagingStyle.Single => null,
            PagingStyle.Offset => "offset",
            _ => "cursor",
        };
        var listName = paging.Items[0].List?.Name;
        var typeArguments = paging.Style == PagingStyle.CursorTime ? item : $"{page}, {item}";
        writer.Line($"return {Pager}.{WalkName(paging.Style)}<{typeArguments}>(");
        if (paging.Style is PagingStyle.Offset or PagingStyle.CursorTime)
        {
            writer.Line("    size,");
        }

        writer.Line(paging.Style switch
        {
            PagingStyle.Single => "    token => GetAsync(",
            PagingStyle.CursorTime => $"    async ({cursor}, token) => (await GetAsync(",
            _ => $"    ({cursor}, token) => GetAsync(",
        });
        writer.Line("        c =>");
        writer.Line("        {");
        writer.Line($"            c.QueryParameters.{paging.PageSize.PropertyName} = size;");
        if (paging.Cursor is { } cursorParameter)
        {
            writer.Line($"            c.QueryParameters.{cursorParameter.PropertyName} = {cursor};");
        }

        foreach (var (query, name) in arguments.Where(a => a.Query != paging.PageSize))
        {
            writer.Line($"            c.QueryParameters.{query.PropertyName} = {name};");
        }

        writer.Line("        },");
        writer.Line(paging.Style == PagingStyle.CursorTime ? $"        token).ConfigureAwait(false))?.{listName}," : "        token),");
        switch (paging.Style)
        {
            case PagingStyle.Cursor:
                writer.Line($"    page => page.{listName},");
                writer.Line($"    page => page.{paging.HasMore!.Name},");
                writer.Line(paging.LastId is { } lastId ? $"    (page, last) => page.{lastId.Name} ?? last.{paging.ItemId!.Name}," : $"    (_, last) => last.{paging.ItemId!.Name},");
                break;
            case PagingStyle.CursorTime:
                writer.Line($"    item => item.{paging.ItemId!.Name},");
                writer.Line($"    item => item.{paging.CreatedAt!.Name},");
                break;
            default:
                writer.Line($"    page => {ItemsExpression(paging)},");
                break;
        }

        writer.Line("    cancellationToken);");
        writer.Close();
    }

    private static string WalkName(PagingStyle style) => style switch
    {
        PagingStyle.Cursor => "ByCursorAsync",
        PagingStyle.CursorTime => "ByTimeAsync",
        PagingStyle.Offset => "ByOffsetAsync",
        _ => "OnePageAsync",
    };

    /// <summary>The page size of a single page is the total the caller gets, so it keeps the query parameter's own name.</summary>
    private static string SizeParameterName(PagingModel paging) =>
        paging.Style == PagingStyle.Single ? Names.ParameterName(paging.PageSize.WireName) : "pageSize";

    private static string ParameterType(QueryParameter query) =>
        query.Type is ArrayRef array ? $"{TypeSyntax.Element(array.Item).TrimEnd('?')}[]?" : TypeSyntax.Nullable(query.Type);

    /// <summary>
    /// For the offset and single walks: the first source that is present, each free-form item read as its map.
    /// A union answer has one source per member that is or holds the list.
    /// </summary>
    private string ItemsExpression(PagingModel paging)
    {
        if (paging.Items is [{ UnionMember: null } plain] && !paging.ItemsAsMaps)
        {
            return $"page.{plain.List!.Name}";
        }

        var branches = paging.Items.Select((source, i) =>
        {
            var path = source.UnionMember is null ? $"page.{source.List!.Name}"
                : source.List is null ? $"page.{source.UnionMember.Name}"
                : $"page.{source.UnionMember.Name}?.{source.List.Name}";
            var list = "list" + i.ToString(CultureInfo.InvariantCulture);
            return $"{path} is {{ }} {list} ? {(paging.ItemsAsMaps ? $"{Pager}.ValuesOf({list})" : list)}";
        });
        return string.Join(" : ", branches) + " : null";
    }

    private static string Summary(OperationModel operation, PagingModel paging)
    {
        var path = $"<c>GET {Literals.Doc(operation.Path)}</c>";
        var cursor = paging.Cursor is null ? string.Empty : Literals.Doc(paging.Cursor.WireName);
        var how = paging.Style switch
        {
            PagingStyle.Cursor => $"each page continues after the last id (<c>{cursor}</c>) until <c>{Literals.Doc(paging.HasMore!.WireName)}</c> is false, and a cursor the server repeats ends the walk with an error",
            PagingStyle.CursorTime => $"each page continues from the oldest creation time of the last (<c>{cursor}</c>), items already yielded are skipped, and a short page or one with nothing new ends the walk",
            PagingStyle.Offset => $"pages move on by <c>{cursor}</c> until a short page",
            _ => "the API has no cursor here, so this is one request for as many items as the limit allows",
        };
        var maps = paging.ItemsAsMaps ? " Each item is a free-form object, read as its map of values." : string.Empty;
        return $"Every item of {path}, fetched as the caller reads: {how}.{maps}";
    }

    private static string SizeDoc(PagingModel paging)
    {
        var range = paging.MaxPageSize is { } max ? $"1–{max.ToString("N0", CultureInfo.InvariantCulture)}" : "1 or more";
        var fallback = paging.DefaultPageSize.ToString("N0", CultureInfo.InvariantCulture);
        return paging.Style == PagingStyle.Single
            ? $"The most items to return ({range}; {fallback} when null)."
            : $"Items per request ({range}; {fallback} when null).";
    }
}
