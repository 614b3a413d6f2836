using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Paging;

namespace Nebius.TokenFactory.V1.Datasets;

/// <summary>Every dataset, page by page (<c>after</c> cursor).</summary>
public partial class DatasetsRequestBuilder
{
    /// <summary>Lists all datasets of the project, fetching pages as the caller reads; stops when <c>has_more</c> is false.</summary>
    /// <param name="pageSize">Items per request (1–100; 20 when null). The API publishes no upper bound, so this stays at the other lists' 100.</param>
    /// <param name="cancellationToken">Stops between or during pages.</param>
    public IAsyncEnumerable<DatasetResponse> ListAllAsync(int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var size = Pager.CheckPageSize(pageSize, 20, 100, nameof(pageSize));
        return Pager.ByCursorAsync(
            (after, token) => GetAsync(
                c =>
                {
                    c.QueryParameters.Limit = size;
                    c.QueryParameters.After = after;
                },
                token),
            page => page.Data,
            page => page.HasMore,
            (page, last) => page.LastId ?? last.Id,
            cancellationToken);
    }
}
