using System.Text.Json.Nodes;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Analysis;

/// <summary>An object schema: a model class with one property per schema property.</summary>
internal sealed class ObjectResolver(SchemaResolver schemas, Discriminators discriminators)
{
    public ResolvedSchema Resolve(JsonObject schema, string pointer, NameHint hint)
    {
        var model = schemas.Declare(new ModelType(hint.Namespace, schemas.TypeNameFor(hint), pointer), hint);
        model.Description = schema.Str("description");
        model.Deprecated = schema.Bool("deprecated");
        AddProperties(model, schema, pointer);
        if (schema.Obj("discriminator") is { } discriminator)
        {
            discriminators.Defer(model, discriminator, pointer);
        }

        return new ResolvedSchema(new NamedRef(model));
    }

    /// <summary>Adds the properties <paramref name="schema"/> declares (and its closedness) to <paramref name="model"/>.</summary>
    public void AddProperties(ModelType model, JsonObject schema, string pointer)
    {
        if (schema.TryGetPropertyValue("additionalProperties", out var additional) && additional is JsonValue closed && closed.TryGetValue<bool>(out var allowed) && !allowed)
        {
            model.AdditionalData = false;
        }

        var required = schema.Arr("required")?.Select(r => r.ScalarText()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (wireName, propertySchema) in schema.Obj("properties").Entries())
        {
            var propertyPointer = pointer.Child("properties").Child(wireName);
            var resolved = schemas.Resolve(propertySchema, propertyPointer, new NameHint(model.Namespace, $"{model.Name}_{wireName}"));
            if (propertySchema is JsonObject ps && ps.Bool("x-ms-primary-error-message"))
            {
                model.PrimaryErrorMessageProperty = wireName;
            }

            AddProperty(model, new ModelProperty(wireName, Names.PropertyName(wireName), resolved.Type)
            {
                Nullable = resolved.Nullable,
                ReadOnly = resolved.ReadOnly,
                Required = required.Contains(wireName),
                Deprecated = resolved.Deprecated,
                Description = resolved.Description,
                DefaultValue = DefaultFor(resolved),
                KnownValues = resolved.KnownValues,
            });
        }
    }

    /// <summary>Adds a property unless the model already has one with that wire name (the first declaration wins).</summary>
    public static void AddProperty(ModelType model, ModelProperty property)
    {
        if (model.Properties.Any(p => p.WireName == property.WireName))
        {
            return;
        }

        model.Properties.Add(property);
    }

    /// <summary>Kiota (v1.31) assigns only string and enum defaults in the constructor; so do we.</summary>
    private static string? DefaultFor(ResolvedSchema resolved) => resolved.Type switch
    {
        PrimitiveRef { Kind: PrimitiveKind.String } => resolved.DefaultValue,
        NamedRef { Type: EnumType enumType } when enumType.Members.Any(m => m.Value == resolved.DefaultValue) => resolved.DefaultValue,
        _ => null,
    };
}
