using System.Net;
using System.Text;

namespace Nebius.CodeGen.Tests.Compilation;

/// <summary>One request as the fake handler saw it, body included.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>A request or content header, its values joined with ", "; null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>The end of the HTTP pipeline in these tests: records each request and answers with a canned response.</summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private HttpStatusCode _status = HttpStatusCode.OK;
    private byte[] _body = [];
    private string? _contentType;
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests => _requests;

    public RecordedRequest LastRequest => _requests.Count > 0 ? _requests[^1] : throw new Xunit.Sdk.XunitException("no request was sent");

    /// <summary>Answers every following request with <paramref name="status"/> and a JSON body.</summary>
    public FakeHttpHandler RespondJson(HttpStatusCode status, string json) => Respond(status, Encoding.UTF8.GetBytes(json), "application/json");

    public FakeHttpHandler Respond(HttpStatusCode status, byte[] body, string? contentType)
    {
        _status = status;
        _body = body;
        _contentType = contentType;
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[name] = string.Join(", ", values);
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        _requests.Add(new RecordedRequest(request.Method, request.RequestUri!, headers, body));

        var response = new HttpResponseMessage(_status) { RequestMessage = request, Content = new ByteArrayContent(_body) };
        if (_contentType is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", _contentType);
        }

        return response;
    }
}
