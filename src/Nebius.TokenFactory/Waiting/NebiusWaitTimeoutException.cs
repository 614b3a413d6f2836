namespace Nebius.TokenFactory;

/// <summary>A wait gave up: the resource had not reached a terminal state within <see cref="NebiusWaitOptions.Timeout"/>.</summary>
public sealed class NebiusWaitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was waited for and how long.</param>
    /// <param name="timeout">The timeout that ran out.</param>
    /// <param name="lastState">The resource as the last poll saw it.</param>
    public NebiusWaitTimeoutException(string message, TimeSpan timeout, object? lastState)
        : base(message)
    {
        Timeout = timeout;
        LastState = lastState;
    }

    /// <summary>Creates the exception.</summary>
    public NebiusWaitTimeoutException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public NebiusWaitTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public NebiusWaitTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The timeout that ran out.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The resource as the last poll saw it (a <c>Batch</c>, <c>FineTuningJob</c>, …), or null.</summary>
    public object? LastState { get; }
}
