namespace Nebius.TokenFactory;

/// <summary>
/// Removes the API key from text that came back from the server: a misconfigured proxy can echo the
/// Authorization header into its error page, and that text would otherwise reach logs via exceptions.
/// </summary>
internal sealed class SecretRedactor(string secret)
{
    private const string Mask = "[redacted]";

    public string? Redact(string? text) =>
        text is null || secret.Length == 0 || !text.Contains(secret, StringComparison.Ordinal) ? text : text.Replace(secret, Mask, StringComparison.Ordinal);

    public NebiusValidationIssue Redact(NebiusValidationIssue issue) =>
        issue with { Location = Redact(issue.Location)!, Message = Redact(issue.Message)! };
}
