using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Streaming;

/// <summary>
/// What this library's request adapter offers the streaming calls beyond <see cref="IRequestAdapter"/>:
/// the response itself (status, headers, body), after the same error mapping as any call, and whether the
/// GenAI telemetry is on. A client built on another adapter streams through its SendPrimitiveAsync.
/// </summary>
internal interface IEventStreamSender
{
    /// <summary>Whether inference calls emit the library's GenAI spans and metrics.</summary>
    bool GenAiTelemetry { get; }

    /// <summary>Sends the request; an error status throws as for any call; null for a response without a body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="errorMapping">The operation's error models.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    Task<EventStreamResponse?> SendForEventStreamAsync(RequestInformation request, Dictionary<string, ParsableFactory<IParsable>> errorMapping, CancellationToken cancellationToken);
}
