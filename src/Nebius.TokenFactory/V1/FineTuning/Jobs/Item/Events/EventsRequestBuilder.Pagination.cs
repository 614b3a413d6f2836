using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Paging;

namespace Nebius.TokenFactory.V1.FineTuning.Jobs.Item.Events;

/// <summary>Every event of a job, page by page (<c>after</c> cursor).</summary>
public partial class EventsRequestBuilder
{
    /// <summary>Lists all events of the job, fetching pages as the caller reads.</summary>
    /// <param name="pageSize">Items per request (1–100).</param>
    /// <param name="cancellationToken">Stops between or during pages.</param>
    public IAsyncEnumerable<FineTuningJobEvent> ListAllAsync(int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var size = Pager.CheckPageSize(pageSize, 50, 100, nameof(pageSize));
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
