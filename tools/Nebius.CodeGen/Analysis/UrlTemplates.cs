using System.Text.RegularExpressions;

namespace Nebius.CodeGen.Analysis;

/// <summary>RFC 6570 template pieces, spelled as Kiota spells them.</summary>
public static partial class UrlTemplates
{
    /// <summary>Kiota's SanitizeParameterNameForUrlTemplate: percent-encode, then also '-', '.' and '~'.</summary>
    public static string Sanitize(string name) =>
        Uri.EscapeDataString(name).Replace("-", "%2D", StringComparison.Ordinal).Replace(".", "%2E", StringComparison.Ordinal).Replace("~", "%7E", StringComparison.Ordinal);

    /// <summary>Required parameters as <c>?a={a}</c>, optional ones as <c>{?b*,c*}</c> (or <c>{&amp;…}</c> after required ones), sorted.</summary>
    public static string QueryPart(IEnumerable<QueryParameter> parameters)
    {
        var sorted = parameters.DistinctBy(p => p.Key).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var required = sorted.Where(p => p.Required).Select(p => $"{p.Key}={{{p.Key}}}").ToList();
        var optional = sorted.Where(p => !p.Required).Select(p => p.Key + "*").ToList();
        var result = required.Count > 0 ? "?" + string.Join('&', required) : string.Empty;
        if (optional.Count > 0)
        {
            result += (required.Count > 0 ? "{&" : "{?") + string.Join(',', optional) + "}";
        }

        return result;
    }

    /// <summary>The parameter names in a path segment such as <c>{file_id}</c> or <c>foo({a},{b})</c>.</summary>
    public static List<string> ParametersIn(string segment) => ParameterPattern().Matches(segment).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex ParameterPattern();
}
