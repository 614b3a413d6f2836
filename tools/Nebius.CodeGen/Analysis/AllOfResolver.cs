using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// <c>allOf</c>: one referenced object is the base class; with several, C# has single inheritance, so their
/// properties are copied in. Inline members and the schema's own properties are the model's.
/// </summary>
internal sealed class AllOfResolver(SchemaResolver schemas, ObjectResolver objects, Discriminators discriminators)
{
    public ResolvedSchema Resolve(JsonObject schema, JsonArray all, string pointer, NameHint hint)
    {
        var hasOwnShape = schema.ContainsKey("properties") || schema.ContainsKey("additionalProperties");
        if (all.Count == 1 && !hasOwnShape)
        {
            // allOf [X] is a way to put a description or default beside a reference: it is X.
            return schemas.Resolve(all[0], pointer.Child("allOf").Child(0), hint);
        }

        var model = schemas.Declare(new ModelType(hint.Namespace, schemas.TypeNameFor(hint), pointer), hint);
        model.Description = schema.Str("description");
        var members = all.Select((node, i) => (Node: node as JsonObject, Pointer: pointer.Child("allOf").Child(i))).ToList();
        var parentCount = members.Count(m => m.Node?.Str("$ref") is not null);
        foreach (var (node, memberPointer) in members)
        {
            if (node is null)
            {
                continue;
            }

            if (node.Str("$ref") is { } reference)
            {
                var target = schemas.ResolveReference(reference, memberPointer);
                if (target.Type is not NamedRef { Type: ModelType parent })
                {
                    throw new SpecException(memberPointer, "allOf members must be object schemas");
                }

                if (parentCount == 1)
                {
                    model.Base = parent;
                }
                else
                {
                    foreach (var property in AllProperties(parent))
                    {
                        ObjectResolver.AddProperty(model, property);
                    }
                }

                continue;
            }

            objects.AddProperties(model, node, memberPointer);
        }

        objects.AddProperties(model, schema, pointer);
        if (schema.Obj("discriminator") is { } discriminator)
        {
            discriminators.Defer(model, discriminator, pointer);
        }

        return new ResolvedSchema(new NamedRef(model));
    }

    private static IEnumerable<ModelProperty> AllProperties(ModelType model) =>
        model.Base is null ? model.Properties : AllProperties(model.Base).Concat(model.Properties);
}
