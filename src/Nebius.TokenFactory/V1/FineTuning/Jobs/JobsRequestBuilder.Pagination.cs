using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Paging;

namespace Nebius.TokenFactory.V1.FineTuning.Jobs;

/// <summary>Every fine-tuning job, page by page (<c>after</c> cursor).</summary>
public partial class JobsRequestBuilder
{
    /// <summary>Lists all fine-tuning jobs, fetching pages as the caller reads.</summary>
    /// <param name="pageSize">Items per request (1–100).</param>
    /// <param name="cancellationToken">Stops between or during pages.</param>
    public IAsyncEnumerable<FineTuningJob> ListAllAsync(int? pageSize = null, CancellationToken cancellationToken = default)
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
            (_, last) => last.Id,
            cancellationToken);
    }
}
