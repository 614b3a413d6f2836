using System.Net;
using System.Text;
using Microsoft.Kiota.Abstractions;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>A multipart/form-data body is Kiota's MultipartBody; every part reaches the wire with its file name.</summary>
public sealed class MultipartBodyTests
{
    [Fact]
    public async Task The_file_part_and_the_field_part_are_sent_with_a_boundary()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /files:
                post:
                  operationId: upload
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          required: [file, purpose]
                          properties:
                            file: {type: string, format: binary}
                            purpose: {type: string}
                  responses:
                    '200':
                      description: stored
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Stored'}
            """, """
                Stored:
                  type: object
                  properties:
                    id: {type: string}
                    bytes: {type: integer, format: int64}
            """));
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.OK, """{"id":"file-1","bytes":3000000000}""");
        var client = api.Client(http);
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":1}\n"));
        var body = new MultipartBody();
        body.AddOrReplacePart("file", "application/octet-stream", file, "batch.jsonl");
        body.AddOrReplacePart("purpose", "text/plain", "batch");

        var stored = await client.Files.PostAsync(body);

        var request = http.LastRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.StartsWith("multipart/form-data; boundary=", request.Header("Content-Type"), StringComparison.Ordinal);
        var boundary = request.Header("Content-Type")!["multipart/form-data; boundary=".Length..];
        Assert.Contains($"--{boundary}", request.BodyText, StringComparison.Ordinal);
        Assert.Contains("Content-Disposition: form-data; name=\"file\"; filename=\"batch.jsonl\"", request.BodyText, StringComparison.Ordinal);
        Assert.Contains("{\"a\":1}\n", request.BodyText, StringComparison.Ordinal);
        Assert.Contains("Content-Disposition: form-data; name=\"purpose\"", request.BodyText, StringComparison.Ordinal);
        Assert.Contains("\r\n\r\nbatch\r\n", request.BodyText, StringComparison.Ordinal);
        Assert.Equal(3_000_000_000L, (long)stored.Bytes);
    }
}
