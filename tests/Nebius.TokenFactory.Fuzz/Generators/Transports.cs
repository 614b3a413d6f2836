using FsCheck;
using FsCheck.Fluent;

namespace Nebius.TokenFactory.Fuzz.Generators;

/// <summary>The parts of an answer around its body: status, content type, headers, and whether the connection breaks.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The Content-Type, or null for none.</param>
/// <param name="Headers">Extra headers (Retry-After on 429 and 503).</param>
internal sealed record Transport(int Status, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public override string ToString() =>
        $"{Status} {ContentType ?? "(no content type)"}" + string.Concat(Headers.Select(h => $", {h.Key}: {h.Value}"));
}

/// <summary>Generators of <see cref="Transport"/>: mostly 200 JSON, with the error statuses and wrong content types of the brief.</summary>
internal static class Transports
{
    public const string Json = "application/json";

    /// <summary>The error statuses the API and its proxies answer with.</summary>
    public static IReadOnlyList<int> ErrorStatuses { get; } = [400, 401, 404, 422, 429, 500, 503];

    public static Gen<string?> ContentType { get; } = Gen.Frequency<string?>(
        (10, Gen.Constant<string?>(Json)),
        (2, Gen.Constant<string?>("application/json; charset=utf-8")),
        (1, Gen.Constant<string?>("text/html; charset=utf-8")),
        (1, Gen.Constant<string?>("text/event-stream")),
        (1, Gen.Constant<string?>("text/plain")),
        (1, Gen.Constant<string?>(null)));

    public static Gen<int> Status { get; } = Gen.Frequency(
        (10, Gen.Constant(200)),
        (1, Gen.Constant(201)),
        (7, Gen.Elements<int>(ErrorStatuses)));

    /// <summary>Retry-After values a server may send: seconds, a date, and garbage.</summary>
    public static Gen<string> RetryAfter { get; } = Gen.Elements("1", "0", "soon", "-1", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "");

    public static Gen<Transport> Any { get; } =
        from status in Status
        from contentType in ContentType
        from retryAfter in RetryAfter
        select new Transport(status, contentType, status is 429 or 503 ? [new("Retry-After", retryAfter)] : []);

    /// <summary>A success status with a JSON content type.</summary>
    public static Gen<Transport> JsonSuccess { get; } =
        from status in Gen.Frequency((5, Gen.Constant(200)), (1, Gen.Constant(201)))
        from contentType in Gen.Elements(Json, "application/json; charset=utf-8")
        select new Transport(status, contentType, []);
}
