using Microsoft.Kiota.Abstractions;

namespace Nebius.TokenFactory.Http;

/// <summary>Set by <c>NebiusCallOptions.RequireBody</c> and the generated waits: the adapter treats an answer without a body as unreadable.</summary>
internal sealed class NebiusRequiredBodyOption : IRequestOption
{
    public static readonly NebiusRequiredBodyOption Instance = new();
}
