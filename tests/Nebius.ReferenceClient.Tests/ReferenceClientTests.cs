using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// Our client against an independent one: for every operation with a JSON (or no) request body, the
/// generated client and the NSwag reference client send the same logical request to a loopback server
/// (method, path, query and JSON body must match) and parse the same response (an example file of the
/// contract, or a sample made from the schema) to the same values.
/// </summary>
public sealed class ReferenceClientTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    /// <summary>Operations whose request body is multipart or raw bytes: NSwag takes a FileParameter/Stream there, so no common logical body exists.</summary>
    private static readonly string[] NonJsonBodies = ["multipart/form-data", "application/octet-stream"];

    public static TheoryData<string> JsonOperations()
    {
        var data = new TheoryData<string>();
        foreach (var operation in ContractCatalog.All().Where(HasJsonOrNoBody))
        {
            data.Add(operation.ToString());
        }

        return data;
    }

    private static bool HasJsonOrNoBody(ContractOperation operation) =>
        operation.RequestMediaType is null || !NonJsonBodies.Contains(operation.RequestMediaType);

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void All_but_the_upload_operations_are_covered()
    {
        var all = ContractCatalog.All();
        var covered = all.Count(HasJsonOrNoBody);

        Assert.Equal(59, all.Count);
        Assert.Equal(["POST /v0/models/upload", "POST /v1/datasets/uploads/{upload_id}/parts", "POST /v1/files"],
            all.Where(o => o.RequestMediaType is not null && NonJsonBodies.Contains(o.RequestMediaType)).Select(o => o.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(56, covered);
    }

    [Theory]
    [MemberData(nameof(JsonOperations))]
    public async Task Both_clients_send_the_same_request_and_read_the_same_response(string name)
    {
        var operation = ContractCatalog.All().Single(o => o.ToString() == name);
        var request = LogicalRequest.For(operation);
        var (responseType, responseBody) = ResponseFor(operation);
        _server.Respond((context, _) => Answer(context, operation.SuccessStatus, responseType, responseBody));

        using var http = new HttpClient();
        var ours = await KiotaInvoker.CallAsync(KiotaInvoker.Create(http, _server.BaseUrl), operation, request);
        var theirs = await ReferenceInvoker.CallAsync(ReferenceInvoker.Create(http, _server.BaseUrl), operation, request);

        var journal = _server.Journal.ToArray();
        Assert.Equal(2, journal.Length);
        var (sentByUs, sentByThem) = (journal[0], journal[1]);
        Assert.Equal(operation.Method, sentByUs.Method);
        Assert.Equal((sentByThem.Method, sentByThem.Path), (sentByUs.Method, sentByUs.Path));
        Assert.Equal(Query(sentByThem.Query), Query(sentByUs.Query));
        Assert.Null(JsonShape.Difference(sentByThem.Body, sentByUs.Body));
        if (request.BodyJson is not null)
        {
            Assert.NotEqual("", JsonShape.Canonical(sentByUs.Body));
        }

        Assert.Null(JsonShape.Difference(await ReadTheirs(theirs), await ReadOurs(ours)));
    }

    private static readonly Lazy<JsonSerializerOptions> ReferenceOptions = new(() =>
    {
        using var http = new HttpClient();
        return new Nebius.Reference.ReferenceClient(http).SerializerOptions;
    });

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

    private static Task Answer(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    private static string[] Query(string query) =>
        [.. query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).Order(StringComparer.Ordinal)];

    /// <summary>A downloaded JSONL body, as a JSON array of its lines, so it compares like any other body.</summary>
    private static string JsonLines(string text) => "[" + string.Join(",", text.Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "]";

    private static async Task<string> ReadOurs(object? result) => result switch
    {
        null => "",
        Stream stream => JsonLines(await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync()),
        IParsable parsable => await KiotaJsonSerializer.SerializeAsStringAsync(parsable, serializeOnlyChangedValues: false),
        IEnumerable<IParsable> list => await KiotaJsonSerializer.SerializeAsStringAsync(list, serializeOnlyChangedValues: false),
        _ => JsonSerializer.Serialize(result),
    };

    private static async Task<string> ReadTheirs(object? result) => result switch
    {
        null => "",
        Nebius.Reference.FileResponse file => JsonLines(await new StreamReader(file.Stream, Encoding.UTF8).ReadToEndAsync()),
        _ => JsonSerializer.Serialize(result, result.GetType(), ReferenceOptions.Value),
    };
}
