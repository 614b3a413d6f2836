using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Nebius.ReferenceClient.Tests;

/// <summary>What a client sent, as WireMock's request log recorded it.</summary>
internal sealed record SentRequest(string Method, string Path, string Query, string? ContentType, string Body);

/// <summary>
/// A WireMock.Net server on 127.0.0.1 (a free port), shared by the tests of a class: it answers every request
/// with one scripted response, and its request log is the record of what each client sent. The address is
/// given explicitly: WireMock's default listens on every interface.
/// </summary>
public sealed class StubServer : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings
    {
        Urls = [$"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}"],
    });

    public Uri BaseUrl => new(_server.Url!);

    /// <summary>Forgets earlier requests and answers every request with this status, content type and body.</summary>
    public void Answer(int status, string contentType, string body)
    {
        _server.Reset();
        _server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
    }

    /// <summary>The requests received since the last call (or <see cref="Answer"/>), in arrival order; the log is emptied.</summary>
    internal IReadOnlyList<SentRequest> TakeSent()
    {
        var sent = Recorded();
        _server.ResetLogEntries();
        return sent;
    }

    private List<SentRequest> Recorded() =>
        [.. _server.LogEntries
            .Select(e => e.RequestMessage)
            .Select(m => new SentRequest(
                m.Method,
                m.AbsolutePath,
                m.RawQuery ?? "",
                m.Headers is { } headers && headers.TryGetValue("Content-Type", out var type) ? string.Join(",", type) : null,
                m.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : m.Body ?? ""))];

    public void Dispose() => _server.Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
