using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.V1.Datasets.Uploads.Item;

/// <summary>Abandoning a multipart dataset upload.</summary>
public partial class WithUploadItemRequestBuilder
{
    /// <summary>
    /// Cancels the upload (<c>POST …/cancel</c>) and returns its state as <c>GET /v1/datasets/uploads/{upload_id}</c>
    /// then reports it (normally <c>CANCELLED</c>). The cancel call's own answer is not published; read it with
    /// <c>Cancel.PostAsync</c> when it matters.
    /// </summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The upload after the cancel.</returns>
    /// <exception cref="NebiusApiException">The server refused either call.</exception>
    public async Task<UploadResponse> CancelAsync(CancellationToken cancellationToken = default)
    {
        await Cancel.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return await GetAsync(c => c.RequireBody(), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The server answered the upload's state with an empty body.");
    }
}
