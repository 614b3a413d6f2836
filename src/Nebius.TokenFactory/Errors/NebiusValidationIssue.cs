namespace Nebius.TokenFactory;

/// <summary>One field the server's validator rejected (an item of a 422 <c>detail</c> list).</summary>
/// <param name="Location">Where the problem is, e.g. <c>body.messages.0.role</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Type">The validator's error type, e.g. <c>missing</c> or <c>literal_error</c>.</param>
public sealed record NebiusValidationIssue(string Location, string Message, string? Type)
{
    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Location) ? Message : $"{Location}: {Message}";
}
