using System.Net;
using System.Text;

namespace Nebius.CodeGen.Tests.Extensions;

/// <summary>Answers each request with the JSON its script returns for it, and keeps the request URIs.</summary>
internal sealed class ScriptedHandler(Func<Uri, string> answer) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent(answer(request.RequestUri!), Encoding.UTF8, "application/json"),
        });
    }
}
