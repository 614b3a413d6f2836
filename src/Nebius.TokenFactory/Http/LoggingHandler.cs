using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Nebius.TokenFactory.Http;

/// <summary>Logs each call's method, path, status, time and request id; never headers, query strings or bodies.</summary>
internal sealed class LoggingHandler(ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!logger.IsEnabled(LogLevel.Debug) && !logger.IsEnabled(LogLevel.Warning))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var started = Stopwatch.GetTimestamp();
        Log.Sending(logger, request.Method.Method, path);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
                var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Log.Answered(logger, request.Method.Method, path, (int)response.StatusCode, elapsedMs, requestId);
            }

            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Failed(logger, request.Method.Method, path, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.Message);
            throw;
        }
    }
}
