namespace Nebius.TokenFactory.Http;

/// <summary>Fills a <see cref="NebiusResponseMetadata"/> passed with the call, success or not.</summary>
internal sealed class ResponseMetadataHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Get<NebiusResponseMetadata>() is { } metadata)
        {
            metadata.Fill(response);
            metadata.Attempts = request.Get<AttemptCounter>()?.Attempts ?? 1;
        }

        request.Get<Telemetry.GenAiCall>()?.OnHttpResponse(response);

        return response;
    }
}

/// <summary>Counts the attempts of one call (set by the retry handler, read for the metadata).</summary>
internal sealed class AttemptCounter : Microsoft.Kiota.Abstractions.IRequestOption
{
    public int Attempts { get; set; }
}
