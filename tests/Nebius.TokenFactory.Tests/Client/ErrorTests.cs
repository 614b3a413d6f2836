using Microsoft.AspNetCore.Http;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Client;

public sealed class ErrorTests
{
    private const string ValidationBody = """
        {"detail":[
          {"type":"missing","loc":["body","messages"],"msg":"Field required","input":{}},
          {"type":"literal_error","loc":["body","reasoning_effort"],"msg":"Input should be 'low', 'medium' or 'high'","input":true}
        ]}
        """;

    [Fact]
    public async Task A_422_becomes_a_validation_exception_listing_every_field()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(422, ValidationBody, ("x-request-id", "req-422"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusValidationException>(() => client.V1.Chat.Completions.PostAsync(TestRequests.Chat("m")));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("req-422", error.RequestId);
        Assert.Equal(["body.messages", "body.reasoning_effort"], error.ValidationErrors.Select(i => i.Location));
        Assert.Equal("missing", error.ValidationErrors[0].Type);
        Assert.IsType<HTTPValidationError>(error.ErrorModel);
        Assert.Contains("Field required", error.Message, StringComparison.Ordinal);
        Assert.Contains("body.reasoning_effort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_string_detail_becomes_the_exception_detail()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(404, """{"detail":"Model not found"}""", ("x-request-id", "req-404"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusNotFoundException>(() => client.V1.Models.GetAsync());

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Model not found", error.Detail);
        Assert.Equal("req-404", error.RequestId);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Contains("Model not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"detail":"Model not fo""")]
    [InlineData("""{"detail":"x"} trailing""")]
    [InlineData("""[1,2""")]
    public async Task An_error_body_that_is_not_json_is_still_one_typed_exception(string body)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(404, body, ("x-request-id", "req-bad"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusNotFoundException>(() => client.V1.Models.GetAsync());

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("req-bad", error.RequestId);
        Assert.Null(error.ErrorModel);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException?.InnerException, exactMatch: false);
    }

    [Fact]
    public async Task A_401_is_an_authentication_exception()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(401, """{"detail":"Invalid API key"}""");
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusAuthenticationException>(() => client.V1.Models.GetAsync());

        Assert.Equal("Invalid API key", error.Detail);
    }

    [Fact]
    public async Task An_html_error_page_still_gives_a_typed_exception_with_a_trimmed_body()
    {
        await using var server = await LoopbackServer.StartAsync();
        var page = "<html><body><h1>502 Bad Gateway</h1>" + new string('x', 10_000) + "</body></html>";
        server.Respond((context, _) =>
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(page);
        });
        using var client = TestClients.Create(server, o => o.Retry.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<NebiusServerException>(() => client.V1.Models.GetAsync());

        Assert.Equal(502, error.StatusCode);
        Assert.NotNull(error.ResponseBody);
        Assert.Contains("502 Bad Gateway", error.ResponseBody, StringComparison.Ordinal);
        Assert.True(error.ResponseBody.Length < 5_000, $"body kept at {error.ResponseBody.Length} chars");
    }

    [Fact]
    public async Task An_empty_503_gives_a_typed_exception()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, _) =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        using var client = TestClients.Create(server, o => o.Retry.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<NebiusServerException>(() => client.V1.Models.GetAsync());

        Assert.Equal(503, error.StatusCode);
    }

    [Fact]
    public async Task Rate_limit_headers_are_read_on_errors()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(
            429,
            """{"detail":"Rate limit exceeded"}""",
            ("Retry-After", "600"),
            ("x-ratelimit-limit-requests", "600"),
            ("x-ratelimit-remaining-requests", "0"),
            ("x-ratelimit-reset-tokens", "12s"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusRateLimitException>(() => client.V1.Models.GetAsync());

        Assert.Equal(TimeSpan.FromSeconds(600), error.RetryAfter);
        Assert.NotNull(error.RateLimit);
        Assert.Equal(600, error.RateLimit.LimitRequests);
        Assert.Equal(0, error.RateLimit.RemainingRequests);
        Assert.Equal(TimeSpan.FromSeconds(12), error.RateLimit.ResetTokens);
    }
}
