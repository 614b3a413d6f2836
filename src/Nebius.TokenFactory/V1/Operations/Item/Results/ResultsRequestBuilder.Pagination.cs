using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Paging;

namespace Nebius.TokenFactory.V1.Operations.Item.Results;

/// <summary>Every result of an operation, page by page (<c>after</c> cursor).</summary>
public partial class ResultsRequestBuilder
{
    /// <summary>Lists all results (checkpoints for fine-tuning operations), fetching pages as the caller reads.</summary>
    /// <param name="pageSize">Items per request (1–100).</param>
    /// <param name="cancellationToken">Stops between or during pages.</param>
    public IAsyncEnumerable<FineTuningCheckpoint> ListAllAsync(int? pageSize = null, CancellationToken cancellationToken = default)
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
