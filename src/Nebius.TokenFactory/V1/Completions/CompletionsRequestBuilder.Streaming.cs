using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Streaming;

namespace Nebius.TokenFactory.V1.Completions;

/// <summary>Streaming for <c>POST /v1/completions</c>, which Kiota cannot generate (text/event-stream).</summary>
public partial class CompletionsRequestBuilder
{
    /// <summary>
    /// Streams a text completion: sends <paramref name="body"/> with <c>stream: true</c> and yields each
    /// <see cref="CompletionChunk"/> as its server-sent event arrives. Breaking out of the loop or
    /// cancelling closes the connection at once.
    /// </summary>
    /// <param name="body">The request, sent with <c>stream: true</c> whatever its own <c>stream</c> value; the object itself is not changed, so one request may serve several calls at once.</param>
    /// <param name="requestConfiguration">Query parameters, headers and options for the call.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <exception cref="ArgumentException">A required field is missing or a value is out of its documented range.</exception>
    /// <exception cref="NebiusApiException">The server refused the request, or sent an error frame mid-stream.</exception>
    /// <exception cref="NebiusStreamEndedException">The connection ended before the <c>[DONE]</c> terminator.</exception>
    public IAsyncEnumerable<CompletionChunk> StreamAsync(
        CompletionRequest body,
        Action<RequestConfiguration<CompletionsRequestBuilderPostQueryParameters>>? requestConfiguration = default,
        CancellationToken cancellationToken = default)
    {
        RequestChecks.Completion(body, nameof(body));
        var request = ToStreamingRequestInformation(body, requestConfiguration);
        return ServerSentEventReader.ReadAsync(RequestAdapter, request, CreatePostErrorMapping(), CompletionChunk.CreateFromDiscriminatorValue, cancellationToken);
    }

    /// <summary>The request <see cref="StreamAsync"/> sends: <see cref="ToPostStreamRequestInformation"/>'s, with <c>stream: true</c> written into the body.</summary>
    internal RequestInformation ToStreamingRequestInformation(
        CompletionRequest body,
        Action<RequestConfiguration<CompletionsRequestBuilderPostQueryParameters>>? requestConfiguration = default) =>
        StreamingRequest.Create(RequestAdapter, UrlTemplate, PathParameters, requestConfiguration, body);
}
