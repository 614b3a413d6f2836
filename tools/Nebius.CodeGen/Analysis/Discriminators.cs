using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// Discriminators: the declared ones (<c>propertyName</c> and <c>mapping</c>) of base models and unions, and,
/// for a union without one, a property each object member fixes to its own value.
/// </summary>
internal sealed class Discriminators(SchemaResolver schemas)
{
    private readonly List<(ModelType Model, JsonObject Discriminator, string Pointer)> _pendingModels = [];

    /// <summary>
    /// Records a base model's discriminator. Its mapping names the subtypes, which refer back to the base through
    /// <c>allOf</c> and may be half-resolved now: the mapping is read once every component is (<see cref="CompleteModels"/>).
    /// </summary>
    public void Defer(ModelType model, JsonObject discriminator, string pointer) => _pendingModels.Add((model, discriminator, pointer));

    /// <summary>Sets the recorded models' discriminator property and subtype mapping.</summary>
    public void CompleteModels()
    {
        foreach (var (model, discriminator, pointer) in _pendingModels)
        {
            var propertyName = discriminator.Str("propertyName");
            if (propertyName is null)
            {
                continue;
            }

            model.DiscriminatorProperty = propertyName;
            foreach (var (value, target) in discriminator.Obj("mapping").Entries())
            {
                var reference = target.ScalarText() ?? throw new SpecException(pointer, "discriminator mapping values must be references");
                if (schemas.ResolveReference(reference, pointer.Child("discriminator")) is { Type: NamedRef { Type: ModelType derived } } && derived != model)
                {
                    model.DiscriminatorMapping[value] = derived;
                }
            }
        }
    }

    /// <summary>Sets a union's discriminator: the declared one, completed by the members' own fixed values; else an inferred one.</summary>
    public void ApplyToUnion(UnionType union, JsonObject? discriminator, string pointer)
    {
        var objectMembers = union.Members.Select(m => m.Type).OfType<NamedRef>().Select(n => n.Type).OfType<ModelType>().ToList();
        if (discriminator?.Str("propertyName") is { } propertyName)
        {
            union.DiscriminatorProperty = propertyName;
            foreach (var (value, target) in discriminator.Obj("mapping").Entries())
            {
                var reference = target.ScalarText() ?? throw new SpecException(pointer, "discriminator mapping values must be references");
                if (schemas.ResolveReference(reference, pointer) is { Type: NamedRef { Type: ModelType model } })
                {
                    union.DiscriminatorMapping[value] = model;
                }
            }

            foreach (var model in objectMembers)
            {
                if (ConstantOf(model, propertyName) is { } implicitValue)
                {
                    union.DiscriminatorMapping.TryAdd(implicitValue, model);
                }
            }

            return;
        }

        InferForUnion(union, objectMembers);
    }

    /// <summary>
    /// Deviation: without a declared discriminator, a property that every object member fixes to a
    /// distinct const/default (the fine-tuning integrations' "type") is used as one; "type" is tried first.
    /// </summary>
    private static void InferForUnion(UnionType union, List<ModelType> objectMembers)
    {
        if (objectMembers.Count < 2)
        {
            return;
        }

        var candidates = objectMembers[0].Properties.Where(p => p.DefaultValue is not null).Select(p => p.WireName)
            .OrderBy(name => name == "type" ? 0 : 1).ThenBy(name => name, StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var values = objectMembers.Select(m => ConstantOf(m, candidate)).ToList();
            if (values.All(v => v is not null) && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                union.DiscriminatorProperty = candidate;
                for (var i = 0; i < objectMembers.Count; i++)
                {
                    union.DiscriminatorMapping[values[i]!] = objectMembers[i];
                }

                return;
            }
        }
    }

    /// <summary>The value a model (or its nearest ancestor declaring the property) fixes the property to.</summary>
    private static string? ConstantOf(ModelType model, string wireName)
    {
        for (var current = model; current is not null; current = current.Base)
        {
            if (current.Properties.FirstOrDefault(p => p.WireName == wireName) is { } property)
            {
                return property.DefaultValue;
            }
        }

        return null;
    }
}
