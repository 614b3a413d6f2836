using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Serialization;

/// <summary>Hands out <see cref="NebiusJsonSerializationWriter"/>s for <c>application/json</c> request bodies.</summary>
internal sealed class NebiusJsonSerializationWriterFactory : ISerializationWriterFactory
{
    public string ValidContentType => "application/json";

    public ISerializationWriter GetSerializationWriter(string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        if (!ValidContentType.Equals(contentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentOutOfRangeException(nameof(contentType), $"expected a {ValidContentType} content type");
        }

        return new NebiusJsonSerializationWriter();
    }
}
