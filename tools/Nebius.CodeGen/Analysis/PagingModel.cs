namespace Nebius.CodeGen.Analysis;

/// <summary>How a list operation is walked, as its <c>x-nebius-pagination</c> says (openapi/README.md).</summary>
public enum PagingStyle
{
    /// <summary>An <c>after</c>-style id cursor, until the page says it has no more.</summary>
    Cursor,

    /// <summary>A creation-time cursor: each page continues from the oldest item of the last.</summary>
    CursorTime,

    /// <summary>Limit and offset, until a short page.</summary>
    Offset,

    /// <summary>One page, as large as the caller allows.</summary>
    Single,
}

/// <summary>
/// Where a page keeps its items: <see cref="UnionMember"/> names the member of a union answer that holds them
/// (null for a plain page model), <see cref="List"/> the page property that is the list (null when the union
/// member is the list itself).
/// </summary>
public sealed record ItemSource(UnionMember? UnionMember, ModelProperty? List);

/// <summary>The paging method of one list operation: what it sends, where it reads items and when it stops.</summary>
public sealed class PagingModel
{
    public required PagingStyle Style { get; init; }

    /// <summary>The C# method name (<c>ListAllAsync</c> unless the extension names another).</summary>
    public required string MethodName { get; init; }

    /// <summary>The query parameter that sets the page size (the total size for <see cref="PagingStyle.Single"/>).</summary>
    public required QueryParameter PageSize { get; init; }

    public required int DefaultPageSize { get; init; }

    /// <summary>The largest page size the method accepts; null when the API publishes none.</summary>
    public required int? MaxPageSize { get; init; }

    /// <summary>The query parameter that carries the cursor or offset; null for <see cref="PagingStyle.Single"/>.</summary>
    public required QueryParameter? Cursor { get; init; }

    /// <summary>The query parameters the method takes, in order (the page size among them).</summary>
    public required IReadOnlyList<QueryParameter> Arguments { get; init; }

    /// <summary>One source for a page model, one per member for a union answer.</summary>
    public required IReadOnlyList<ItemSource> Items { get; init; }

    /// <summary>The item type as the page declares it.</summary>
    public required TypeRef ItemType { get; init; }

    /// <summary>Items are free-form objects: the method yields each one's map of values.</summary>
    public required bool ItemsAsMaps { get; init; }

    public ModelProperty? HasMore { get; init; }

    public ModelProperty? LastId { get; init; }

    public ModelProperty? ItemId { get; init; }

    public ModelProperty? CreatedAt { get; init; }
}
