using System.Diagnostics.CodeAnalysis;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;
using Nebius.TokenFactory.Telemetry;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// Wraps Kiota's request adapter so that every error, whichever generated error model Kiota mapped it
/// to (or none), reaches the caller as one <see cref="NebiusApiException"/> family.
/// </summary>
internal sealed class NebiusRequestAdapter(IRequestAdapter inner, SecretRedactor redactor) : IRequestAdapter
{
    /// <summary>Removes the API key from server text (the streaming layer uses it for mid-stream errors).</summary>
    internal SecretRedactor Redactor => redactor;

    public string? BaseUrl
    {
        get => inner.BaseUrl;
        set => inner.BaseUrl = value;
    }

    public ISerializationWriterFactory SerializationWriterFactory => inner.SerializationWriterFactory;

    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory) => inner.EnableBackingStore(backingStoreFactory);

    public Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default) =>
        inner.ConvertToNativeRequestAsync<T>(requestInfo, cancellationToken);

    public async Task<ModelType?> SendAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        // Inference calls get their GenAI span and metrics here, where both the request body and the parsed answer are at hand.
        var call = GenAiCall.Start(requestInfo, inner.BaseUrl, streaming: false);
        try
        {
            var result = await inner.SendAsync(requestInfo, factory, errorMapping, cancellationToken).ConfigureAwait(false);
            call?.OnResponse(result);
            return result;
        }
        catch (ApiException ex) when (ex is not NebiusApiException)
        {
            var translated = ApiExceptionTranslator.Translate(ex, redactor);
            call?.Fail(translated);
            throw translated;
        }
        catch (Exception ex) when (call is not null)
        {
            call.Fail(ex);
            throw;
        }
        finally
        {
            call?.End();
        }
    }

    public async Task<IEnumerable<ModelType>?> SendCollectionAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        try
        {
            return await inner.SendCollectionAsync(requestInfo, factory, errorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex is not NebiusApiException)
        {
            throw ApiExceptionTranslator.Translate(ex, redactor);
        }
    }

    public async Task<ModelType?> SendPrimitiveAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.SendPrimitiveAsync<ModelType>(requestInfo, errorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex is not NebiusApiException)
        {
            throw ApiExceptionTranslator.Translate(ex, redactor);
        }
    }

    public async Task<IEnumerable<ModelType>?> SendPrimitiveCollectionAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.SendPrimitiveCollectionAsync<ModelType>(requestInfo, errorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex is not NebiusApiException)
        {
            throw ApiExceptionTranslator.Translate(ex, redactor);
        }
    }

    public async Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.SendNoContentAsync(requestInfo, errorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex is not NebiusApiException)
        {
            throw ApiExceptionTranslator.Translate(ex, redactor);
        }
    }
}
