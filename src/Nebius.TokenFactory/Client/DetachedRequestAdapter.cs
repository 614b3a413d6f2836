using System.Diagnostics.CodeAnalysis;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;

namespace Nebius.TokenFactory;

/// <summary>
/// The adapter of a test double made with <see cref="NebiusClient()"/>: it sends nothing, so a request the
/// double did not override fails loudly instead of reaching a network.
/// </summary>
internal sealed class DetachedRequestAdapter : IRequestAdapter
{
    public static readonly DetachedRequestAdapter Instance = new();

    private const string Message = "This NebiusClient is a test double (made with the protected constructor) and sends nothing: override the method the code under test calls.";

    public string? BaseUrl { get; set; } = NebiusEndpoints.Default.ToString().TrimEnd('/');

    public ISerializationWriterFactory SerializationWriterFactory => throw new NotSupportedException(Message);

    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory) => throw new NotSupportedException(Message);

    public Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default) => throw new NotSupportedException(Message);

    public Task<ModelType?> SendAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable => throw new NotSupportedException(Message);

    public Task<IEnumerable<ModelType>?> SendCollectionAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable => throw new NotSupportedException(Message);

    public Task<ModelType?> SendPrimitiveAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Message);

    public Task<IEnumerable<ModelType>?> SendPrimitiveCollectionAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Message);

    public Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Message);
}
