namespace Nebius.CodeGen.Emit;

/// <summary>
/// Writes the one internal helper the generated code shares: JSON value-kind detection through the
/// public <c>IParseNode</c> API (for unions) and the after-assignment hook used for explicit nulls.
/// Kiota has no such file; it backs the deviations documented where they are emitted.
/// </summary>
internal static class SupportEmitter
{
    public const string ClassName = "GeneratedParseSupport";

    /// <summary>The nested interface every root model implements for the table-free assignment path.</summary>
    public const string FieldAssignerInterface = "IFieldAssigner";

    /// <summary>The nested marker of parse nodes that call <c>IFieldAssigner.FieldsAssigned</c> themselves.</summary>
    public const string NotifierInterface = "INotifiesFieldsAssigned";

    /// <summary>The nested interface of parse nodes that know their value's JSON kind.</summary>
    public const string KindSourceInterface = "IKnowsJsonKind";

    public static string Emit(string ns)
    {
        var writer = FileFrame.Begin(ns, ["Microsoft.Kiota.Abstractions.Serialization", "System", "System.Collections.Generic", "System.Linq"]);
        writer.Summary("Helpers shared by the generated models: value-kind probing for unions and the explicit-null hook.");
        writer.Line(FileFrame.GeneratedCodeAttribute);
        writer.Open($"internal static class {ClassName}");
        writer.Summary("The kind of a JSON value, as far as it can be told through IParseNode.");
        writer.Line("internal enum JsonKind { Null, String, Number, Boolean, Object, Array }");
        writer.Line();
        writer.Summary("Deviation from Kiota: assigns one field of a model by its wire name, so a parse node can fill the model without the GetFieldDeserializers table.");
        writer.Open($"internal interface {FieldAssignerInterface}");
        writer.Summary("Assigns the field named <paramref name=\"wireName\"/> from <paramref name=\"node\"/>, as the model's GetFieldDeserializers entry would.");
        writer.Line("/// <returns>Whether the model knows the field (a null <paramref name=\"node\"/>, for a JSON null, assigns nothing).</returns>");
        writer.Line("/// <param name=\"wireName\">The JSON property name.</param>");
        writer.Line("/// <param name=\"node\">The parse node of the value, or null.</param>");
        writer.Line("bool AssignField(ReadOnlySpan<char> wireName, IParseNode? node);");
        writer.Summary("Runs what the model does once all its fields are assigned (recording explicit nulls), for a parse node that is an <see cref=\"INotifiesFieldsAssigned\"/>.");
        writer.Line("/// <param name=\"node\">The parse node the model was read from.</param>");
        writer.Line("void FieldsAssigned(IParseNode node);");
        writer.Close();
        writer.Line();
        writer.Summary("Deviation from Kiota: marks a parse node that calls <see cref=\"IFieldAssigner.FieldsAssigned\"/> itself, so models read by it need no after-assignment hook (a closure and a delegate per object).");
        writer.Line($"internal interface {NotifierInterface} {{ }}");
        writer.Line();
        writer.Summary("Deviation from Kiota: a parse node that knows the JSON kind of its value, so a union's factory need not probe it with up to four reads.");
        writer.Open($"internal interface {KindSourceInterface}");
        writer.Summary("The kind of the value, with JSON null reported as Array, as the probe in <see cref=\"KindOf\"/> reports it.");
        writer.Line("JsonKind JsonKind { get; }");
        writer.Close();
        writer.Line();
        writer.Summary("Tells the JSON kind of the value behind <paramref name=\"node\"/>. Arrays and null cannot be told apart through IParseNode; both report Array.");
        writer.Line("/// <param name=\"node\">The parse node to inspect.</param>");
        writer.Open("internal static JsonKind KindOf(IParseNode node)");
        writer.Line($"if(node is {KindSourceInterface} known) return known.JsonKind;");
        writer.Line("if(node.GetStringValue() is not null) return JsonKind.String;");
        writer.Line("if(node.GetBoolValue() is not null) return JsonKind.Boolean;");
        writer.Line("if(node.GetDoubleValue() is not null) return JsonKind.Number;");
        writer.Line("// GetFieldDeserializers is only asked of objects, which makes this probe exact.");
        writer.Line("if(node.GetObjectValue(ObjectProbe.Create).IsObject) return JsonKind.Object;");
        writer.Line("return JsonKind.Array;");
        writer.Close();
        writer.Summary("The kind of the first element of an array, or Null when it is empty.");
        writer.Line("/// <param name=\"node\">The parse node holding the array.</param>");
        writer.Line("internal static JsonKind FirstElementKind(IParseNode node) => node.GetCollectionOfObjectValues(ElementProbe.Create).Select(e => e.Kind).FirstOrDefault();");
        writer.Summary("Whether a number has no fractional part (and fits a long).");
        writer.Line("/// <param name=\"node\">The parse node holding the number.</param>");
        writer.Line("internal static bool IsIntegral(IParseNode node) => node.GetDoubleValue() is double value && Math.Floor(value) == value && Math.Abs(value) < 9.2e18;");
        writer.Summary("Reads a formatted string (date-time, uuid, duration, base64, ...) as <typeparamref name=\"T\"/>; false when it is not in that format. Some Kiota readers throw instead of returning null.");
        writer.Line("/// <typeparam name=\"T\">The nullable type the reader returns.</typeparam>");
        writer.Line("/// <param name=\"node\">The parse node holding the string.</param>");
        writer.Line("/// <param name=\"read\">The Kiota reader for the format.</param>");
        writer.Line("/// <param name=\"value\">The value read, when it was in the format.</param>");
        writer.Open("internal static bool TryRead<T>(IParseNode node, Func<IParseNode, T> read, out T value)");
        writer.Line("try");
        writer.Line("{");
        writer.Line("    value = read(node);");
        writer.Line("    return value is not null;");
        writer.Line("}");
        writer.Line("catch(FormatException)");
        writer.Line("{");
        writer.Line("    value = default!;");
        writer.Line("    return false;");
        writer.Line("}");
        writer.Line("catch(global::System.Text.Json.JsonException)");
        writer.Line("{");
        writer.Line("    value = default!;");
        writer.Line("    return false;");
        writer.Line("}");
        writer.Close();
        writer.Summary("Whether the object behind <paramref name=\"node\"/> has the property <paramref name=\"wireName\"/> set to JSON null (Kiota reads null, and only null, as UntypedNull).");
        writer.Line("/// <param name=\"node\">The parse node of the object.</param>");
        writer.Line("/// <param name=\"wireName\">The property's name in JSON.</param>");
        writer.Line("internal static bool IsJsonNull(IParseNode node, string wireName) => node.GetChildNode(wireName) is { } child && child.GetObjectValue(UntypedNode.CreateFromDiscriminatorValue) is UntypedNull;");
        writer.Summary("Runs <paramref name=\"collect\"/> once the fields of <paramref name=\"model\"/> are assigned, then restores the node's previous hook.");
        writer.Line("/// <param name=\"node\">The parse node the model is read from.</param>");
        writer.Line("/// <param name=\"model\">The model being read.</param>");
        writer.Line("/// <param name=\"collect\">What to run with the node and the model.</param>");
        writer.Open("internal static void AfterFieldsAssigned<T>(IParseNode node, T model, Action<IParseNode, T> collect) where T : class, IParsable");
        writer.Line($"if(node is {NotifierInterface}) return;");
        writer.Line("var previous = node.OnAfterAssignFieldValues;");
        writer.Open("node.OnAfterAssignFieldValues = item =>");
        writer.Open("if(ReferenceEquals(item, model))");
        writer.Line("node.OnAfterAssignFieldValues = previous;");
        writer.Line("collect(node, model);");
        writer.Close();
        writer.Line("previous?.Invoke(item);");
        writer.Close(";");
        writer.Close();
        writer.Line();
        ExplicitNullSetEmitter.Write(writer);
        writer.Line();
        DirectReadEmitter.WriteSupport(writer);
        writer.Line();
        writer.Line("private sealed class ObjectProbe : IParsable");
        writer.Line("{");
        writer.Line("    private static readonly IDictionary<string, Action<IParseNode>> None = new Dictionary<string, Action<IParseNode>>();");
        writer.Line("    internal bool IsObject { get; private set; }");
        writer.Line("    internal static ObjectProbe Create(IParseNode node) => new ObjectProbe();");
        writer.Line("    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() { IsObject = true; return None; }");
        writer.Line("    public void Serialize(ISerializationWriter writer) { }");
        writer.Line("}");
        writer.Line();
        writer.Line("private sealed class ElementProbe : IParsable");
        writer.Line("{");
        writer.Line("    private static readonly IDictionary<string, Action<IParseNode>> None = new Dictionary<string, Action<IParseNode>>();");
        writer.Line("    internal JsonKind Kind { get; private init; }");
        writer.Line("    internal static ElementProbe Create(IParseNode node) => new ElementProbe { Kind = KindOf(node) };");
        writer.Line("    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => None;");
        writer.Line("    public void Serialize(ISerializationWriter writer) { }");
        writer.Line("}");
        writer.Close();
        return FileFrame.End(writer);
    }
}
