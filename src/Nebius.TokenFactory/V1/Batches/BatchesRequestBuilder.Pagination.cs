using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Paging;

namespace Nebius.TokenFactory.V1.Batches;

/// <summary>Every batch, page by page (<c>after</c> cursor).</summary>
public partial class BatchesRequestBuilder
{
    /// <summary>Lists all batches, fetching pages as the caller reads; stops when <c>has_more</c> is false.</summary>
    /// <param name="pageSize">Items per request (1–100, server default when null).</param>
    /// <param name="inputFileId">Only batches over this input file.</param>
    /// <param name="cancellationToken">Stops between or during pages.</param>
    public IAsyncEnumerable<Batch> ListAllAsync(int? pageSize = null, string? inputFileId = null, CancellationToken cancellationToken = default)
    {
        var size = Pager.CheckPageSize(pageSize, 20, 100, nameof(pageSize));
        return Pager.ByCursorAsync(
            (after, token) => GetAsync(
                c =>
                {
                    c.QueryParameters.Limit = size;
                    c.QueryParameters.After = after;
                    c.QueryParameters.InputFileId = inputFileId;
                },
                token),
            page => page.Data,
            page => page.HasMore,
            (page, last) => page.LastId ?? last.Id,
            cancellationToken);
    }
}
