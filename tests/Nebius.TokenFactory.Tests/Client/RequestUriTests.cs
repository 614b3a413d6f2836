using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Http;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Tests.Client;

/// <summary>The adapter's URIs must be Kiota's: the shared per-template URI and the escaped query names alike.</summary>
public sealed class RequestUriTests
{
    private static readonly NebiusApiClient Client = new(new Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter(new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider()) { BaseUrl = "https://api.tokenfactory.nebius.com" });

    public static TheoryData<string> BaseUrls() => new() { "https://api.tokenfactory.nebius.com", "http://127.0.0.1:5123/prefix", "https://host.example/a%20b" };

    [Theory]
    [MemberData(nameof(BaseUrls))]
    public void A_template_with_only_the_base_url_gives_Kiotas_uri(string baseUrl)
    {
        var requests = new[]
        {
            Client.V1.Chat.Completions.ToPostRequestInformation(new ChatCompletionRequest { Model = "m" }),
            Client.V1.Embeddings.ToPostRequestInformation(new EmbeddingRequest { Model = "m" }),
            Client.V1.Models.ToGetRequestInformation(),
            Client.V1.Files.ToGetRequestInformation(),
        };
        var factory = new RequestMessageFactory("key", new HttpClient());

        foreach (var request in requests)
        {
            Assert.True(TemplateUris.OnlyBaseUrl(request), request.UrlTemplate);
            using var first = factory.Create(request, baseUrl);
            using var second = factory.Create(request, baseUrl);

            request.PathParameters["baseurl"] = baseUrl;
            Assert.Equal(request.URI, first.RequestUri);
            Assert.Same(first.RequestUri, second.RequestUri);
        }
    }

    [Fact]
    public void Query_parameters_and_a_changed_base_url_go_through_expansion()
    {
        var factory = new RequestMessageFactory("key", new HttpClient());
        var listed = Client.V1.Files.ToGetRequestInformation(c => c.QueryParameters.Limit = 5);
        using var withQuery = factory.Create(listed, "https://a.example");
        Assert.Equal("https://a.example/v1/files?limit=5", withQuery.RequestUri!.ToString());

        using var one = factory.Create(Client.V1.Models.ToGetRequestInformation(), "https://a.example");
        using var other = factory.Create(Client.V1.Models.ToGetRequestInformation(), "https://b.example");
        Assert.Equal("https://b.example/v1/models", other.RequestUri!.ToString());
    }

    [Fact]
    public void A_uri_set_by_hand_is_kept()
    {
        var request = Client.V1.Models.ToGetRequestInformation();
        request.URI = new Uri("https://elsewhere.example/v1/models?x=1");
        using var message = new RequestMessageFactory("key", new HttpClient()).Create(request, "https://api.tokenfactory.nebius.com");

        Assert.Equal("https://elsewhere.example/v1/models?x=1", message.RequestUri!.ToString());
    }

    [Fact]
    public void Escaped_dollar_names_are_decoded_and_nothing_else()
    {
        var decoded = QueryNameDecoding.Decode(new Uri("https://h.example/p?%24select=a%24b&plain=%24&%24top"));

        Assert.Equal("https://h.example/p?$select=a%24b&plain=%24&$top", decoded.ToString());
    }
}
