using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// One call of one client against the stub server: the contract's response for the operation is scripted, the
/// client is called, and what it sent (WireMock's request log) comes back with what it parsed, re-serialized as JSON.
/// </summary>
internal static class Exchange
{
    private static readonly Lazy<JsonSerializerOptions> ReferenceOptions = new(() =>
    {
        using var http = new HttpClient();
        return new Nebius.Reference.ReferenceClient(http).SerializerOptions;
    });

    /// <summary>Scripts the operation's answer: its example file, else a sample made from its schema.</summary>
    public static void Script(StubServer server, ContractOperation operation)
    {
        var (contentType, body) = ResponseFor(operation);
        server.Answer(operation.SuccessStatus, contentType, body);
    }

    /// <summary>Runs one call and returns the one request it sent and its result as JSON text ("" for no body).</summary>
    public static async Task<(SentRequest Sent, string Read)> RunAsync(StubServer server, Func<Task<object?>> call, Func<object?, Task<string>> read)
    {
        var result = await call();
        var sent = server.TakeSent();
        if (sent.Count != 1)
        {
            throw new Xunit.Sdk.XunitException($"expected one request, the stub server received {sent.Count}");
        }

        return (sent[0], await read(result));
    }

    private static (string ContentType, string Body) ResponseFor(ContractOperation operation)
    {
        if (operation.ResponseMediaType is not { } mediaType || operation.ResponseSchema is null)
        {
            return ("application/json", "{}");
        }

        if (mediaType != "application/json")
        {
            return (mediaType, "{\"custom_id\":\"line-1\"}\n");
        }

        var body = operation.ResponseExample is { } file
            ? File.ReadAllText(ContractCatalog.ExamplePath(file))
            : SampleJson.For(operation.ResponseSchema)!.ToJsonString();
        return (mediaType, body);
    }

    /// <summary>A downloaded JSONL body, as a JSON array of its lines, so it compares like any other body.</summary>
    private static string JsonLines(string text) => "[" + string.Join(",", text.Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "]";

    /// <summary>What a Kiota-shaped client (ours or stock) parsed, written back by Kiota's JSON serializer.</summary>
    public static async Task<string> ReadKiota(object? result) => result switch
    {
        null => "",
        Stream stream => JsonLines(await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync()),
        IParsable parsable => await KiotaJsonSerializer.SerializeAsStringAsync(parsable, serializeOnlyChangedValues: false),
        IEnumerable<IParsable> list => await KiotaJsonSerializer.SerializeAsStringAsync(list, serializeOnlyChangedValues: false),
        _ => JsonSerializer.Serialize(result),
    };

    /// <summary>What the NSwag client parsed, written back with its own serializer options.</summary>
    public static async Task<string> ReadReference(object? result) => result switch
    {
        null => "",
        Nebius.Reference.FileResponse file => JsonLines(await new StreamReader(file.Stream, Encoding.UTF8).ReadToEndAsync()),
        _ => JsonSerializer.Serialize(result, result.GetType(), ReferenceOptions.Value),
    };

    /// <summary>The query as sorted, unescaped name=value pairs (parameter order carries no meaning).</summary>
    public static string[] Query(string query) =>
        [.. query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).Order(StringComparer.Ordinal)];

    /// <summary>The media type without parameters (a charset parameter is the transport's business, not the contract's).</summary>
    public static string? MediaType(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant();
}
