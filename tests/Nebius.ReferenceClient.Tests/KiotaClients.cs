using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;
using Nebius.StockKiota;
using Nebius.TokenFactory;

namespace Nebius.ReferenceClient.Tests;

/// <summary>The two Kiota-shaped clients of the differential tests, each over the pipeline it ships with.</summary>
internal static class KiotaClients
{
    /// <summary>Ours as a caller gets it: the shipped <see cref="NebiusClient"/> pipeline (its own adapter, handlers and serialization).</summary>
    public static NebiusClient Ours(Uri baseUrl, HttpMessageHandler? transport = null) =>
        new(new NebiusClientOptions { ApiKey = "test", BaseUrl = baseUrl }, transport: transport);

    /// <summary>
    /// The stock Kiota client (generated at build time by StockKiota.targets) over Kiota's own
    /// <see cref="HttpClientRequestAdapter"/>, with registries of Kiota's JSON factories of its own, so nothing
    /// registered process-wide by another client can change what it reads or writes.
    /// </summary>
    public static StockClient Stock(HttpClient http, Uri baseUrl)
    {
        var parseNodes = new ParseNodeFactoryRegistry();
        parseNodes.ContentTypeAssociatedFactories["application/json"] = new JsonParseNodeFactory();
        var writers = new SerializationWriterFactoryRegistry();
        writers.ContentTypeAssociatedFactories["application/json"] = new JsonSerializationWriterFactory();
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), parseNodes, writers, http)
        {
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
        };
        return new StockClient(adapter);
    }
}
