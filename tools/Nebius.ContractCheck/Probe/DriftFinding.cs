namespace Nebius.ContractCheck.Probe;

/// <summary>One way a live response differs from the spec, at a JSON path of that response.</summary>
internal sealed record DriftFinding(string Call, string Path, string Kind, string Message)
{
    /// <summary>A field the spec does not declare.</summary>
    public const string UnknownField = "field-not-in-spec";

    /// <summary>A value outside an enum of the spec (also an open enum's known list).</summary>
    public const string UnknownEnumValue = "enum-value-not-in-spec";

    /// <summary>A required field that is absent.</summary>
    public const string MissingField = "required-field-missing";

    /// <summary>A value of a type the schema does not allow.</summary>
    public const string WrongType = "type-mismatch";

    /// <summary>The call itself failed (HTTP status, unreadable body).</summary>
    public const string CallFailed = "call-failed";
}
