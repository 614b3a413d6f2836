using System.Globalization;

namespace Nebius.TokenFactory;

/// <summary>The one wording of an unreadable body, shared by <see cref="NebiusResponseFormatException"/> and <see cref="NebiusStreamFormatException"/>.</summary>
internal static class BodyFaultText
{
    public static string Describe(string what, string? reason, string? contentType, long? byteOffset, string? excerpt, string? requestId)
    {
        var text = what;
        if (!string.IsNullOrEmpty(reason))
        {
            text += ": " + reason.TrimEnd('.');
        }

        var facts = new List<string>(3);
        if (byteOffset is { } offset)
        {
            facts.Add("at byte " + offset.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(contentType))
        {
            facts.Add("content type " + contentType);
        }

        if (!string.IsNullOrEmpty(excerpt))
        {
            facts.Add("excerpt: " + excerpt);
        }

        if (facts.Count > 0)
        {
            text += " (" + string.Join("; ", facts) + ")";
        }

        return requestId is null ? text + "." : $"{text}. [request id {requestId}]";
    }
}
