using System.Diagnostics;
using System.Globalization;
using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Telemetry;

/// <summary>
/// The telemetry of one inference call: a client span named <c>{operation} {model}</c> with the GenAI
/// attributes, and the duration, token, and (for streams) first-chunk and per-chunk metrics. It travels with the
/// request as a request option, so the HTTP handlers can add the request id and retry events to it. Created only
/// when a listener is subscribed (see <see cref="Start"/>); otherwise calls carry no telemetry object at all.
/// Inside another library's GenAI client span (Microsoft.Extensions.AI's <c>UseOpenTelemetry()</c>) the call is
/// already measured there: it then makes no span and records no metric of its own, and only adds what that span
/// cannot know (retries, the request id, stream facts) to it as <c>nebius.*</c> events and tags.
/// </summary>
internal sealed class GenAiCall : IRequestOption
{
    private const string Provider = "nebius";

    private readonly Activity? _activity;

    // True when _activity is the enclosing span of another library: never stopped, renamed or measured by us.
    private readonly bool _enclosed;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string _operation;
    private readonly GenAiRequestFacts _request;
    private readonly string? _serverAddress;
    private readonly int? _serverPort;
    private readonly bool _streaming;
    private readonly List<string> _finishReasons = [];
    private long _firstChunkAt;
    private long _lastChunkAt;
    private int _chunks;
    private string? _responseId;
    private string? _responseModel;
    private long? _inputTokens;
    private long? _outputTokens;
    private string? _requestId;
    private string? _errorType;
    private bool _ended;

    private GenAiCall(string operation, GenAiRequestFacts request, Uri? server, bool streaming)
    {
        _operation = operation;
        _request = request;
        _serverAddress = server?.Host;
        _serverPort = server?.Port;
        _streaming = streaming;
        if (EnclosingGenAiSpan() is { } enclosing)
        {
            _enclosed = true;
            _activity = enclosing;
            return;
        }

        _activity = GenAiInstruments.Source.StartActivity(request.Model is null ? operation : $"{operation} {request.Model}", ActivityKind.Client);
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag("gen_ai.operation.name", operation);
            activity.SetTag("gen_ai.provider.name", Provider);
            activity.SetTag("gen_ai.request.model", request.Model);
            activity.SetTag("gen_ai.request.max_tokens", request.MaxTokens);
            activity.SetTag("gen_ai.request.temperature", request.Temperature);
            activity.SetTag("gen_ai.request.top_p", request.TopP);
            activity.SetTag("gen_ai.request.top_k", request.TopK);
            activity.SetTag("server.address", _serverAddress);
            activity.SetTag("server.port", _serverPort);
        }
    }

    /// <summary>Whether a call made now would have any telemetry to do (the client's switch is on and something listens).</summary>
    public static bool Wanted(bool enabled) => enabled && (GenAiInstruments.Enabled || EnclosingGenAiSpan() is not null);

    /// <summary>
    /// Starts the telemetry of <paramref name="request"/> when it is an inference call and <see cref="Wanted"/>;
    /// returns null (having done nothing else) otherwise.
    /// </summary>
    public static GenAiCall? Start(RequestInformation request, string? baseUrl, bool streaming, bool enabled)
    {
        if (!Wanted(enabled) || Operation(request.UrlTemplate) is not { } operation)
        {
            return null;
        }

        Uri.TryCreate(baseUrl, UriKind.Absolute, out var server);
        var call = new GenAiCall(operation, GenAiRequestFacts.Read(request.Content), server, streaming);
        request.AddRequestOptions([call]);
        return call;
    }

    /// <summary>Notes the request id of the latest HTTP response (each attempt's, the last one wins).</summary>
    public void OnHttpResponse(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("x-request-id", out var values))
        {
            _requestId = values.FirstOrDefault();
        }
    }

    /// <summary>Adds a retry as a span event: the attempt about to be made (2 for the first retry), the wait before it, and what failed.</summary>
    public void OnRetry(NebiusRetryEvent retry)
    {
        if (_activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        var tags = new ActivityTagsCollection
        {
            ["nebius.retry.attempt"] = retry.Attempt + 1,
            ["nebius.retry.delay"] = retry.Delay.TotalSeconds,
        };
        if (retry.StatusCode is { } status)
        {
            tags["http.response.status_code"] = status;
        }

        if (retry.Exception is { } exception)
        {
            tags["error.type"] = exception.GetType().FullName;
        }

        activity.AddEvent(new ActivityEvent("nebius.retry", tags: tags));
    }

    /// <summary>Takes id, model, finish reasons and usage from a parsed response.</summary>
    public void OnResponse(object? response)
    {
        switch (response)
        {
            case ChatCompletionResponse chat:
                Note(chat.Id, chat.Model, chat.Usage);
                _finishReasons.AddRange(chat.Choices?.Select(c => c.FinishReason).OfType<string>() ?? []);
                break;
            case CompletionResponse completion:
                Note(completion.Id, completion.Model, completion.Usage);
                _finishReasons.AddRange(completion.Choices?.Select(c => c.FinishReason).OfType<string>() ?? []);
                break;
            case EmbeddingResponse embeddings:
                _responseModel = embeddings.Model;
                _inputTokens = embeddings.Usage?.PromptTokens;
                break;
            default:
                break;
        }
    }

    /// <summary>Times a stream chunk and takes what it says about the answer.</summary>
    public void OnChunk(object chunk)
    {
        var now = Stopwatch.GetTimestamp();
        if (_chunks++ == 0)
        {
            _firstChunkAt = now;
            _activity?.AddEvent(new ActivityEvent(_enclosed ? "nebius.first_chunk" : "gen_ai.first_chunk"));
        }
        else if (!_enclosed && GenAiInstruments.TimePerOutputChunk.Enabled)
        {
            GenAiInstruments.TimePerOutputChunk.Record(Stopwatch.GetElapsedTime(_lastChunkAt, now).TotalSeconds, MetricTags());
        }

        _lastChunkAt = now;
        switch (chunk)
        {
            case ChatCompletionChunk chat:
                Note(chat.Id, chat.Model, chat.Usage);
                _finishReasons.AddRange(chat.Choices?.Select(c => c.FinishReason).OfType<string>() ?? []);
                break;
            case CompletionChunk completion:
                Note(completion.Id, completion.Model, completion.Usage);
                _finishReasons.AddRange(completion.Choices?.Select(c => c.FinishReason).OfType<string>() ?? []);
                break;
            default:
                break;
        }
    }

    /// <summary>Marks the call failed; <c>error.type</c> is the HTTP status for API errors, the exception type otherwise.</summary>
    public void Fail(Exception exception)
    {
        _errorType = exception is NebiusApiException api ? api.StatusCode.ToString(CultureInfo.InvariantCulture) : exception.GetType().FullName;
        _requestId ??= (exception as NebiusApiException)?.RequestId ?? (exception as NebiusStreamException)?.RequestId;
        if (!_enclosed)
        {
            _activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        }
    }

    /// <summary>Records the metrics and ends the span (once; later calls do nothing).</summary>
    public void End()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (_enclosed)
        {
            EndEnclosed();
            return;
        }

        var tags = MetricTags();
        GenAiInstruments.OperationDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        RecordTokens(_inputTokens, "input", tags);
        RecordTokens(_outputTokens, "output", tags);
        var timeToFirstChunk = _chunks > 0 ? Stopwatch.GetElapsedTime(_started, _firstChunkAt).TotalSeconds : (double?)null;
        if (_streaming && timeToFirstChunk is { } seconds)
        {
            GenAiInstruments.TimeToFirstChunk.Record(seconds, tags);
        }

        if (_activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag("gen_ai.response.id", _responseId);
                activity.SetTag("gen_ai.response.model", _responseModel);
                activity.SetTag("gen_ai.response.finish_reasons", _finishReasons.Count > 0 ? _finishReasons.ToArray() : null);
                activity.SetTag("gen_ai.usage.input_tokens", _inputTokens);
                activity.SetTag("gen_ai.usage.output_tokens", _outputTokens);
                activity.SetTag("nebius.request_id", _requestId);
                activity.SetTag("error.type", _errorType);
                if (_streaming)
                {
                    activity.SetTag("gen_ai.response.time_to_first_chunk", timeToFirstChunk);
                    activity.SetTag("nebius.stream.chunks", _chunks);
                    var streamed = Stopwatch.GetElapsedTime(_firstChunkAt, _lastChunkAt).TotalSeconds;
                    activity.SetTag("nebius.stream.chunks_per_second", _chunks > 1 && streamed > 0 ? (_chunks - 1) / streamed : null);
                }
            }

            activity.Stop();
        }
    }

    /// <summary>The current span when it is a GenAI client span of another source (the caller measures the call there).</summary>
    private static Activity? EnclosingGenAiSpan() =>
        Activity.Current is { Kind: ActivityKind.Client } current
        && current.Source != GenAiInstruments.Source
        && current.GetTagItem("gen_ai.operation.name") is not null
            ? current
            : null;

    /// <summary>What the enclosing span cannot know, as nebius.* tags; its gen_ai.* attributes and its end stay its owner's.</summary>
    private void EndEnclosed()
    {
        if (_activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        activity.SetTag("nebius.request_id", _requestId);
        if (_streaming)
        {
            activity.SetTag("nebius.stream.chunks", _chunks);
            var streamed = Stopwatch.GetElapsedTime(_firstChunkAt, _lastChunkAt).TotalSeconds;
            activity.SetTag("nebius.stream.chunks_per_second", _chunks > 1 && streamed > 0 ? (_chunks - 1) / streamed : null);
        }
    }

    /// <summary>The GenAI operation name of an inference call (the spec's <c>x-nebius-genai-operation</c>), or null for any other call.</summary>
    private static string? Operation(string? urlTemplate)
    {
        var path = urlTemplate is null ? string.Empty : urlTemplate.Split("{?", 2)[0];
        foreach (var (suffix, operation) in OperationFacts.GenAiOperations)
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                return operation;
            }
        }

        return null;
    }

    private static void RecordTokens(long? count, string type, TagList tags)
    {
        if (count is { } tokens && GenAiInstruments.TokenUsage.Enabled)
        {
            tags.Add("gen_ai.token.type", type);
            GenAiInstruments.TokenUsage.Record(tokens, tags);
        }
    }

    private void Note(string? id, string? model, CompletionUsage? usage)
    {
        _responseId ??= id;
        _responseModel ??= model;
        _inputTokens = usage?.PromptTokens ?? _inputTokens;
        _outputTokens = usage?.CompletionTokens ?? _outputTokens;
    }

    private TagList MetricTags()
    {
        var tags = new TagList
        {
            { "gen_ai.operation.name", _operation },
            { "gen_ai.provider.name", Provider },
            { "gen_ai.request.model", _request.Model },
        };
        if (_responseModel is not null)
        {
            tags.Add("gen_ai.response.model", _responseModel);
        }

        if (_serverAddress is not null)
        {
            tags.Add("server.address", _serverAddress);
            tags.Add("server.port", _serverPort);
        }

        if (_errorType is not null)
        {
            tags.Add("error.type", _errorType);
        }

        return tags;
    }
}
