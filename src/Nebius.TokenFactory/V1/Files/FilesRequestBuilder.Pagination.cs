using System.Runtime.CompilerServices;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Paging;

namespace Nebius.TokenFactory.V1.Files;

/// <summary>Files come in one page; this asks for a large one so nothing is cut off at the API's default of 10.</summary>
public partial class FilesRequestBuilder
{
    /// <summary>Lists the project's files (the API has no cursor for files, only a limit).</summary>
    /// <param name="purpose">Only files with this purpose.</param>
    /// <param name="limit">The most files to return (default 10,000).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public IAsyncEnumerable<FileResponse> ListAllAsync(FilePurpose? purpose = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        // Checked here, not inside the iterator, so a bad limit fails at the call rather than at the first MoveNext.
        var size = Pager.CheckPageSize(limit, 10_000, int.MaxValue, nameof(limit));
        return ListOnePageAsync(purpose, size, cancellationToken);
    }

    private async IAsyncEnumerable<FileResponse> ListOnePageAsync(FilePurpose? purpose, int size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await GetAsync(
            c =>
            {
                c.QueryParameters.Limit = size;
                c.QueryParameters.Purpose = purpose;
            },
            cancellationToken).ConfigureAwait(false);
        foreach (var file in page?.Data ?? [])
        {
            yield return file;
        }
    }
}
