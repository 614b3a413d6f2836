using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Serialization.Form;
using Microsoft.Kiota.Serialization.Json;
using Microsoft.Kiota.Serialization.Multipart;
using Microsoft.Kiota.Serialization.Text;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// Assembles the HTTP pipeline of a client. Outermost first: the streamed-body swap (<see cref="RequestContentHandler"/>), deadline, logging, project scope, response
/// metadata, non-JSON errors, Kiota's RedirectHandler, then our retry loop next to the wire.
/// Deliberate deviation from Kiota's default chain: its RetryHandler retries only 429/503/504 and throws
/// AggregateException when it gives up; its UserAgentHandler, ParametersNameDecodingHandler and
/// HeadersInspectionHandler are done by <see cref="NebiusRequestAdapter"/> while it builds the message
/// (no handler hop per call); UriReplacementHandler and BodyInspectionHandler, off unless asked for, are not offered.
/// </summary>
internal static class NebiusPipeline
{
    /// <summary>The product token of the User-Agent header: <c>Nebius.TokenFactory/&lt;version&gt;</c>.</summary>
    public static string Version { get; } =
        typeof(NebiusPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(NebiusPipeline).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The delegating handlers, outermost first.</summary>
    public static IList<DelegatingHandler> CreateHandlers(NebiusSettings settings, ILogger? logger)
    {
        logger ??= NullLogger.Instance;
        var handlers = new List<DelegatingHandler>
        {
            new RequestContentHandler(),
            new DeadlineHandler(settings.Timeout),
            new LoggingHandler(logger),
        };
        if (settings.AiProjectId is { } project)
        {
            handlers.Add(new ProjectScopeHandler(project));
        }

        handlers.Add(new ResponseMetadataHandler());
        handlers.Add(new NonJsonErrorHandler(new SecretRedactor(settings.ApiKey)));
        handlers.Add(new RedirectHandler());
        handlers.Add(new RetryHandler(settings.Retry, settings.OnRetry, logger));
        return handlers;
    }

    /// <summary>An HttpClient over <paramref name="transport"/> (or the default sockets handler) with the whole pipeline.</summary>
    public static HttpClient CreateHttpClient(NebiusSettings settings, ILogger? logger, HttpMessageHandler? transport)
    {
        var handlers = CreateHandlers(settings, logger);
        var first = KiotaClientFactory.ChainHandlersCollectionAndGetFirstLink(transport ?? DefaultTransport.Create(), [.. handlers]);
        // The deadline handler owns timing; HttpClient's 100 s default would cut long generations short.
        return new HttpClient(first!, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>The Kiota request adapter for a configured HttpClient, wrapped to raise <see cref="NebiusApiException"/>.</summary>
    public static IRequestAdapter CreateAdapter(NebiusSettings settings, HttpClient httpClient)
    {
        return new NebiusRequestAdapter(httpClient, settings.ApiKey, CreateParseNodeFactories(), CreateSerializationWriterFactories(), new SecretRedactor(settings.ApiKey))
        {
            BaseUrl = settings.BaseUrl.ToString().TrimEnd('/'),
            GenAiTelemetry = settings.GenAiTelemetry,
        };
    }

    /// <summary>
    /// The readers of non-JSON bodies (Kiota's text and form readers; JSON is read by the adapter into our
    /// parse node). A registry of its own, so other Kiota clients in the process keep theirs.
    /// </summary>
    private static ParseNodeFactoryRegistry CreateParseNodeFactories()
    {
        var registry = new ParseNodeFactoryRegistry();
        foreach (var factory in new IParseNodeFactory[] { new TextParseNodeFactory(), new FormParseNodeFactory() })
        {
            registry.ContentTypeAssociatedFactories[factory.ValidContentType] = factory;
        }

        return registry;
    }

    /// <summary>The request body writers: our JSON writer (Kiota's output, less work) and Kiota's text, form and multipart writers, in a registry of this client's own.</summary>
    private static SerializationWriterFactoryRegistry CreateSerializationWriterFactories()
    {
        var registry = new SerializationWriterFactoryRegistry();
        foreach (var factory in new ISerializationWriterFactory[] { new NebiusJsonSerializationWriterFactory(), new TextSerializationWriterFactory(), new FormSerializationWriterFactory(), new MultipartSerializationWriterFactory() })
        {
            registry.ContentTypeAssociatedFactories[factory.ValidContentType] = factory;
        }

        return registry;
    }
}
