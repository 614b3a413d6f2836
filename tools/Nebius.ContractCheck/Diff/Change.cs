namespace Nebius.ContractCheck.Diff;

/// <summary>Whether a change can break an existing client.</summary>
internal enum Severity
{
    Compatible,
    Breaking,
}

/// <summary>Which way data flows through the changed part: clients write requests and read responses.</summary>
[Flags]
internal enum Direction
{
    None = 0,
    Request = 1,
    Response = 2,
}

/// <summary>
/// One semantic difference between two versions of the spec. <see cref="Id"/> (<c>kind location</c>) is
/// stable across runs, so a maintainer can list it in the acknowledgement file.
/// </summary>
internal sealed class Change(string kind, string location, Severity severity, Direction direction, string message)
{
    /// <summary>A short code such as <c>property-removed</c>; see <see cref="ChangeKinds"/>.</summary>
    public string Kind { get; } = kind;

    /// <summary>Where: an operation (<c>GET /v1/models</c>), a parameter, or a schema path (<c>Model.owned_by</c>).</summary>
    public string Location { get; } = location;

    public Severity Severity { get; private set; } = severity;

    public Direction Direction { get; private set; } = direction;

    public string Message { get; } = message;

    /// <summary>The operations whose requests or responses contain the changed part.</summary>
    public SortedSet<string> UsedBy { get; } = new(StringComparer.Ordinal);

    /// <summary>Set when the acknowledgement file lists the change or the spec version was bumped.</summary>
    public bool Acknowledged { get; set; }

    public string Id => $"{Kind} {Location}";

    /// <summary>The same change seen from another operation or direction: keep the worse severity.</summary>
    public void Merge(Change other)
    {
        Direction |= other.Direction;
        if (other.Severity > Severity)
        {
            Severity = other.Severity;
        }

        UsedBy.UnionWith(other.UsedBy);
    }
}

/// <summary>The change kinds the diff reports.</summary>
internal static class ChangeKinds
{
    public const string OperationRemoved = "operation-removed";
    public const string OperationAdded = "operation-added";
    public const string OperationIdChanged = "operation-id-changed";
    public const string ParameterRemoved = "parameter-removed";
    public const string ParameterAdded = "parameter-added";
    public const string ParameterBecameRequired = "parameter-became-required";
    public const string ParameterBecameOptional = "parameter-became-optional";
    public const string RequestBodyRemoved = "request-body-removed";
    public const string RequestBodyAdded = "request-body-added";
    public const string RequestBodyBecameRequired = "request-body-became-required";
    public const string RequestBodyBecameOptional = "request-body-became-optional";
    public const string MediaTypeRemoved = "media-type-removed";
    public const string MediaTypeAdded = "media-type-added";
    public const string ResponseRemoved = "response-removed";
    public const string ResponseAdded = "response-added";
    public const string SchemaRemoved = "schema-removed";
    public const string SchemaAdded = "schema-added";
    public const string PropertyRemoved = "property-removed";
    public const string PropertyAdded = "property-added";
    public const string PropertyBecameRequired = "property-became-required";
    public const string PropertyBecameOptional = "property-became-optional";
    public const string TypeChanged = "type-changed";
    public const string FormatChanged = "format-changed";
    public const string NullableAdded = "nullable-added";
    public const string NullableRemoved = "nullable-removed";
    public const string EnumValueRemoved = "enum-value-removed";
    public const string EnumValueAdded = "enum-value-added";
    public const string EnumConstraintAdded = "enum-constraint-added";
    public const string EnumConstraintRemoved = "enum-constraint-removed";
    public const string VariantRemoved = "variant-removed";
    public const string VariantAdded = "variant-added";
}
