using System.Text.Json;

namespace Nebius.TokenFactory.Telemetry;

/// <summary>
/// The request fields the GenAI conventions record (model, sampling settings), read from the serialized body
/// with a forward-only reader: the body is already in memory, and this runs only when telemetry is listened to.
/// </summary>
internal sealed class GenAiRequestFacts
{
    public string? Model { get; private set; }

    public long? MaxTokens { get; private set; }

    public double? Temperature { get; private set; }

    public double? TopP { get; private set; }

    public double? TopK { get; private set; }

    public static GenAiRequestFacts Read(Stream? content)
    {
        var facts = new GenAiRequestFacts();
        if (content is not MemoryStream memory || !memory.TryGetBuffer(out var buffer))
        {
            return facts;
        }

        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan((int)memory.Position));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return facts;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "model" when reader.TokenType == JsonTokenType.String:
                        facts.Model = reader.GetString();
                        break;
                    case "max_tokens" or "max_completion_tokens" when reader.TokenType == JsonTokenType.Number:
                        facts.MaxTokens = reader.GetInt64();
                        break;
                    case "temperature" when reader.TokenType == JsonTokenType.Number:
                        facts.Temperature = reader.GetDouble();
                        break;
                    case "top_p" when reader.TokenType == JsonTokenType.Number:
                        facts.TopP = reader.GetDouble();
                        break;
                    case "top_k" when reader.TokenType == JsonTokenType.Number:
                        facts.TopK = reader.GetDouble();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Telemetry never fails a call: a body we cannot read just records fewer attributes.
        }

        return facts;
    }
}
