namespace Nebius.ContractCheck.Recording;

/// <summary>
/// What recorded secrets are replaced by. Replays send these values, so a recorded request still has to carry
/// a bearer token and the project parameter to be answered.
/// </summary>
internal static class RecordingPlaceholders
{
    public const string ApiKey = "REDACTED-NEBIUS-API-KEY";

    public const string AiProjectId = "REDACTED-AI-PROJECT-ID";

    /// <summary>A cookie's value (request cookies are dropped; a <c>Set-Cookie</c> keeps its name only).</summary>
    public const string Cookie = "REDACTED";

    public const string AiProjectIdParameter = "ai_project_id";
}
