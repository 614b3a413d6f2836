namespace Nebius.TokenFactory.AI;

/// <summary>
/// Keys of <c>ChatOptions.AdditionalProperties</c> (and <c>EmbeddingGenerationOptions.AdditionalProperties</c>)
/// that the adapters understand. Each reaches the wire under its API name; any other key is sent as an extra
/// body field as it is, so server parameters this library does not know yet can be used too.
/// </summary>
/// <example>
/// <code>
/// var options = new ChatOptions { AdditionalProperties = new() { [NebiusChatProperties.TopK] = 20, [NebiusChatProperties.AiProjectId] = "project-1" } };
/// </code>
/// </example>
public static class NebiusChatProperties
{
    /// <summary>The project the call runs in (the <c>ai_project_id</c> query parameter), overriding the client's.</summary>
    public const string AiProjectId = "ai_project_id";

    /// <summary>Sample from the k most likely tokens (<c>top_k</c>, an integer).</summary>
    public const string TopK = "top_k";

    /// <summary>Minimum probability relative to the most likely token (<c>min_p</c>, a number).</summary>
    public const string MinP = "min_p";

    /// <summary>Repetition penalty (<c>repetition_penalty</c>, a number).</summary>
    public const string RepetitionPenalty = "repetition_penalty";

    /// <summary>Constrain the output to a JSON schema (<c>guided_json</c>: a schema object or its JSON text).</summary>
    public const string GuidedJson = "guided_json";

    /// <summary>Constrain the output to a regular expression (<c>guided_regex</c>, a string).</summary>
    public const string GuidedRegex = "guided_regex";

    /// <summary>Constrain the output to one of the given strings (<c>guided_choice</c>, a list of strings).</summary>
    public const string GuidedChoice = "guided_choice";

    /// <summary>Reasoning effort as the API names it (<c>reasoning_effort</c>: none, minimal, low, medium, high, xhigh, max).</summary>
    public const string ReasoningEffort = "reasoning_effort";

    /// <summary>Arguments for the model's chat template (<c>chat_template_kwargs</c>, an object such as <c>{"enable_thinking": false}</c>).</summary>
    public const string ChatTemplateKwargs = "chat_template_kwargs";
}
