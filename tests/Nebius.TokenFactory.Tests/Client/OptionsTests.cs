namespace Nebius.TokenFactory.Tests.Client;

public sealed class OptionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void A_missing_key_names_the_option_and_the_environment_variable()
    {
        var error = Assert.Throws<ArgumentException>(() => new NebiusClientOptions().Resolve(NoEnvironment));

        Assert.Equal(nameof(NebiusClientOptions.ApiKey), error.ParamName);
        Assert.Contains("NEBIUS_API_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_falls_back_to_the_environment()
    {
        var settings = new NebiusClientOptions().Resolve(name => name == "NEBIUS_API_KEY" ? " env-key " : null);

        Assert.Equal("env-key", settings.ApiKey);
    }

    [Fact]
    public void An_explicit_key_wins_over_the_environment()
    {
        var settings = new NebiusClientOptions { ApiKey = "explicit" }.Resolve(_ => "env-key");

        Assert.Equal("explicit", settings.ApiKey);
    }

    [Theory]
    [InlineData("http://api.tokenfactory.nebius.com")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("https://api.tokenfactory.nebius.com/?x=1")]
    public void Unsafe_or_malformed_base_urls_are_refused_naming_the_option(string url)
    {
        var options = new NebiusClientOptions { ApiKey = "k", BaseUrl = new Uri(url) };

        var error = Assert.Throws<ArgumentException>(() => options.Resolve(NoEnvironment));

        Assert.Equal(nameof(NebiusClientOptions.BaseUrl), error.ParamName);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/v1/", "http://localhost:5000/")]
    [InlineData("https://api.tokenfactory.eu-west1.nebius.com/v1", "https://api.tokenfactory.eu-west1.nebius.com/")]
    public void Loopback_http_and_a_trailing_v1_are_accepted(string url, string expected)
    {
        var settings = new NebiusClientOptions { ApiKey = "k", BaseUrl = new Uri(url) }.Resolve(NoEnvironment);

        Assert.Equal(new Uri(expected), settings.BaseUrl);
    }

    [Fact]
    public void The_default_endpoint_is_the_main_host() =>
        Assert.Equal(new Uri("https://api.tokenfactory.nebius.com/"), new NebiusClientOptions { ApiKey = "k" }.Resolve(NoEnvironment).BaseUrl);

    [Fact]
    public void A_non_positive_timeout_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new NebiusClientOptions { ApiKey = "k", Timeout = TimeSpan.Zero }.Resolve(NoEnvironment));

        Assert.Equal(nameof(NebiusClientOptions.Timeout), error.ParamName);
    }

    [Fact]
    public void A_blank_project_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new NebiusClientOptions { ApiKey = "k", AiProjectId = " " }.Resolve(NoEnvironment));

        Assert.Equal(nameof(NebiusClientOptions.AiProjectId), error.ParamName);
    }

    [Fact]
    public void Negative_retry_counts_are_refused()
    {
        var options = new NebiusClientOptions { ApiKey = "k", Retry = new NebiusRetryOptions { MaxRetries = -1 } };

        var error = Assert.ThrowsAny<ArgumentException>(() => options.Resolve(NoEnvironment));

        Assert.Contains(nameof(NebiusRetryOptions.MaxRetries), error.ParamName, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_never_print_the_key()
    {
        var settings = new NebiusClientOptions { ApiKey = "super-secret" }.Resolve(NoEnvironment);

        Assert.DoesNotContain("super-secret", settings.ToString(), StringComparison.Ordinal);
    }
}
