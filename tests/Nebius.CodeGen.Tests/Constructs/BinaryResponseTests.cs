using System.Net;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>A binary response is a Stream with the raw bytes; Accept names the binary type and the error type.</summary>
public sealed class BinaryResponseTests
{
    [Fact]
    public async Task The_response_bytes_arrive_unchanged_as_a_stream()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /files/{file_id}/content:
                get:
                  operationId: download
                  parameters:
                    - {name: file_id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: the file
                      content:
                        application/octet-stream:
                          schema: {type: string, format: binary}
                    '404':
                      description: missing
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Missing'}
            """, """
                Missing:
                  type: object
                  properties:
                    detail: {type: string}
            """));
        byte[] payload = [0, 1, 2, 0xFF, 0xFE, (byte)'{'];
        var http = new FakeHttpHandler().Respond(HttpStatusCode.OK, payload, "application/octet-stream");

        Assert.Equal(typeof(Task<Stream>), api.Type("Files.Item.Content.ContentRequestBuilder").GetMethod("GetAsync")!.ReturnType);
        using Stream stream = await api.Client(http).Files["f1"].Content.GetAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(payload, copy.ToArray());
        Assert.Equal("http://127.0.0.1/api/files/f1/content", http.LastRequest.Uri.AbsoluteUri);
        Assert.Equal("application/octet-stream, application/json", http.LastRequest.Header("Accept"));
    }
}
