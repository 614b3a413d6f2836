using System.Text.Json.Nodes;
using Nebius.CodeGen.Naming;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// Turns JSON schemas into C# types the way Kiota does. This class dispatches on a schema's shape to the resolver
/// of that shape (<see cref="ObjectResolver"/>, <see cref="AllOfResolver"/>, <see cref="CompositionResolver"/>,
/// <see cref="EnumResolver"/>) and keeps one resolution per component schema. Every component is generated, even
/// when no operation uses it (the batch JSONL lines are such components). Deviations from Kiota are documented
/// where they are made: FastAPI's <c>anyOf [X, null]</c> is "nullable X" (composition), an <c>anyOf</c> of plain
/// strings and string enums is an open enum (<see cref="OpenEnums"/>).
/// </summary>
public sealed class SchemaResolver
{
    private readonly string _modelsNamespace;
    private readonly ReferenceFollower _references;
    private readonly ComponentSchemas _components;
    private readonly TypeRegistry _registry;
    private readonly Dictionary<string, ResolvedSchema> _resolvedComponents = new(StringComparer.Ordinal);
    private readonly Discriminators _discriminators;
    private readonly CompositionResolver _compositions;
    private readonly AllOfResolver _allOfs;
    private readonly EnumResolver _enums;
    private readonly ObjectResolver _objects;

    public SchemaResolver(JsonObject root, string modelsNamespace, TypeRegistry registry)
    {
        _modelsNamespace = modelsNamespace;
        _registry = registry;
        _references = new ReferenceFollower(root);
        _components = new ComponentSchemas(root, modelsNamespace, registry);
        _discriminators = new Discriminators(this);
        _objects = new ObjectResolver(this, _discriminators);
        _compositions = new CompositionResolver(this, _discriminators);
        _allOfs = new AllOfResolver(this, _objects, _discriminators);
        _enums = new EnumResolver(this);
    }

    /// <summary>Resolves every component schema, so that each one is generated.</summary>
    public void ResolveAllComponents()
    {
        foreach (var name in _components.All)
        {
            ResolveComponent(name, ComponentSchemas.Prefix + name);
        }

        _discriminators.CompleteModels();
    }

    /// <summary>Resolves a schema; inline objects, enums and unions are named from <paramref name="hint"/>.</summary>
    public ResolvedSchema Resolve(JsonNode? node, string pointer, NameHint hint)
    {
        if (node is JsonValue value && value.TryGetValue<bool>(out _) || node is null)
        {
            return new ResolvedSchema(new PrimitiveRef(PrimitiveKind.Untyped));
        }

        if (node is not JsonObject schema)
        {
            throw new SpecException(pointer, "a schema must be an object or a boolean");
        }

        var annotations = SchemaAnnotations.Of(schema);
        if (schema.Str("$ref") is { } reference)
        {
            return annotations.Over(ResolveReference(reference, pointer.Child("$ref")), schema.Bool("nullable"));
        }

        var types = TypeKeyword.Read(schema, out var nullable);
        nullable |= schema.Bool("nullable");

        ResolvedSchema resolved;
        if ((schema.Arr("anyOf") ?? schema.Arr("oneOf")) is { } composed)
        {
            var keyword = schema.ContainsKey("anyOf") ? "anyOf" : "oneOf";
            resolved = _compositions.Resolve(schema, composed, pointer.Child(keyword), hint);
        }
        else if (schema.Arr("allOf") is { } all)
        {
            resolved = _allOfs.Resolve(schema, all, pointer, hint);
        }
        else if (schema.Arr("enum") is { } values)
        {
            resolved = _enums.Resolve(schema, values, types, pointer, hint);
        }
        else if (schema.TryGetPropertyValue("const", out var constant))
        {
            resolved = new ResolvedSchema(PrimitiveFormats.For(types.FirstOrDefault() ?? "string", null)) { DefaultValue = constant.ScalarText(), Nullable = constant is null };
        }
        else if (types.Count > 1)
        {
            resolved = _compositions.ResolveTypeList(types, pointer, hint);
        }
        else
        {
            resolved = ResolveTyped(schema, types.Count == 1 ? types[0] : null, pointer, hint);
        }

        return annotations.On(resolved, nullable);
    }

    /// <summary>Follows a <c>$ref</c> to a component of any kind (parameter, response, ...) and returns the target object.</summary>
    public JsonObject FollowReference(JsonObject node, string pointer, out string resolvedPointer) =>
        _references.Follow(node, pointer, out resolvedPointer);

    /// <summary>Resolves the component schema a schema's <c>$ref</c> names.</summary>
    internal ResolvedSchema ResolveReference(string reference, string pointer) =>
        ResolveComponent(_components.NameIn(reference, pointer), reference);

    /// <summary>
    /// Adds a new generated type. A component's type is known as the component's resolution from now on, before
    /// its properties are resolved, so a schema that refers back to it (a tree, a linked list) finds the same type.
    /// </summary>
    internal T Declare<T>(T type, NameHint hint)
        where T : CodeType
    {
        _registry.Add(type);
        if (hint.ComponentName is { } component)
        {
            _resolvedComponents[component] = new ResolvedSchema(new NamedRef(type));
        }

        return type;
    }

    /// <summary>The name for a type declared from <paramref name="hint"/>: a component's reserved name, or a fresh one.</summary>
    internal string TypeNameFor(NameHint hint) =>
        hint.ComponentName is not null ? hint.Name : _registry.Reserve(hint.Namespace, Names.TypeName(hint.Name));

    private ResolvedSchema ResolveComponent(string name, string pointer)
    {
        if (_resolvedComponents.TryGetValue(name, out var known))
        {
            return known;
        }

        var hint = new NameHint(_modelsNamespace, _components.TypeName(name), name);
        var resolved = Resolve(_components.Schema(name), pointer, hint);
        _resolvedComponents[name] = resolved;
        return resolved;
    }

    private ResolvedSchema ResolveTyped(JsonObject schema, string? type, string pointer, NameHint hint)
    {
        switch (type)
        {
            case "object":
            case null when schema.ContainsKey("properties") || schema.ContainsKey("additionalProperties"):
                return _objects.Resolve(schema, pointer, hint);
            case "array":
                var item = Resolve(schema.TryGetPropertyValue("items", out var items) ? items : null, pointer.Child("items"), hint);
                // Nested arrays have no Kiota collection API; the inner one travels as UntypedNode (as in Kiota).
                var itemType = item.Type is ArrayRef ? new PrimitiveRef(PrimitiveKind.Untyped) : item.Type;
                return new ResolvedSchema(new ArrayRef(itemType));
            case null:
                return new ResolvedSchema(new PrimitiveRef(PrimitiveKind.Untyped));
            default:
                return new ResolvedSchema(PrimitiveFormats.For(type, schema.Str("format")));
        }
    }
}
