using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Paging;

namespace Nebius.TokenFactory.V1.Operations;

/// <summary>Every operation, page by page (<c>cursor_time</c>, newest first).</summary>
public partial class OperationsRequestBuilder
{
    /// <summary>Lists all operations, fetching pages as the caller reads. Items are never yielded twice.</summary>
    /// <param name="pageSize">Items per request (1–100).</param>
    /// <param name="cancellationToken">Stops between or during pages.</param>
    public IAsyncEnumerable<OperationResponse> ListAllAsync(int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var size = Pager.CheckPageSize(pageSize, 100, 100, nameof(pageSize));
        return Pager.ByTimeAsync(
            size,
            async (cursor, token) => (await GetAsync(
                c =>
                {
                    c.QueryParameters.Limit = size;
                    c.QueryParameters.CursorTime = cursor;
                },
                token).ConfigureAwait(false))?.Data,
            operation => operation.Id,
            operation => operation.CreatedAt,
            cancellationToken);
    }
}
