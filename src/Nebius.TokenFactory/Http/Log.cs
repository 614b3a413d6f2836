using Microsoft.Extensions.Logging;

namespace Nebius.TokenFactory.Http;

/// <summary>The client's log messages. None of them carries a header, so the API key never reaches a log.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending {Method} {Path}")]
    public static partial void Sending(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status} in {ElapsedMs} ms (request id {RequestId})")]
    public static partial void Answered(ILogger logger, string method, string path, int status, long elapsedMs, string? requestId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Retrying {Method} {Path}: attempt {Attempt} of {MaxAttempts} failed ({Cause}); waiting {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string path, int attempt, int maxAttempts, long delayMs, string cause);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Method} {Path} failed after {ElapsedMs} ms: {Error}")]
    public static partial void Failed(ILogger logger, string method, string path, long elapsedMs, string error);
}
