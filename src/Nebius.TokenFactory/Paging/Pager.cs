using System.Runtime.CompilerServices;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Paging;

/// <summary>
/// Walks the API's list endpoints page by page. The API has no single convention (facts §1.8): an
/// <c>after</c> id cursor with <c>has_more</c>, a creation-time cursor, limit/offset, or one page. Each
/// walker stops on the server's signal, checks cancellation between pages, and refuses to loop when
/// the server hands back a cursor it already gave. The generated <c>ListAllAsync</c> methods call these with the
/// operation's query parameters and page properties, as its <c>x-nebius-pagination</c> says.
/// </summary>
internal static class Pager
{
    /// <summary>Pages through <c>after</c> + <c>has_more</c>: the next cursor is the page's last id.</summary>
    public static async IAsyncEnumerable<TItem> ByCursorAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage?>> fetch,
        Func<TPage, List<TItem>?> items,
        Func<TPage, bool?> hasMore,
        Func<TPage, TItem, string?> lastId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetch(cursor, cancellationToken).ConfigureAwait(false);
            var list = page is null ? null : items(page);
            if (page is null || list is not { Count: > 0 })
            {
                yield break;
            }

            foreach (var item in list)
            {
                yield return item;
            }

            if (hasMore(page) != true)
            {
                yield break;
            }

            cursor = lastId(page, list[^1]) ?? throw new InvalidOperationException("The server said has_more but gave no id to continue after.");
            if (!cursors.Add(cursor))
            {
                throw new InvalidOperationException($"The server returned the cursor '{cursor}' twice; stopping instead of looping forever.");
            }
        }
    }

    /// <summary>Pages by <c>limit</c> + <c>offset</c> until a short page (an absent list is an empty one).</summary>
    public static async IAsyncEnumerable<TItem> ByOffsetAsync<TPage, TItem>(
        int pageSize,
        Func<int, CancellationToken, Task<TPage?>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var offset = 0; ; offset += pageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetch(offset, cancellationToken).ConfigureAwait(false);
            var count = 0;
            foreach (var item in (page is null ? null : items(page)) ?? [])
            {
                count++;
                yield return item;
            }

            if (count < pageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>One request, its items yielded: for lists the API does not page (the size is a limit on the total).</summary>
    public static async IAsyncEnumerable<TItem> OnePageAsync<TPage, TItem>(
        Func<CancellationToken, Task<TPage?>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await fetch(cancellationToken).ConfigureAwait(false);
        foreach (var item in (page is null ? null : items(page)) ?? [])
        {
            yield return item;
        }
    }

    /// <summary>Free-form items (objects without declared properties) as their maps of values.</summary>
    public static IEnumerable<IDictionary<string, object>> ValuesOf<TItem>(IEnumerable<TItem> items)
        where TItem : IAdditionalDataHolder =>
        items.Select(item => item.AdditionalData);

    /// <summary>
    /// Pages by creation time (<c>cursor_time</c>): each page continues from the oldest item of the last.
    /// Items sharing that timestamp can come again, so ids already yielded are skipped; a page with
    /// nothing new ends the walk.
    /// </summary>
    public static async IAsyncEnumerable<TItem> ByTimeAsync<TItem>(
        int pageSize,
        Func<string?, CancellationToken, Task<List<TItem>?>> fetch,
        Func<TItem, string?> id,
        Func<TItem, long?> createdAt,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetch(cursor, cancellationToken).ConfigureAwait(false) ?? [];
            var fresh = 0;
            foreach (var item in page)
            {
                if (id(item) is not { } key || seen.Add(key))
                {
                    fresh++;
                    yield return item;
                }
            }

            if (page.Count < pageSize || fresh == 0 || page.Min(createdAt) is not { } oldest)
            {
                yield break;
            }

            cursor = DateTimeOffset.FromUnixTimeSeconds(oldest).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Checks a page size before anything is sent.</summary>
    public static int CheckPageSize(int? pageSize, int defaultSize, int max, string parameterName)
    {
        var size = pageSize ?? defaultSize;
        if (size < 1 || size > max)
        {
            throw new ArgumentOutOfRangeException(parameterName, size, $"The page size must be between 1 and {max}.");
        }

        return size;
    }
}
