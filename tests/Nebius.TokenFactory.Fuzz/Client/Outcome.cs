namespace Nebius.TokenFactory.Fuzz.Client;

/// <summary>How one call ended: its result, an exception, or not at all before the watchdog.</summary>
/// <param name="Result">The call's result when it returned.</param>
/// <param name="Error">The exception when it threw.</param>
/// <param name="Hung">Whether the watchdog gave up on it.</param>
internal sealed record Outcome(object? Result, Exception? Error, bool Hung)
{
    /// <summary>Whether the call returned.</summary>
    public bool Returned => !Hung && Error is null;

    /// <summary>The result or one of the exceptions the client documents; see <see cref="IsTypedException"/>.</summary>
    public bool IsTyped => !Hung && (Error is null || IsTypedException(Error));

    /// <summary>For reports: "result", "hang", or the exception's type.</summary>
    public string Kind => Hung ? "hang" : Error?.GetType().FullName ?? "result";

    /// <summary>
    /// The exceptions a call may end in whatever the server sends (README, "Errors and retries"): the API's
    /// (<see cref="NebiusApiException"/> and subclasses), a broken stream's (<see cref="NebiusStreamException"/>),
    /// bad input, the caller's cancellation, and the client's deadline. Anything else escaped untranslated.
    /// </summary>
    public static bool IsTypedException(Exception error) =>
        error is NebiusApiException or NebiusStreamException or ArgumentException or OperationCanceledException or TimeoutException;

    public static Outcome Of(object? result) => new(result, null, false);

    public static Outcome Of(Exception error) => new(null, error, false);

    public static Outcome Hang() => new(null, null, true);

    public override string ToString() => Hung ? "no end before the watchdog" : Error is null ? "returned" : $"{Error.GetType().FullName}: {Error.Message}";
}
