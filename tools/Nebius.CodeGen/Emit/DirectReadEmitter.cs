using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// Deviation from Kiota: models also read themselves straight from a <c>Utf8JsonReader</c>, so the
/// library can fill a response without first building a <c>JsonDocument</c> and a parse node per value.
/// Only the common, unambiguous cases are read directly (a string where a string belongs, a number that
/// fits, an object, a list of those); everything else, and every value of an unexpected kind, goes to
/// the model's <c>AssignField</c> through a parse node over the same bytes, so results stay those of the
/// parse-node path. The runtime supplies that node (the support class's <c>JsonReadContext</c>).
/// </summary>
internal static class DirectReadEmitter
{
    /// <summary>The nested interface every root model implements for the direct path.</summary>
    public const string FieldReaderInterface = "IFieldReader";

    private const string Reader = "global::System.Text.Json.Utf8JsonReader";

    private const string Token = "global::System.Text.Json.JsonTokenType";

    private const string Body = """
        /// <summary>Deviation from Kiota: reads one field of a model straight from UTF-8 JSON (see ReadObject).</summary>
        internal interface IFieldReader
        {
            /// <summary>Reads the value the reader is on (its first token) into the field named <paramref name="wireName"/>, leaving the reader on the value's last token.</summary>
            /// <returns>False, with the reader unmoved, when the model has no such field.</returns>
            /// <param name="wireName">The JSON property name.</param>
            /// <param name="reader">The reader, on the value's first token.</param>
            /// <param name="context">What the runtime supplies for the values not read directly.</param>
            bool ReadField(scoped ReadOnlySpan<char> wireName, ref global::System.Text.Json.Utf8JsonReader reader, JsonReadContext context);
        }

        /// <summary>Deviation from Kiota: what the runtime supplies to the direct path, for the values it does not read itself.</summary>
        internal abstract class JsonReadContext
        {
            /// <summary>A parse node over the value whose first token the reader is on; the reader does not move. The node is only used while reading.</summary>
            /// <param name="reader">The reader, on the value's first token.</param>
            internal abstract IParseNode NodeAt(ref global::System.Text.Json.Utf8JsonReader reader);

            /// <summary>Keeps a property the model does not know (in its additional data, when it has some), leaving the reader on the value's last token.</summary>
            /// <param name="model">The model being read.</param>
            /// <param name="wireName">The JSON property name.</param>
            /// <param name="reader">The reader, on the value's first token.</param>
            internal abstract void AddAdditional(IParsable model, scoped ReadOnlySpan<char> wireName, ref global::System.Text.Json.Utf8JsonReader reader);

            /// <summary>Fills a model that is not read directly (a union, a type of another assembly) from the object the reader is on, after its factory ran; leaves the reader on the object's end.</summary>
            /// <param name="model">The model the factory made.</param>
            /// <param name="reader">The reader, on the object's start.</param>
            internal abstract void AssignOther(IParsable model, ref global::System.Text.Json.Utf8JsonReader reader);
        }

        /// <summary>Reads the object the reader is on (its start) as <typeparamref name="T"/>, made by <paramref name="factory"/>; leaves the reader on the object's end.</summary>
        /// <typeparam name="T">The model type.</typeparam>
        /// <param name="reader">The reader, on the object's start.</param>
        /// <param name="context">What the runtime supplies for the values not read directly.</param>
        /// <param name="factory">The model's factory (it may read a discriminator through the node it is given).</param>
        internal static T ReadObject<T>(ref global::System.Text.Json.Utf8JsonReader reader, JsonReadContext context, ParsableFactory<T> factory) where T : IParsable
        {
            var head = context.NodeAt(ref reader);
            var model = factory(head);
            if(model is IFieldReader fields && model is IFieldAssigner assigner && IsGeneratedHere(model))
            {
                ReadFields(model, fields, assigner, ref reader, context);
                assigner.FieldsAssigned(head);
            }
            else
            {
                context.AssignOther(model, ref reader);
            }
            return model;
        }

        /// <summary>Reads the object the reader is on (its start) into <paramref name="model"/>, a new model whose factory reads nothing from its node (so it is the factory's result); leaves the reader on the object's end.</summary>
        /// <typeparam name="T">The model type, generated here.</typeparam>
        /// <param name="reader">The reader, on the object's start.</param>
        /// <param name="context">What the runtime supplies for the values not read directly.</param>
        /// <param name="model">The new model.</param>
        internal static T ReadInto<T>(ref global::System.Text.Json.Utf8JsonReader reader, JsonReadContext context, T model) where T : IParsable, IFieldReader, IFieldAssigner
        {
            var node = context.NodeAt(ref reader);
            ReadFields(model, model, model, ref reader, context);
            model.FieldsAssigned(node);
            return model;
        }

        /// <summary>Reads the array the reader is on (its start) as a list of <typeparamref name="T"/>, each object into a model from <paramref name="create"/> (see ReadInto); an element that is not an object becomes what the factory makes of it, as with a parse node.</summary>
        /// <typeparam name="T">The model type, generated here.</typeparam>
        /// <param name="reader">The reader, on the array's start.</param>
        /// <param name="context">What the runtime supplies for the values not read directly.</param>
        /// <param name="create">Makes a new model, as the factory would.</param>
        /// <param name="factory">The element model's factory.</param>
        internal static List<T> ReadIntoList<T>(ref global::System.Text.Json.Utf8JsonReader reader, JsonReadContext context, Func<T> create, ParsableFactory<T> factory) where T : IParsable, IFieldReader, IFieldAssigner
        {
            var list = new List<T>();
            while(reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
            {
                if(reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)
                {
                    list.Add(ReadInto(ref reader, context, create()));
                }
                else
                {
                    list.Add(context.NodeAt(ref reader).GetObjectValue(factory));
                    reader.Skip();
                }
            }
            return list;
        }

        /// <summary>Reads the array the reader is on (its start) as a list of <typeparamref name="T"/>; an element that is not an object becomes what the factory makes of it, as with a parse node.</summary>
        /// <typeparam name="T">The model type.</typeparam>
        /// <param name="reader">The reader, on the array's start.</param>
        /// <param name="context">What the runtime supplies for the values not read directly.</param>
        /// <param name="factory">The element model's factory.</param>
        internal static List<T> ReadObjects<T>(ref global::System.Text.Json.Utf8JsonReader reader, JsonReadContext context, ParsableFactory<T> factory) where T : IParsable
        {
            var list = new List<T>();
            while(reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
            {
                if(reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)
                {
                    list.Add(ReadObject(ref reader, context, factory));
                }
                else
                {
                    list.Add(context.NodeAt(ref reader).GetObjectValue(factory));
                    reader.Skip();
                }
            }
            return list;
        }

        /// <summary>Assigns the field through the model's AssignField and a parse node over the value (a value of an unexpected kind, or of a type not read directly); leaves the reader on the value's last token.</summary>
        /// <returns>Whether the model knows the field.</returns>
        /// <param name="model">The model being read.</param>
        /// <param name="wireName">The JSON property name.</param>
        /// <param name="reader">The reader, on the value's first token.</param>
        /// <param name="context">What the runtime supplies for the values not read directly.</param>
        internal static bool AssignThroughNode(IFieldAssigner model, scoped ReadOnlySpan<char> wireName, ref global::System.Text.Json.Utf8JsonReader reader, JsonReadContext context)
        {
            if(!model.AssignField(wireName, context.NodeAt(ref reader))) return false;
            reader.Skip();
            return true;
        }

        /// <summary>Reads an array of strings (a JSON null element reads as null); false, with the reader unmoved, for anything else.</summary>
        /// <param name="reader">The reader, on the value's first token.</param>
        /// <param name="list">The strings read.</param>
        internal static bool TryReadStrings(ref global::System.Text.Json.Utf8JsonReader reader, out List<string> list)
        {
            list = null!;
            if(reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray) return false;
            var start = reader;
            var items = new List<string>();
            while(reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
            {
                switch(reader.TokenType)
                {
                    case global::System.Text.Json.JsonTokenType.String: items.Add(reader.GetString()!); break;
                    case global::System.Text.Json.JsonTokenType.Null: items.Add(null!); break;
                    default: reader = start; return false;
                }
            }
            list = items;
            return true;
        }

        /// <summary>Reads an array of numbers that each fit <typeparamref name="T"/> (a JSON null element reads as null); false, with the reader unmoved, for anything else.</summary>
        /// <typeparam name="T">The element type.</typeparam>
        /// <param name="reader">The reader, on the value's first token.</param>
        /// <param name="list">The numbers read.</param>
        internal static bool TryReadNumbers<T>(ref global::System.Text.Json.Utf8JsonReader reader, out List<T?> list) where T : struct
        {
            list = null!;
            if(reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray) return false;
            var start = reader;

            // Numbers arrive in long arrays (embeddings, token ids): they are gathered in a pooled buffer, so the list is made once at its size.
            var items = global::System.Buffers.ArrayPool<T?>.Shared.Rent(64);
            var count = 0;
            try
            {
                while(reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
                {
                    if(count == items.Length)
                    {
                        var larger = global::System.Buffers.ArrayPool<T?>.Shared.Rent(count * 2);
                        items.AsSpan(0, count).CopyTo(larger);
                        global::System.Buffers.ArrayPool<T?>.Shared.Return(items);
                        items = larger;
                    }
                    if(reader.TokenType == global::System.Text.Json.JsonTokenType.Null) items[count++] = null;
                    else if(reader.TokenType == global::System.Text.Json.JsonTokenType.Number && TryGetNumber(ref reader, out T value)) items[count++] = value;
                    else
                    {
                        reader = start;
                        return false;
                    }
                }
                list = new List<T?>(count);
                global::System.Collections.Generic.CollectionExtensions.AddRange(list, new ReadOnlySpan<T?>(items, 0, count));
                return true;
            }
            finally
            {
                global::System.Buffers.ArrayPool<T?>.Shared.Return(items);
            }
        }

        /// <summary>Reads the number the reader is on as <typeparamref name="T"/> (int, long, float or double); false when it does not fit.</summary>
        /// <typeparam name="T">The number type.</typeparam>
        /// <param name="reader">The reader, on a number.</param>
        /// <param name="value">The number read.</param>
        internal static bool TryGetNumber<T>(ref global::System.Text.Json.Utf8JsonReader reader, out T value) where T : struct
        {
            value = default;
            if(typeof(T) == typeof(int)) { if(!reader.TryGetInt32(out var number)) return false; value = (T)(object)number; return true; }
            if(typeof(T) == typeof(long)) { if(!reader.TryGetInt64(out var number)) return false; value = (T)(object)number; return true; }
            if(typeof(T) == typeof(float)) { if(!reader.TryGetSingle(out var number)) return false; value = (T)(object)number; return true; }
            if(typeof(T) == typeof(double)) { if(!reader.TryGetDouble(out var number)) return false; value = (T)(object)number; return true; }
            return false;
        }

        private static void ReadFields(IParsable model, IFieldReader fields, IFieldAssigner assigner, ref global::System.Text.Json.Utf8JsonReader reader, JsonReadContext context)
        {
            Span<char> buffer = stackalloc char[128];
            while(reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
            {
                // The name, decoded into the buffer when short and unescaped, else allocated.
                scoped ReadOnlySpan<char> wireName;
                if(!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= buffer.Length)
                {
                    wireName = buffer.Slice(0, global::System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, buffer));
                }
                else
                {
                    wireName = reader.GetString().AsSpan();
                }
                reader.Read();

                // A JSON null assigns nothing and is recorded by a nullable property, as through a parse node.
                var known = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? assigner.AssignField(wireName, null) : fields.ReadField(wireName, ref reader, context);
                if(!known) context.AddAdditional(model, wireName, ref reader);
            }
        }

        /// <summary>Whether the model's own type was generated into this assembly (answered once per type when it is exactly <typeparamref name="T"/>): only those are known to keep ReadField, AssignField and their properties in step.</summary>
        /// <typeparam name="T">The model type asked for.</typeparam>
        /// <param name="model">The model.</param>
        internal static bool IsGeneratedHere<T>(T model) where T : IParsable =>
            model.GetType() == typeof(T) ? GeneratedHere<T>.Value : model.GetType().Assembly == typeof(GeneratedParseSupport).Assembly;

        private static class GeneratedHere<T>
        {
            internal static readonly bool Value = typeof(T).Assembly == typeof(GeneratedParseSupport).Assembly;
        }
        """;

    /// <summary>Writes the direct-path helpers nested in the support class.</summary>
    public static void WriteSupport(CodeWriter writer)
    {
        foreach (var line in Body.Split('\n'))
        {
            writer.Line(line.TrimEnd('\r'));
        }
    }

    /// <summary>Writes the model's <c>ReadField</c>: a switch on the wire name with one direct read per field it can read directly.</summary>
    public static void WriteFieldReader(CodeWriter writer, ModelType model, string supportClass)
    {
        var context = $"{supportClass}.JsonReadContext";
        if (model.Base is null)
        {
            writer.Line($"bool {supportClass}.{FieldReaderInterface}.ReadField(scoped ReadOnlySpan<char> wireName, ref {Reader} reader, {context} context) => ReadField(wireName, ref reader, context);");
        }

        writer.Summary("Deviation from Kiota: reads the field named <paramref name=\"wireName\"/> straight from <paramref name=\"reader\"/>; a value of another kind, or of a type not read directly, goes through AssignField and a parse node.");
        writer.Line("/// <returns>Whether the field is known.</returns>");
        writer.Line("/// <param name=\"wireName\">The JSON property name.</param>");
        writer.Line("/// <param name=\"reader\">The reader, on the value's first token (never a JSON null).</param>");
        writer.Line("/// <param name=\"context\">What the runtime supplies for the values not read directly.</param>");
        var modifier = model.Base is null ? "private protected virtual" : "private protected override";
        var unknown = model.Base is null ? "false" : "base.ReadField(wireName, ref reader, context)";
        var signature = $"{modifier} bool ReadField(scoped ReadOnlySpan<char> wireName, ref {Reader} reader, {context} context)";
        if (model.Properties.Count == 0)
        {
            writer.Line($"{signature} => {unknown};");
            return;
        }

        writer.Open(signature);
        writer.Open("switch(wireName)");
        foreach (var property in model.Properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var key = Literals.Quote(property.WireName);
            var direct = DirectRead(property, supportClass);
            writer.Line(direct is null ? $"case {key}: break;" : $"case {key}: {{ {direct} break; }}");
        }

        writer.Line($"default: return {unknown};");
        writer.Close();
        writer.Line($"return {supportClass}.AssignThroughNode(this, wireName, ref reader, context);");
        writer.Close();
    }

    /// <summary>Whether the model's factory reads nothing from its node (no discriminator), so a new instance is what it returns.</summary>
    private static bool MadeWithoutNode(ModelType model) => model.DiscriminatorProperty is null || model.DiscriminatorMapping.Count == 0;

    /// <summary>The statements that read the field directly and return true; null when it always goes through a parse node.</summary>
    private static string? DirectRead(ModelProperty property, string supportClass)
    {
        var name = property.Name;
        return property.Type switch
        {
            PrimitiveRef { Kind: PrimitiveKind.String } =>
                $"if(reader.TokenType == {Token}.String) {{ {name} = reader.GetString(); return true; }}",
            PrimitiveRef { Kind: PrimitiveKind.Boolean } =>
                $"if(reader.TokenType is {Token}.True or {Token}.False) {{ {name} = reader.GetBoolean(); return true; }}",
            PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long or PrimitiveKind.Float or PrimitiveKind.Double } p =>
                $"if(reader.TokenType == {Token}.Number && {supportClass}.TryGetNumber(ref reader, out {TypeSyntax.Primitive(p.Kind)} value)) {{ {name} = value; return true; }}",
            NamedRef { Type: ModelType m } when MadeWithoutNode(m) =>
                $"if(reader.TokenType == {Token}.StartObject) {{ {name} = {supportClass}.ReadInto(ref reader, context, new {m.FullName}()); return true; }}",
            NamedRef { Type: ModelType m } =>
                $"if(reader.TokenType == {Token}.StartObject) {{ {name} = {supportClass}.ReadObject(ref reader, context, {m.FullName}.CreateFromDiscriminatorValue); return true; }}",
            NamedRef { Type: UnionType u } =>
                $"if({u.FullName}.TryReadJson(ref reader, context, out var value)) {{ {name} = value; return true; }}",
            ArrayRef { Item: NamedRef { Type: ModelType m } } when MadeWithoutNode(m) =>
                $"if(reader.TokenType == {Token}.StartArray) {{ {name} = {supportClass}.ReadIntoList(ref reader, context, static () => new {m.FullName}(), {m.FullName}.CreateFromDiscriminatorValue); return true; }}",
            ArrayRef { Item: NamedRef { Type: ModelType m } } =>
                $"if(reader.TokenType == {Token}.StartArray) {{ {name} = {supportClass}.ReadObjects(ref reader, context, {m.FullName}.CreateFromDiscriminatorValue); return true; }}",
            ArrayRef { Item: PrimitiveRef { Kind: PrimitiveKind.String } } =>
                $"if({supportClass}.TryReadStrings(ref reader, out var list)) {{ {name} = list; return true; }}",
            ArrayRef { Item: PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long or PrimitiveKind.Float or PrimitiveKind.Double } p } =>
                $"if({supportClass}.TryReadNumbers<{TypeSyntax.Primitive(p.Kind)}>(ref reader, out var list)) {{ {name} = list; return true; }}",
            _ => null,
        };
    }
}
