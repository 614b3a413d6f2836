using Microsoft.OpenApi;

namespace Nebius.ContractCheck.Diff;

/// <summary>
/// Compares two versions of one schema, recursively, in the direction the data flows. Clients write
/// requests, so a request may not start demanding more (a new required field, a narrowed enum); clients
/// read responses, so a response may not stop delivering (a removed field, a field that became optional).
/// Changes inside a named component are located by the component (<c>Model.owned_by</c>), so one change
/// shared by many operations is reported once.
/// </summary>
internal sealed class SchemaDiff(ChangeSet changes, string operation, Direction direction)
{
    private readonly HashSet<(string?, string?)> _onPath = [];

    /// <summary>The component schemas (by head name) this walk entered.</summary>
    public HashSet<string> Reached { get; } = new(StringComparer.Ordinal);

    public void Compare(IOpenApiSchema? baseSchema, IOpenApiSchema? headSchema, string location)
    {
        if (baseSchema is null || headSchema is null)
        {
            return;
        }

        var baseRef = ReferenceId(baseSchema);
        var headRef = ReferenceId(headSchema);
        if (headRef is not null)
        {
            location = headRef;
            Reached.Add(headRef);
        }

        if ((baseRef ?? headRef) is not null && !_onPath.Add((baseRef, headRef)))
        {
            return; // a recursive schema: this pair is already being compared further up
        }

        try
        {
            CompareTypes(baseSchema, headSchema, location);
            CompareEnums(baseSchema, headSchema, location);
            CompareProperties(baseSchema, headSchema, location);
            Compare(baseSchema.Items, headSchema.Items, location + "[]");
            Compare(baseSchema.AdditionalProperties, headSchema.AdditionalProperties, location + "{*}");
            CompareVariants("anyOf", baseSchema.AnyOf, headSchema.AnyOf, location);
            CompareVariants("oneOf", baseSchema.OneOf, headSchema.OneOf, location);
            CompareVariants("allOf", baseSchema.AllOf, headSchema.AllOf, location);
        }
        finally
        {
            _onPath.Remove((baseRef, headRef));
        }
    }

    /// <summary>
    /// The component a schema stands for: its reference, or the name an inlined copy was tagged with
    /// (<see cref="Upstream.ComparableForm"/> inlines references to compare FastAPI's document by structure).
    /// </summary>
    internal static string? ReferenceId(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchemaReference reference => reference.Reference.Id,
        _ when schema.Extensions?.TryGetValue(Upstream.ComparableForm.SchemaNameKey, out var tag) == true && tag is JsonNodeExtension { Node: System.Text.Json.Nodes.JsonValue name } => (string?)name,
        _ => null,
    };

    private void CompareTypes(IOpenApiSchema baseSchema, IOpenApiSchema headSchema, string location)
    {
        var baseType = baseSchema.Type ?? 0;
        var headType = headSchema.Type ?? 0;
        var baseCore = baseType & ~JsonSchemaType.Null;
        var headCore = headType & ~JsonSchemaType.Null;
        if (baseCore != headCore && baseCore != 0 && headCore != 0)
        {
            Add(ChangeKinds.TypeChanged, location, Severity.Breaking, Severity.Breaking,
                $"type changed from {Describe(baseCore)} to {Describe(headCore)}");
        }

        var baseNullable = baseType.HasFlag(JsonSchemaType.Null);
        var headNullable = headType.HasFlag(JsonSchemaType.Null);
        if (!baseNullable && headNullable)
        {
            // Readers now have to expect null; writers may send it or not.
            Add(ChangeKinds.NullableAdded, location, Severity.Compatible, Severity.Breaking, "became nullable");
        }
        else if (baseNullable && !headNullable)
        {
            Add(ChangeKinds.NullableRemoved, location, Severity.Breaking, Severity.Compatible, "is no longer nullable");
        }

        if (!string.Equals(baseSchema.Format, headSchema.Format, StringComparison.Ordinal))
        {
            Add(ChangeKinds.FormatChanged, location, Severity.Breaking, Severity.Breaking,
                $"format changed from {baseSchema.Format ?? "(none)"} to {headSchema.Format ?? "(none)"}");
        }
    }

    private void CompareEnums(IOpenApiSchema baseSchema, IOpenApiSchema headSchema, string location)
    {
        var baseValues = EnumValues(baseSchema);
        var headValues = EnumValues(headSchema);
        if (baseValues is null && headValues is null)
        {
            return;
        }

        if (baseValues is null)
        {
            Add(ChangeKinds.EnumConstraintAdded, location, Severity.Breaking, Severity.Compatible,
                $"now restricted to {string.Join(", ", headValues!)}");
            return;
        }

        if (headValues is null)
        {
            // A closed set became open: the generated enum type becomes a plain value.
            Add(ChangeKinds.EnumConstraintRemoved, location, Severity.Compatible, Severity.Breaking, "is no longer an enum");
            return;
        }

        foreach (var removed in baseValues.Except(headValues, StringComparer.Ordinal))
        {
            Add(ChangeKinds.EnumValueRemoved, $"{location}={removed}", Severity.Breaking, Severity.Breaking, $"enum value {removed} removed");
        }

        foreach (var added in headValues.Except(baseValues, StringComparer.Ordinal))
        {
            Add(ChangeKinds.EnumValueAdded, $"{location}={added}", Severity.Compatible, Severity.Compatible, $"enum value {added} added");
        }
    }

    private void CompareProperties(IOpenApiSchema baseSchema, IOpenApiSchema headSchema, string location)
    {
        var baseProperties = baseSchema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var headProperties = headSchema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var baseRequired = baseSchema.Required ?? new HashSet<string>();
        var headRequired = headSchema.Required ?? new HashSet<string>();

        foreach (var (name, baseProperty) in baseProperties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var path = $"{location}.{name}";
            if (!headProperties.TryGetValue(name, out var headProperty))
            {
                Add(ChangeKinds.PropertyRemoved, path, Severity.Breaking, Severity.Breaking, "property removed");
                continue;
            }

            var wasRequired = baseRequired.Contains(name);
            var isRequired = headRequired.Contains(name);
            if (!wasRequired && isRequired)
            {
                Add(ChangeKinds.PropertyBecameRequired, path, Severity.Breaking, Severity.Compatible, "became required");
            }
            else if (wasRequired && !isRequired)
            {
                Add(ChangeKinds.PropertyBecameOptional, path, Severity.Compatible, Severity.Breaking, "became optional");
            }

            Compare(baseProperty, headProperty, path);
        }

        foreach (var name in headProperties.Keys.Except(baseProperties.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var required = headRequired.Contains(name);
            Add(ChangeKinds.PropertyAdded, $"{location}.{name}", required ? Severity.Breaking : Severity.Compatible, Severity.Compatible,
                required ? "required property added" : "optional property added");
        }
    }

    private void CompareVariants(string keyword, IList<IOpenApiSchema>? baseVariants, IList<IOpenApiSchema>? headVariants, string location)
    {
        var baseByKey = VariantKeys(baseVariants);
        var headByKey = VariantKeys(headVariants);
        foreach (var (key, baseVariant) in baseByKey)
        {
            if (headByKey.TryGetValue(key, out var headVariant))
            {
                Compare(baseVariant, headVariant, $"{location}<{keyword}:{key}>");
            }
            else if (key == "null")
            {
                Add(ChangeKinds.NullableRemoved, location, Severity.Breaking, Severity.Compatible, $"is no longer nullable ({keyword} lost its null branch)");
            }
            else
            {
                Add(ChangeKinds.VariantRemoved, $"{location}<{keyword}:{key}>", Severity.Breaking, Severity.Breaking, $"{keyword} variant {key} removed");
            }
        }

        foreach (var key in headByKey.Keys.Except(baseByKey.Keys, StringComparer.Ordinal))
        {
            if (key == "null")
            {
                Add(ChangeKinds.NullableAdded, location, Severity.Compatible, Severity.Breaking, $"became nullable ({keyword} gained a null branch)");
            }
            else
            {
                // allOf adds constraints; anyOf/oneOf add alternatives.
                var severity = keyword == "allOf" ? Severity.Breaking : Severity.Compatible;
                Add(ChangeKinds.VariantAdded, $"{location}<{keyword}:{key}>", severity, severity, $"{keyword} variant {key} added");
            }
        }
    }

    /// <summary>Variants are matched by the component they reference, else by their type (numbered when repeated).</summary>
    private static Dictionary<string, IOpenApiSchema> VariantKeys(IList<IOpenApiSchema>? variants)
    {
        var keys = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var variant in variants ?? [])
        {
            var key = ReferenceId(variant) ?? (variant.Type is { } type ? Describe(type) : "schema");
            var unique = key;
            for (var n = 2; keys.ContainsKey(unique); n++)
            {
                unique = $"{key}#{n}";
            }

            keys.Add(unique, variant);
        }

        return keys;
    }

    private static List<string>? EnumValues(IOpenApiSchema schema) =>
        schema.Enum is { Count: > 0 } values ? [.. values.Select(v => v?.ToJsonString() ?? "null")] : null;

    internal static string Describe(JsonSchemaType type) =>
        string.Join("|", Enum.GetValues<JsonSchemaType>().Where(t => type.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant()));

    private void Add(string kind, string location, Severity asRequest, Severity asResponse, string message)
    {
        var severity = direction == Direction.Request ? asRequest : asResponse;
        var change = new Change(kind, location, severity, direction, message);
        change.UsedBy.Add(operation);
        changes.Add(change);
    }
}
