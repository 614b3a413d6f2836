using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Http;

namespace Nebius.TokenFactory.Transfers;

/// <summary>
/// Sends a <c>multipart/form-data</c> upload whose file part is streamed from its source (memory stays at
/// the copy buffer whatever the size; a source of unknown length goes out chunked) through the client's
/// normal pipeline: bearer auth, <c>ai_project_id</c>, deadline, typed errors. A body of unknown length is
/// never resent; a seekable one may be, after a 429 or a refused connection (the create rule of the pipeline).
/// </summary>
internal static class MultipartUpload
{
    private const int CopyBufferSize = 81920;

    public static async Task<T> SendAsync<T>(
        IRequestAdapter adapter,
        RequestInformation request,
        UploadSource source,
        IReadOnlyList<KeyValuePair<string, string>> fields,
        ParsableFactory<T> factory,
        Dictionary<string, ParsableFactory<IParsable>> errorMapping,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
        where T : IParsable
    {
        var counted = new ProgressReadStream(source.Stream, progress, source.MaxBytes, source.ParameterName, leaveOpen: true);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            // Plain fields first: a server that validates while reading sees them before the large part.
            form.Add(new StringContent(value), name);
        }

        var file = new StreamContent(counted, CopyBufferSize);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", source.FileName);

        request.Headers.TryAdd("Accept", "application/json");
        request.AddRequestOptions([new RequestContentOption(form), NebiusRequiredBodyOption.Instance]);
        try
        {
            return await adapter.SendAsync(request, factory, errorMapping, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The server answered the upload with an empty body.");
        }
        catch (HttpRequestException ex) when (Find<ArgumentException>(ex) is { } tooLarge)
        {
            // The size check fired while the HTTP stack was reading the body: surface it as the argument error it is.
            ExceptionDispatchInfo.Capture(tooLarge).Throw();
            throw;
        }
    }

    private static TException? Find<TException>(Exception exception)
        where TException : Exception
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is TException match)
            {
                return match;
            }
        }

        return null;
    }
}
