using Microsoft.Kiota.Abstractions;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// Carries an <see cref="HttpContent"/> that should replace the body Kiota would build. Kiota turns
/// <see cref="RequestInformation.Content"/> into a plain <c>StreamContent</c> and its multipart writer copies
/// every part into memory, so streamed uploads travel as this option instead and
/// <see cref="RequestContentHandler"/> puts the content on the message.
/// </summary>
internal sealed class RequestContentOption(HttpContent content) : IRequestOption
{
    public HttpContent Content { get; } = content;
}

/// <summary>
/// Puts the body of a <see cref="RequestContentOption"/> on the outgoing message. It runs first in the
/// pipeline, so logging, the deadline and the retry rules (no resend of a body of unknown length) all see
/// the real body.
/// </summary>
internal sealed class RequestContentHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Get<RequestContentOption>() is { } option && !ReferenceEquals(request.Content, option.Content))
        {
            request.Content?.Dispose();
            request.Content = option.Content;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
