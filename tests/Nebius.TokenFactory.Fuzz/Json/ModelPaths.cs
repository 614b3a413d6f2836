using System.Collections;
using System.Reflection;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Fuzz.Json;

/// <summary>
/// Finds the generated model property behind a JSON path, by type (to pick wrong-kind targets before any call) and
/// by value (to look inside a model the client returned). Generated names are the wire names in PascalCase across
/// underscores, so a wire name matches the one property whose name equals it without underscores, ignoring case.
/// </summary>
internal static class ModelPaths
{
    /// <summary>
    /// The CLR type of the scalar property at <paramref name="path"/> under a model of type <paramref name="root"/>,
    /// when every step is a known property of a plain model (no union wrapper) or an index into a list of them; null otherwise.
    /// </summary>
    public static Type? ScalarType(Type root, IReadOnlyList<object> path)
    {
        var type = root;
        for (var i = 0; i < path.Count; i++)
        {
            if (path[i] is int)
            {
                type = ListElement(type);
            }
            else if (Property(type, (string)path[i]) is { } property)
            {
                if (i == path.Count - 1)
                {
                    return IsScalar(property.PropertyType) ? property.PropertyType : null;
                }

                type = property.PropertyType;
            }
            else
            {
                return null;
            }

            if (type is null || (i < path.Count - 1 && path[i + 1] is string && !IsPlainModel(type)))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The object at <paramref name="path"/> in <paramref name="model"/> (a model, a list element), or null when a step is missing.</summary>
    public static object? Navigate(object? model, IEnumerable<object> path)
    {
        foreach (var segment in path)
        {
            model = (model, segment) switch
            {
                (IList list, int index) when index < list.Count => list[index],
                (IParsable parsable, string name) when Property(parsable.GetType(), name) is { } property => property.GetValue(parsable),
                _ => null,
            };
            if (model is null)
            {
                return null;
            }
        }

        return model;
    }

    /// <summary>The property of <paramref name="type"/> that wire name <paramref name="wireName"/> is read into, if it is a known field.</summary>
    public static PropertyInfo? Property(Type type, string wireName)
    {
        if (!IsPlainModel(type) || Activator.CreateInstance(type) is not IParsable prototype || !prototype.GetFieldDeserializers().ContainsKey(wireName))
        {
            return null;
        }

        var bare = wireName.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var matches = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => string.Equals(p.Name, bare, StringComparison.OrdinalIgnoreCase) && p.GetIndexParameters().Length == 0)
            .ToArray();
        return matches.Length == 1 ? matches[0] : null;
    }

    private static bool IsPlainModel(Type type) =>
        typeof(IParsable).IsAssignableFrom(type) && typeof(IAdditionalDataHolder).IsAssignableFrom(type)
        && !typeof(IComposedTypeWrapper).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null;

    private static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    private static bool IsScalar(Type type) => Generators.WrongKindValues.ForClrType(type) is not null;
}
