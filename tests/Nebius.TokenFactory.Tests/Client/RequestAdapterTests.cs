using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Store;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Nebius.TokenFactory.Http;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Client;

/// <summary>
/// The client's own request adapter keeps what Kiota's HttpClientRequestAdapter offers the generated code:
/// header inspection, a caller's response handler, null for bodiless answers, JSON's own rules, and the
/// key never sent over plain http.
/// </summary>
public sealed class RequestAdapterTests
{
    [Fact]
    public async Task A_headers_inspection_option_sees_the_request_and_response_headers()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, _) => LoopbackServer.Json(context, 200, """{"object":"list","data":[]}""", ("x-request-id", "req-7")));
        using var client = TestClients.Create(server);
        var inspection = new HeadersInspectionHandlerOption { InspectRequestHeaders = true, InspectResponseHeaders = true };

        await client.V1.Models.GetAsync(c => c.Options.Add(inspection));

        Assert.Equal(["req-7"], inspection.ResponseHeaders["x-request-id"]);
        Assert.Contains(inspection.RequestHeaders["User-Agent"], value => value.Contains("Nebius.TokenFactory/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_response_handler_gets_the_raw_response_and_no_error_is_raised()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, _) => LoopbackServer.Json(context, 418, """{"detail":"teapot"}"""));
        using var client = TestClients.Create(server);
        var handler = new NativeResponseHandler();

        await client.V1.Models.GetAsync(c => c.Options.Add(new ResponseHandlerOption { ResponseHandler = handler }));

        using var response = Assert.IsType<HttpResponseMessage>(handler.Value);
        Assert.Equal(418, (int)response.StatusCode);
        Assert.Contains("teapot", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(204, "")]
    [InlineData(200, "")]
    public async Task A_bodiless_answer_reads_as_null(int status, string body)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body);
        });
        using var client = TestClients.Create(server);

        Assert.Null(await client.V1.Models.GetAsync());
    }

    [Fact]
    public async Task A_byte_order_mark_is_skipped_and_content_after_the_value_is_refused()
    {
        await using var server = await LoopbackServer.StartAsync();
        var trailing = false;
        server.Respond(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync("\uFEFF"u8.ToArray());
            await context.Response.WriteAsync(trailing ? """{"object":"list","data":[]} {}""" : """{"object":"list","data":[{"id":"m"}]}""");
        });
        using var client = TestClients.Create(server);

        Assert.Equal("m", (await client.V1.Models.GetAsync())!.Data![0].Id);
        trailing = true;
        var error = await Assert.ThrowsAsync<NebiusResponseFormatException>(() => client.V1.Models.GetAsync());
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Equal(3 + 28, error.ByteOffset); // counted in the body as sent, the byte order mark included
    }

    [Fact]
    public async Task The_key_is_not_sent_over_plain_http_to_another_host()
    {
        // The options refuse an http base URL already; a raw URL given to one call is checked as it is sent.
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = TestClients.SecretKey }, transport: new RefusingHandler());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.V1.Models.WithUrl("http://api.example.invalid/v1/models").GetAsync());

        Assert.Contains("plain http", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backing_store_is_refused_with_a_reason()
    {
        var settings = new NebiusClientOptions { ApiKey = TestClients.SecretKey }.Resolve();
        using var http = new HttpClient();
        var adapter = NebiusPipeline.CreateAdapter(settings, http);

        var error = Assert.Throws<NotSupportedException>(() => adapter.EnableBackingStore(new InMemoryBackingStoreFactory()));

        Assert.Contains("backing store", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A transport that fails the test if anything reaches it.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("nothing may be sent");
    }
}
