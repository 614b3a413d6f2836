namespace Nebius.TokenFactory.Fuzz.Generators;

/// <summary>The bytes of an event stream as sent, and how they were made.</summary>
/// <param name="Description">The framing and the defect, if any.</param>
/// <param name="Bytes">The stream.</param>
/// <param name="Abort">Whether the connection is reset after these bytes (a stream cut mid-frame).</param>
internal sealed record SseBody(string Description, byte[] Bytes, bool Abort = false);
