using System.Globalization;

namespace Nebius.TokenFactory;

/// <summary>The <c>x-ratelimit-*</c> headers of a response, parsed (Token Factory's dynamic rate limits).</summary>
public sealed record NebiusRateLimit
{
    /// <summary>Requests allowed in the current window.</summary>
    public long? LimitRequests { get; init; }

    /// <summary>Tokens allowed in the current window.</summary>
    public long? LimitTokens { get; init; }

    /// <summary>Requests left in the current window.</summary>
    public long? RemainingRequests { get; init; }

    /// <summary>Tokens left in the current window.</summary>
    public long? RemainingTokens { get; init; }

    /// <summary>When the request allowance resets.</summary>
    public TimeSpan? ResetRequests { get; init; }

    /// <summary>When the token allowance resets.</summary>
    public TimeSpan? ResetTokens { get; init; }

    /// <summary>The dynamic scale factor applied to the request limit.</summary>
    public double? DynamicScaleRequests { get; init; }

    /// <summary>The dynamic scale factor applied to the token limit.</summary>
    public double? DynamicScaleTokens { get; init; }

    /// <summary>Time left in the dynamic-limit evaluation period.</summary>
    public TimeSpan? DynamicPeriodRemaining { get; init; }

    /// <summary>Share of the request limit used in the dynamic period, in percent.</summary>
    public double? DynamicPeriodUsageRequests { get; init; }

    /// <summary>Share of the token limit used in the dynamic period, in percent.</summary>
    public double? DynamicPeriodUsageTokens { get; init; }

    /// <summary>The request was served above the limit at low priority (<c>x-ratelimit-over-limit: yes</c>).</summary>
    public bool OverLimit { get; init; }

    /// <summary>Reads the headers; null when the response carries none of them.</summary>
    /// <param name="header">Returns the first value of a header by name, or null.</param>
    public static NebiusRateLimit? FromHeaders(Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        string? Get(string suffix) => header("x-ratelimit-" + suffix);
        var names = new[] { "limit-requests", "limit-tokens", "remaining-requests", "remaining-tokens", "reset-requests", "reset-tokens", "over-limit", "dynamic-period-remaining" };
        if (names.All(n => Get(n) is null))
        {
            return null;
        }

        return new NebiusRateLimit
        {
            LimitRequests = Long(Get("limit-requests")),
            LimitTokens = Long(Get("limit-tokens")),
            RemainingRequests = Long(Get("remaining-requests")),
            RemainingTokens = Long(Get("remaining-tokens")),
            ResetRequests = Duration(Get("reset-requests")),
            ResetTokens = Duration(Get("reset-tokens")),
            DynamicScaleRequests = Number(Get("dynamic-scale-requests")),
            DynamicScaleTokens = Number(Get("dynamic-scale-tokens")),
            DynamicPeriodRemaining = Duration(Get("dynamic-period-remaining")),
            DynamicPeriodUsageRequests = Number(Get("dynamic-period-usage-requests")?.TrimEnd('%')),
            DynamicPeriodUsageTokens = Number(Get("dynamic-period-usage-tokens")?.TrimEnd('%')),
            OverLimit = string.Equals(Get("over-limit"), "yes", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static long? Long(string? value) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) ? result : null;

    private static double? Number(string? value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) ? result : null;

    /// <summary>Durations come as <c>1s</c>, <c>900s</c>, <c>250ms</c> or <c>1m30s</c>.</summary>
    private static TimeSpan? Duration(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var total = TimeSpan.Zero;
        var rest = value.Trim().AsSpan();
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            var units = digits;
            while (units < rest.Length && char.IsAsciiLetter(rest[units]))
            {
                units++;
            }

            if (digits == 0 || !double.TryParse(rest[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                return null;
            }

            total += rest[digits..units] switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" or "" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.MinValue,
            };
            if (total < TimeSpan.Zero)
            {
                return null;
            }

            rest = rest[units..];
        }

        return total;
    }
}
