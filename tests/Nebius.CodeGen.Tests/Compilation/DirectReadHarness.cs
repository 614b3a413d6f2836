namespace Nebius.CodeGen.Tests.Compilation;

/// <summary>
/// Compiled into every generated assembly of these tests: the generated direct path (each model's
/// <c>ReadField</c>, straight from a <c>Utf8JsonReader</c>) driven with Kiota's own JsonParseNode for every
/// value it hands back (a parse node over a copy of the value), so a test can read a payload both ways.
/// The client's real context is tested against the real contract in Nebius.TokenFactory.Tests.
/// </summary>
internal static class DirectReadHarness
{
    public const string TypeName = GeneratedAssembly.RootNamespace + ".Models.DirectReadHarness";

    public static GeneratedFile File { get; } = new("Models/DirectReadHarness.cs", $$""""
        using System;
        using System.Text.Json;
        using Microsoft.Kiota.Abstractions.Serialization;
        using Microsoft.Kiota.Serialization.Json;

        namespace {{GeneratedAssembly.RootNamespace}}.Models
        {
            /// <summary>Test harness: reads JSON through the generated direct path.</summary>
            public static class DirectReadHarness
            {
                /// <summary>Reads <paramref name="json"/> (an object) as a model made by <paramref name="factory"/>.</summary>
                /// <typeparam name="T">The model type.</typeparam>
                /// <param name="json">The JSON.</param>
                /// <param name="factory">The model's factory.</param>
                /// <returns>The model.</returns>
                public static T Read<T>(string json, ParsableFactory<T> factory) where T : IParsable
                {
                    var reader = new Utf8JsonReader(global::System.Text.Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    return GeneratedParseSupport.ReadObject(ref reader, new KiotaNodes(), factory);
                }

                private sealed class KiotaNodes : GeneratedParseSupport.JsonReadContext
                {
                    internal override IParseNode NodeAt(ref Utf8JsonReader reader)
                    {
                        var copy = reader;
                        return new JsonParseNode(JsonElement.ParseValue(ref copy));
                    }

                    internal override void AddAdditional(IParsable model, scoped ReadOnlySpan<char> wireName, ref Utf8JsonReader reader)
                    {
                        var value = new JsonParseNode(JsonElement.ParseValue(ref reader)).GetObjectValue(UntypedNode.CreateFromDiscriminatorValue);
                        if(model is IAdditionalDataHolder holder && !holder.AdditionalData.ContainsKey(wireName.ToString()))
                        {
                            holder.AdditionalData.Add(wireName.ToString(), value);
                        }
                    }

                    internal override void AssignOther(IParsable model, ref Utf8JsonReader reader)
                    {
                        var fields = model.GetFieldDeserializers();
                        foreach(var property in JsonElement.ParseValue(ref reader).EnumerateObject())
                        {
                            if(property.Value.ValueKind != JsonValueKind.Null && fields.TryGetValue(property.Name, out var assign))
                            {
                                assign(new JsonParseNode(property.Value));
                            }
                        }
                    }
                }
            }
        }
        """");
}
