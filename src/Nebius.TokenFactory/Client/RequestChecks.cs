using System.Globalization;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory;

/// <summary>
/// Checks of request bodies done before anything is sent, so that a mistake surfaces as an
/// <see cref="ArgumentException"/> naming the field instead of a 422 after a network round trip.
/// Only rules the contract states (required fields, documented ranges) are checked.
/// </summary>
internal static class RequestChecks
{
    public static void Chat(ChatCompletionRequest? request, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(request, parameterName);
        Required(request.Model, parameterName, "model");
        if (request.Messages is not { Count: > 0 })
        {
            throw new ArgumentException($"{parameterName}.messages must hold at least one message.", parameterName);
        }

        for (var i = 0; i < request.Messages.Count; i++)
        {
            if (request.Messages[i] is null)
            {
                throw new ArgumentException($"{parameterName}.messages[{i.ToString(CultureInfo.InvariantCulture)}] is null.", parameterName);
            }
        }

        Range(request.Temperature, 0, 2, parameterName, "temperature");
        Range(request.TopP, 0, 1, parameterName, "top_p");
        Range(request.PresencePenalty, -2, 2, parameterName, "presence_penalty");
        Range(request.FrequencyPenalty, -2, 2, parameterName, "frequency_penalty");
        Range(request.N, 1, 128, parameterName, "n");
    }

    public static void Completion(CompletionRequest? request, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(request, parameterName);
        Required(request.Model, parameterName, "model");
        if (request.Prompt is null)
        {
            throw new ArgumentException($"{parameterName}.prompt is required.", parameterName);
        }

        Range(request.Temperature, 0, 2, parameterName, "temperature");
        Range(request.TopP, 0, 1, parameterName, "top_p");
    }

    public static void Required(string? value, string parameterName, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName}.{field} is required.", parameterName);
        }
    }

    private static void Range(double? value, double min, double max, string parameterName, string field)
    {
        if (value is { } number && (double.IsNaN(number) || number < min || number > max))
        {
            throw new ArgumentOutOfRangeException(parameterName, number, $"{parameterName}.{field} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
