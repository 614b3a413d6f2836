using System.Text.Json.Nodes;
using Nebius.CodeGen.Naming;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// Reads a list operation's <c>x-nebius-pagination</c> (shape in openapi/README.md) against what the operation
/// declares: every named query parameter and response property must exist, with the type the walk needs.
/// </summary>
internal static class PaginationExtension
{
    public const string Name = "x-nebius-pagination";

    private static readonly string[] Fields = ["style", "method", "page-size", "cursor", "items", "has-more", "last-id", "item-id", "created-at", "arguments"];

    public static PagingModel? Read(OperationModel operation, JsonObject raw, string pointer)
    {
        if (ExtensionReader.Open(raw, Name, pointer) is not { } extension)
        {
            return null;
        }

        extension.AllowOnly(Fields);
        if (operation.Method != "GET")
        {
            throw new SpecException(extension.Pointer, $"{Name} belongs on a GET operation, not {operation.Method}");
        }

        var style = extension.RequiredString("style") switch
        {
            "cursor" => PagingStyle.Cursor,
            "cursor_time" => PagingStyle.CursorTime,
            "offset" => PagingStyle.Offset,
            "single" => PagingStyle.Single,
            var other => throw extension.Error("style", $"unknown style '{other}' (expected cursor, cursor_time, offset or single)"),
        };
        var pageSize = extension.RequiredObject("page-size");
        pageSize.AllowOnly("parameter", "default", "maximum");
        var sizeParameter = IntegerQuery(operation, pageSize, "parameter");
        var defaultSize = pageSize.OptionalPositiveInt("default") ?? throw pageSize.Error("default", "'default' is required");
        var maxSize = pageSize.OptionalPositiveInt("maximum");
        if (defaultSize > maxSize)
        {
            throw pageSize.Error("default", $"the default page size {defaultSize} is above the maximum {maxSize}");
        }

        var cursor = style switch
        {
            PagingStyle.Single when extension.OptionalString("cursor") is not null => throw extension.Error("cursor", "a single page has no cursor"),
            PagingStyle.Single => null,
            PagingStyle.Offset => IntegerQuery(operation, extension, "cursor"),
            _ => Query(operation, extension, extension.RequiredString("cursor"), "cursor"),
        };
        var arguments = Arguments(operation, extension, sizeParameter, cursor);
        var (sources, itemType) = ItemSources(operation, extension);
        var itemModel = itemType is NamedRef { Type: ModelType model } ? model : null;
        var asMaps = itemModel is { Properties.Count: 0, Base: null, AdditionalData: true };
        if (asMaps && style is PagingStyle.Cursor or PagingStyle.CursorTime)
        {
            throw extension.Error("items", "free-form items have no id to continue after: use the offset or single style");
        }

        if (sources.Count > 1 && style is not PagingStyle.Offset and not PagingStyle.Single)
        {
            throw extension.Error("items", "a union answer can only be read with the offset or single style");
        }

        var pageModel = sources[0].UnionMember is null ? ((NamedRef)operation.ResponseType!).Type as ModelType : null;
        return new PagingModel
        {
            Style = style,
            MethodName = MethodName(extension),
            PageSize = sizeParameter,
            DefaultPageSize = defaultSize,
            MaxPageSize = maxSize,
            Cursor = cursor,
            Arguments = arguments,
            Items = sources,
            ItemType = itemType,
            ItemsAsMaps = asMaps,
            HasMore = style == PagingStyle.Cursor ? Property(pageModel!, extension, extension.RequiredString("has-more"), "has-more", PrimitiveKind.Boolean) : Forbidden(extension, "has-more", style),
            LastId = style == PagingStyle.Cursor && extension.OptionalString("last-id") is { } lastId ? Property(pageModel!, extension, lastId, "last-id", PrimitiveKind.String) : Forbidden(extension, "last-id", style, PagingStyle.Cursor),
            ItemId = style is PagingStyle.Cursor or PagingStyle.CursorTime ? Property(ItemModel(itemModel, extension), extension, extension.OptionalString("item-id") ?? "id", "item-id", PrimitiveKind.String) : Forbidden(extension, "item-id", style),
            CreatedAt = style == PagingStyle.CursorTime ? Property(ItemModel(itemModel, extension), extension, extension.RequiredString("created-at"), "created-at", PrimitiveKind.Long) : Forbidden(extension, "created-at", style),
        };
    }

    private static string MethodName(ExtensionReader extension)
    {
        var name = extension.OptionalString("method") ?? "ListAllAsync";
        return System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Z][A-Za-z0-9]*Async$")
            ? name
            : throw extension.Error("method", $"'{name}' is not a PascalCase method name ending in Async");
    }

    private static QueryParameter Query(OperationModel operation, ExtensionReader extension, string wireName, string field) =>
        operation.Query.FirstOrDefault(q => q.WireName == wireName)
        ?? throw extension.Error(field, $"the operation has no query parameter '{wireName}'");

    private static QueryParameter IntegerQuery(OperationModel operation, ExtensionReader extension, string field)
    {
        var parameter = Query(operation, extension, extension.RequiredString(field), field);
        return parameter.Type is PrimitiveRef { Kind: PrimitiveKind.Int }
            ? parameter
            : throw extension.Error(field, $"the query parameter '{parameter.WireName}' must be an integer (int32)");
    }

    /// <summary>The method's parameters: the page size alone unless the extension lists more; never the cursor, which the walk owns.</summary>
    private static List<QueryParameter> Arguments(OperationModel operation, ExtensionReader extension, QueryParameter pageSize, QueryParameter? cursor)
    {
        var names = extension.OptionalStrings("arguments") ?? [pageSize.WireName];
        var arguments = names.Select(name => Query(operation, extension, name, "arguments")).ToList();
        if (!arguments.Contains(pageSize))
        {
            throw extension.Error("arguments", $"the arguments must include the page-size parameter '{pageSize.WireName}'");
        }

        if (cursor is not null && arguments.Contains(cursor))
        {
            throw extension.Error("arguments", $"the cursor '{cursor.WireName}' is set by the walk, not by the caller");
        }

        // The generated method's own locals and lambda parameters; an argument must not shadow one.
        string[] taken = ["size", "c", "token", "page", "last", "item", "cursor", "offset", "cancellationToken"];
        if (arguments.Where(a => a != pageSize).Select(a => Names.ParameterName(a.WireName)).FirstOrDefault(taken.Contains) is { } clash)
        {
            throw extension.Error("arguments", $"the argument '{clash}' would clash with a name the generated method uses");
        }

        if (arguments.Distinct().Count() != arguments.Count)
        {
            throw extension.Error("arguments", "an argument is listed twice");
        }

        return arguments;
    }

    /// <summary>The page property named by <c>items</c>, or for a union answer each member that is or holds the list.</summary>
    private static (List<ItemSource> Sources, TypeRef ItemType) ItemSources(OperationModel operation, ExtensionReader extension)
    {
        var itemsName = extension.RequiredString("items");
        var sources = new List<(ItemSource Source, TypeRef Item)>();
        switch (operation.ResponseType)
        {
            case NamedRef { Type: ModelType page }:
                sources.Add((new ItemSource(null, ListProperty(page, itemsName, extension, out var item)), item));
                break;
            case NamedRef { Type: UnionType union }:
                foreach (var member in union.Members)
                {
                    if (member.Type is ArrayRef { Item: var direct })
                    {
                        sources.Add((new ItemSource(member, null), direct));
                    }
                    else if (member.Type is NamedRef { Type: ModelType memberPage } && memberPage.Properties.Any(p => p.WireName == itemsName))
                    {
                        sources.Add((new ItemSource(member, ListProperty(memberPage, itemsName, extension, out var memberItem)), memberItem));
                    }
                }

                break;
            default:
                throw extension.Error("items", "the operation must answer an object (or a union of lists) to page through");
        }

        if (sources.Count == 0)
        {
            throw extension.Error("items", $"no member of the answer holds '{itemsName}'");
        }

        var shapes = sources.Select(s => ItemShape(s.Item)).Distinct().ToList();
        return shapes.Count == 1
            ? (sources.Select(s => s.Source).ToList(), sources[0].Item)
            : throw extension.Error("items", $"the answer's lists hold different item types ({string.Join(", ", shapes)})");
    }

    /// <summary>Two free-form item models are the same shape (each read as its map); anything else must be the same type.</summary>
    private static string ItemShape(TypeRef item) =>
        item is NamedRef { Type: ModelType { Properties.Count: 0, Base: null, AdditionalData: true } } ? "free-form object" : item.ToString();

    private static ModelProperty ListProperty(ModelType page, string wireName, ExtensionReader extension, out TypeRef item)
    {
        var property = page.Properties.FirstOrDefault(p => p.WireName == wireName)
            ?? throw extension.Error("items", $"{page.Name} has no property '{wireName}'");
        item = property.Type is ArrayRef { Item: NamedRef { Type: ModelType } model } ? model : throw extension.Error("items", $"{page.Name}.{wireName} must be a list of objects");
        return property;
    }

    private static ModelType ItemModel(ModelType? item, ExtensionReader extension) =>
        item ?? throw extension.Error("items", "the items must be objects");

    private static ModelProperty Property(ModelType model, ExtensionReader extension, string wireName, string field, PrimitiveKind kind)
    {
        for (var current = model; current is not null; current = current.Base)
        {
            if (current.Properties.FirstOrDefault(p => p.WireName == wireName) is { } property)
            {
                // A creation time may be declared int32 or int64: both widen to the walk's long.
                var fits = property.Type is PrimitiveRef primitive && (primitive.Kind == kind || kind == PrimitiveKind.Long && primitive.Kind == PrimitiveKind.Int);
                return fits
                    ? property
                    : throw extension.Error(field, $"{model.Name}.{wireName} must be a {TypeSyntaxName(kind)}");
            }
        }

        throw extension.Error(field, $"{model.Name} has no property '{wireName}'");
    }

    private static string TypeSyntaxName(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Boolean => "boolean",
        PrimitiveKind.Long => "integer",
        _ => "string",
    };

    /// <summary>A field that only some styles read: naming it for another style is a mistake worth reporting.</summary>
    private static ModelProperty? Forbidden(ExtensionReader extension, string field, PagingStyle style, PagingStyle? readBy = null)
    {
        if (readBy == style)
        {
            return null;
        }

        return extension.OptionalString(field) is null ? null : throw extension.Error(field, $"'{field}' means nothing to the {style} style");
    }
}
