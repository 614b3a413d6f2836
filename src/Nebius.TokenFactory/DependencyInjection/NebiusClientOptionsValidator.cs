using Microsoft.Extensions.Options;

namespace Nebius.TokenFactory;

/// <summary>
/// Checks <see cref="NebiusClientOptions"/> with the same rules the client applies when it is built, so a host
/// with <c>ValidateOnStart</c> fails at start-up naming the bad option instead of at the first call.
/// </summary>
internal sealed class NebiusClientOptionsValidator : IValidateOptions<NebiusClientOptions>
{
    public ValidateOptionsResult Validate(string? name, NebiusClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Resolve();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"NebiusClientOptions '{name}': {ex.Message}");
        }
    }
}
