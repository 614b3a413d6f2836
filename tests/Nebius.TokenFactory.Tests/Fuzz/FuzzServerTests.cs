using Nebius.TokenFactory.Fuzz.Server;

namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>The fuzz server sends exactly the planned answer, and a reset comes after the status line, not instead of it.</summary>
public sealed class FuzzServerTests
{
    [Fact]
    public async Task Sends_the_status_headers_and_bytes_as_planned()
    {
        await using var server = await FuzzServer.StartAsync();
        byte[] body = [.. "{\"a\":\"\xC3"u8, 0xFF, .. "\"}"u8];
        server.AnswerWith(new Answer(422, "text/plain", body, [1, 3, body.Length - 4], AbortAfterBody: false) { Headers = [new("Retry-After", "soon")] });
        using var http = new HttpClient();

        using var response = await http.GetAsync(server.BaseUrl);

        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("soon", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(Answer.RequestId, response.Headers.GetValues("x-request-id").Single());
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Sends_no_content_type_when_none_is_planned()
    {
        await using var server = await FuzzServer.StartAsync();
        server.AnswerWith(new Answer(200, null, "{}"u8.ToArray(), [2], AbortAfterBody: false));
        using var http = new HttpClient();

        using var response = await http.GetAsync(server.BaseUrl);

        Assert.Null(response.Content.Headers.ContentType);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public async Task A_reset_breaks_the_body_after_the_headers_arrived(int bytes)
    {
        await using var server = await FuzzServer.StartAsync();
        var body = "{\"object\":"u8.ToArray()[..bytes];
        server.AnswerWith(new Answer(200, "application/json", body, bytes == 0 ? [] : [bytes], AbortAfterBody: true));
        using var http = new HttpClient();

        using var response = await http.GetAsync(server.BaseUrl, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsByteArrayAsync());
        Assert.True(error is IOException || error.InnerException is IOException, $"not a broken body: {error}");
    }
}
