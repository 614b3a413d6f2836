using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// What a generated factory needs when a model is read through an <see cref="IParseNode"/> (Kiota's own
/// node, the fallback and the IParsable contract) rather than the direct path: recording explicit nulls
/// once the node has assigned the fields.
/// </summary>
internal static class ParseNodeHooks
{
    /// <summary>Whether the object behind <paramref name="node"/> has the property <paramref name="wireName"/> set to JSON null (Kiota reads null, and only null, as UntypedNull).</summary>
    /// <param name="node">The parse node of the object.</param>
    /// <param name="wireName">The property's name in JSON.</param>
    public static bool IsJsonNull(IParseNode node, string wireName) =>
        node.GetChildNode(wireName) is { } child && child.GetObjectValue(UntypedNode.CreateFromDiscriminatorValue) is UntypedNull;

    /// <summary>Runs <paramref name="collect"/> once the fields of <paramref name="model"/> are assigned, then restores the node's previous hook.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="node">The parse node the model is read from.</param>
    /// <param name="model">The model being read.</param>
    /// <param name="collect">What to run with the node and the model.</param>
    public static void AfterFieldsAssigned<T>(IParseNode node, T model, Action<IParseNode, T> collect)
        where T : class, IParsable
    {
        var previous = node.OnAfterAssignFieldValues;
        node.OnAfterAssignFieldValues = item =>
        {
            if (ReferenceEquals(item, model))
            {
                node.OnAfterAssignFieldValues = previous;
                collect(node, model);
            }

            previous?.Invoke(item);
        };
    }
}
