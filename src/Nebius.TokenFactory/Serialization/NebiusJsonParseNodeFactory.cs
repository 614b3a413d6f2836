using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// Kiota's <c>application/json</c> parse-node factory, handing out <see cref="NebiusJsonParseNode"/>s. The body
/// is parsed into a document and its root cloned, as Kiota's factory does, so the node outlives the stream.
/// </summary>
internal sealed class NebiusJsonParseNodeFactory : IAsyncParseNodeFactory
{
    /// <inheritdoc />
    public string ValidContentType => "application/json";

    /// <inheritdoc />
    [Obsolete("Use GetRootParseNodeAsync instead")]
    public IParseNode GetRootParseNode(string contentType, Stream content)
    {
        Check(contentType, content);
        using var document = JsonDocument.Parse(content);
        return new NebiusJsonParseNode(document.RootElement.Clone());
    }

    /// <inheritdoc />
    public async Task<IParseNode> GetRootParseNodeAsync(string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        Check(contentType, content);
        using var document = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new NebiusJsonParseNode(document.RootElement.Clone());
    }

    private void Check(string contentType, Stream content)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        ArgumentNullException.ThrowIfNull(content);
        if (!ValidContentType.Equals(contentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentOutOfRangeException(nameof(contentType), $"expected a {ValidContentType} content type");
        }
    }
}
