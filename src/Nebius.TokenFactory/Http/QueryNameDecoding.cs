namespace Nebius.TokenFactory.Http;

/// <summary>
/// What Kiota's ParametersNameDecodingHandler does by default: URI templates cannot name a query parameter
/// <c>$select</c>, so the generated template says <c>%24select</c> and the name is decoded back to <c>$</c>
/// on the wire. Only the names are touched, and only when the query has an escape at all (almost never).
/// </summary>
internal static class QueryNameDecoding
{
    private const string EncodedDollar = "%24";

    public static Uri Decode(Uri uri)
    {
        var query = uri.Query;
        if (query.Length == 0 || !query.Contains(EncodedDollar, StringComparison.OrdinalIgnoreCase))
        {
            return uri;
        }

        var pairs = query[1..].Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            var equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pairs[i] : pairs[i][..equals];
            var decoded = name.Replace(EncodedDollar, "$", StringComparison.OrdinalIgnoreCase);
            pairs[i] = equals < 0 ? decoded : decoded + pairs[i][equals..];
        }

        return new UriBuilder(uri) { Query = string.Join('&', pairs) }.Uri;
    }
}
