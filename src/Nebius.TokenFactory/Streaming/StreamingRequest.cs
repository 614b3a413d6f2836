using System.Diagnostics.CodeAnalysis;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Streaming;

/// <summary>Builds the request of a streaming call from the caller's body without changing the body.</summary>
internal static class StreamingRequest
{
    /// <summary>
    /// The generated <c>ToPostStreamRequestInformation</c> request (the operation's URL, the caller's configuration,
    /// <c>Accept: text/event-stream</c>, a JSON body), whose body carries <c>"stream": true</c> written by
    /// <see cref="StreamingBody"/>. Built here rather than by the generated method because that one serializes the
    /// body as it is, and setting the flag on the caller's object would race with other calls sharing it.
    /// </summary>
    public static RequestInformation Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TQuery>(
        IRequestAdapter adapter,
        string urlTemplate,
        Dictionary<string, object> pathParameters,
        Action<RequestConfiguration<TQuery>>? requestConfiguration,
        IParsable body)
        where TQuery : class, new()
    {
        var request = new RequestInformation(Method.POST, urlTemplate, pathParameters);
        request.Configure(requestConfiguration);
        request.Headers.Remove("Accept");
        request.Headers.Add("Accept", "text/event-stream");
        request.SetContentFromParsable(adapter, "application/json", new StreamingBody(body));
        return request;
    }
}
