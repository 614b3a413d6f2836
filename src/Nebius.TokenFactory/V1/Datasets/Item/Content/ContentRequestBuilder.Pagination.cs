using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Paging;

namespace Nebius.TokenFactory.V1.Datasets.Item.Content;

/// <summary>Every row of a dataset, page by page (<c>limit</c> + <c>offset</c>).</summary>
public partial class ContentRequestBuilder
{
    /// <summary>
    /// Reads all rows as column-to-value maps, fetching pages as the caller reads. Both answer shapes
    /// clients have seen are handled: a bare row array and <c>{rows, version}</c>.
    /// </summary>
    /// <param name="pageSize">Rows per request (1–1000).</param>
    /// <param name="cancellationToken">Stops between or during pages.</param>
    public IAsyncEnumerable<IDictionary<string, object>> ReadAllRowsAsync(int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var size = Pager.CheckPageSize(pageSize, 100, 1000, nameof(pageSize));
        return Pager.ByOffsetAsync<IDictionary<string, object>>(
            size,
            async (offset, token) =>
            {
                var content = await GetAsync(
                    c =>
                    {
                        c.QueryParameters.Limit = size;
                        c.QueryParameters.Offset = offset;
                    },
                    token).ConfigureAwait(false);
                return Rows(content);
            },
            cancellationToken);
    }

    private static IReadOnlyList<IDictionary<string, object>> Rows(DatasetContent? content) =>
        content?.DatasetContentMember1Values is { } array ? [.. array.Select(row => row.AdditionalData)]
        : content?.DatasetRowsPage?.Rows is { } rows ? [.. rows.Select(row => row.AdditionalData)]
        : [];
}
