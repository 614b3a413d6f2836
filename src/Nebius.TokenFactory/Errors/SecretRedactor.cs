namespace Nebius.TokenFactory;

/// <summary>
/// Removes the API key from text that came back from the server: a misconfigured proxy can echo the
/// Authorization header into its error page, and that text would otherwise reach logs via exceptions.
/// </summary>
internal sealed class SecretRedactor(string secret)
{
    private const string Mask = "[redacted]";

    private readonly byte[] _utf8Secret = System.Text.Encoding.UTF8.GetBytes(secret);

    /// <summary>
    /// Widens the byte range [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="bytes"/> so
    /// that it cuts through no occurrence of the key: a cut key would escape <see cref="Redact(string)"/>.
    /// </summary>
    public (int Start, int End) Cover(ReadOnlySpan<byte> bytes, int start, int end)
    {
        if (_utf8Secret.Length == 0)
        {
            return (start, end);
        }

        var from = Math.Max(0, start - _utf8Secret.Length + 1);
        var at = from;
        while (at < end && bytes[at..].IndexOf(_utf8Secret) is var found and >= 0 && at + found < end)
        {
            var keyStart = at + found;
            var keyEnd = keyStart + _utf8Secret.Length;
            start = Math.Min(start, keyStart);
            end = Math.Max(end, keyEnd);
            at = keyEnd;
        }

        return (start, end);
    }

    public string? Redact(string? text) =>
        text is null || secret.Length == 0 || !text.Contains(secret, StringComparison.Ordinal) ? text : text.Replace(secret, Mask, StringComparison.Ordinal);

    public NebiusValidationIssue Redact(NebiusValidationIssue issue) =>
        issue with { Location = Redact(issue.Location)!, Message = Redact(issue.Message)! };
}
