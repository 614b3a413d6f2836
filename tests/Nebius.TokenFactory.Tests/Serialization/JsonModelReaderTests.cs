using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Nebius.Testing;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Tests.Serialization;

/// <summary>
/// The generated direct path (<see cref="JsonModelReader"/>: models read straight from UTF-8 bytes) must give
/// what Kiota's own <see cref="JsonParseNode"/> gives for the same JSON: the same models (what they write
/// back and keep aside) or the same exception type, except that the direct path keeps a value of the wrong
/// kind in additional data where Kiota drops it or fails (see <see cref="KeptValues"/>). Checked on every spec
/// example read as its own type and as every other generated type, and on thousands of variants of the
/// examples with one value replaced by a value of another kind, a property repeated or a name escaped.
/// </summary>
public sealed class JsonModelReaderTests
{
    /// <summary>Replacement values: every JSON kind, numbers that do not fit, formatted and escaped strings, lists of mixed kinds.</summary>
    private static readonly string[] Replacements =
    [
        "null", "\"text\"", "12", "-7", "1.5", "1e400", "123456789012345678901234567890", "true", "false", "{}", "[]",
        """{"x":1,"y":[null]}""", """["s",1,null,{}]""", "\"2025-01-02T03:04:05Z\"", "\"6f9619ff-8b86-d011-b42d-00cf4fc964ff\"",
        "\"\\u00e9t\\u00e9 \\\"quoted\\\"\"", "[1,2.5,null]", """["a",null]""", """[{"id":"x"},null,"s"]""", "\"\"",
    ];

    public static TheoryData<string, string> Examples() => NebiusJsonSerializationWriterTests.Examples();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Reads_each_example_as_the_parse_node_does(string file, string type)
    {
        var json = File.ReadAllBytes(ExamplePath(file));

        var outcome = Compare(ModelTypes.Single(t => t.Name == type), json);

        Assert.True(outcome.Equal, outcome.Difference);
        Assert.Null(outcome.Failure);
    }

    [Fact]
    public void Reads_every_example_as_every_generated_type_as_the_parse_node_does()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "openapi", "examples"), "*.json");
        var read = 0;
        foreach (var file in files)
        {
            var json = File.ReadAllBytes(file);
            foreach (var type in ModelTypes)
            {
                var outcome = Compare(type, json);
                Assert.True(outcome.Equal, $"{Path.GetFileName(file)} as {type.Name}: {outcome.Difference}");
                read += outcome.Failure is null ? 1 : 0;
            }
        }

        // Most pairs read (an object example read as another model type mostly lands in additional data):
        // comparing failures alone would prove nothing.
        Assert.True(ModelTypes.Count > 150, $"only {ModelTypes.Count} generated types found");
        Assert.True(read > files.Length * ModelTypes.Count / 2, $"only {read} of {files.Length * ModelTypes.Count} pairs read");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Reads_each_variant_of_an_example_as_the_parse_node_does(string file, string type)
    {
        var modelType = ModelTypes.Single(t => t.Name == type);
        var root = JsonNode.Parse(File.ReadAllBytes(ExamplePath(file)))!;
        var variants = Variants(root).ToList();
        var failures = 0;
        var kept = 0;
        foreach (var variant in variants)
        {
            var outcome = Compare(modelType, Encoding.UTF8.GetBytes(variant));
            Assert.True(outcome.Equal, $"{type} from {variant}: {outcome.Difference}");
            failures += outcome.Failure is null ? 0 : 1;
            kept += outcome.Kept > 0 ? 1 : 0;
        }

        // Every value of the example was replaced at least three times, most variants still read, and some
        // replacements were of the wrong kind and kept.
        Assert.True(variants.Count >= 3 * Nodes(root).Count(), $"{variants.Count} variants");
        Assert.True(failures < variants.Count, "every variant failed to read");
        Assert.True(kept > 0, "no variant kept a value of the wrong kind");
    }

    [Theory]
    [InlineData("""{"id":"a"} x""")]
    [InlineData("""{"id":"a"}{}""")]
    [InlineData("""{"id":"a",""")]
    [InlineData("""{"id":"a" "object":"b"}""")]
    [InlineData("   ")]
    [InlineData("""{"id":"a",}""")]
    [InlineData("""{"id":"a"} // comment""")]
    public void Rejects_what_JsonDocument_rejects(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(bytes));
        Assert.ThrowsAny<JsonException>(() => JsonModelReader.Read(bytes, ModelList.CreateFromDiscriminatorValue));
    }

    [Fact]
    public void Reads_a_discriminated_union_member_found_after_other_properties()
    {
        const string Json = """{"role":"user","content":[{"text":"hi","type":"text"},{"image_url":{"url":"https://x/y.png"},"type":"image_url"}]}""";

        var message = JsonModelReader.Read(Encoding.UTF8.GetBytes(Json), ChatCompletionMessage.CreateFromDiscriminatorValue);

        var parts = message.Content!.ChatContentPartValues!;
        Assert.Equal(2, parts.Count);
        Assert.Equal("hi", parts[0].ChatContentPartText!.Text);
        Assert.Equal("https://x/y.png", parts[1].ChatContentPartImage!.ImageUrl!.Url);
    }

    /// <summary>Every generated model and union of the client: each has a static factory.</summary>
    private static IReadOnlyList<Type> ModelTypes { get; } =
    [
        .. typeof(ModelList).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ModelList).Namespace && t.IsClass && !t.IsAbstract && typeof(IParsable).IsAssignableFrom(t))
            .Where(t => t.GetMethod("CreateFromDiscriminatorValue", BindingFlags.Public | BindingFlags.Static, [typeof(IParseNode)]) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    private static string ExamplePath(string file) => Path.Combine(RepositoryPaths.Root, "openapi", "examples", file);

    /// <summary>
    /// Reads <paramref name="json"/> as <paramref name="type"/> both ways. Where the direct path kept a value of
    /// the wrong kind (which Kiota's node drops or fails on), Kiota reads the JSON without that property and the
    /// direct model is compared without the kept value.
    /// </summary>
    private static Outcome Compare(Type type, byte[] json)
    {
        var direct = Attempt(() => ReadDirect(type, json));
        var paths = direct.Stripped?.Kept ?? [];
        var input = paths.Count == 0 ? json : JsonPaths.Without(json, paths);

        // The reference document is not disposed: Kiota's UntypedArray reads its element lazily.
        var reference = Attempt(() => Read(type, new JsonParseNode(JsonDocument.Parse(input).RootElement)));
        if (reference.Failure is not null || direct.Failure is not null)
        {
            var same = reference.Failure?.GetType() == direct.Failure?.GetType();
            return new Outcome(same, $"parse node: {reference.Failure?.GetType().Name ?? "ok"}, direct: {direct.Failure?.GetType().Name ?? "ok"} ({direct.Failure?.Message})", reference.Failure, 0);
        }

        if (reference.Stripped!.Text != direct.Stripped!.Text)
        {
            return new Outcome(false, $"parse node wrote {reference.Stripped.Text}, direct {direct.Stripped.Text} (kept at {Describe(paths)})", null, paths.Count);
        }

        return new Outcome(reference.Stripped.Described == direct.Stripped.Described, $"parse node kept {reference.Stripped.Described}, direct {direct.Stripped.Described}", null, paths.Count);
    }

    private static string Describe(IReadOnlyList<(string[] Path, string RawValue)> kept) => string.Join(", ", kept.Select(k => string.Join('.', k.Path) + "=" + k.RawValue));

    /// <summary>The model without its kept values, taken while the document behind it is alive; or the exception.</summary>
    private static (KeptValuesStripped? Stripped, Exception? Failure) Attempt(Func<IParsable> read)
    {
        try
        {
            var (kept, text, described) = KeptValues.Strip(read());
            return (new KeptValuesStripped(kept, text, described), null);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            return (null, ex.InnerException);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            return (null, ex);
        }
    }

    private static IParsable Read(Type type, IParseNode node) =>
        (IParsable)typeof(JsonModelReaderTests).GetMethod(nameof(ReadGeneric), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [node])!;

    private static IParsable ReadDirect(Type type, byte[] json) =>
        (IParsable)typeof(JsonModelReaderTests).GetMethod(nameof(ReadDirectGeneric), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [json])!;

    private static T ReadGeneric<T>(IParseNode node)
        where T : IParsable => node.GetObjectValue(Factory<T>());

    private static T ReadDirectGeneric<T>(byte[] json)
        where T : IParsable => JsonModelReader.Read(json, Factory<T>());

    private static ParsableFactory<T> Factory<T>()
        where T : IParsable =>
        typeof(T).GetMethod("CreateFromDiscriminatorValue", BindingFlags.Public | BindingFlags.Static, [typeof(IParseNode)])!
            .CreateDelegate<ParsableFactory<T>>();

    /// <summary>
    /// The example with one change each: every value replaced by three of <see cref="Replacements"/> in turn,
    /// and every object once with its first property repeated (with a replaced value) and once with every
    /// name escaped.
    /// </summary>
    private static IEnumerable<string> Variants(JsonNode root)
    {
        var nodes = Nodes(root).ToList();
        for (var index = 0; index < nodes.Count; index++)
        {
            for (var turn = 0; turn < 3; turn++)
            {
                var replacement = Replacements[(index + (turn * 7)) % Replacements.Length];
                yield return Write(root, node => ReferenceEquals(node, nodes[index]) ? replacement : null, repeatFirstIn: null, escapeNamesIn: null);
            }

            if (nodes[index] is JsonObject { Count: > 0 } target)
            {
                yield return Write(root, _ => null, repeatFirstIn: (target, Replacements[index % Replacements.Length]), escapeNamesIn: null);
                yield return Write(root, _ => null, repeatFirstIn: null, escapeNamesIn: target);
            }
        }
    }

    /// <summary>Every value under the root (the root itself excluded), depth first.</summary>
    private static IEnumerable<JsonNode> Nodes(JsonNode node)
    {
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is null)
            {
                continue;
            }

            yield return child;
            foreach (var grandchild in Nodes(child))
            {
                yield return grandchild;
            }
        }
    }

    /// <summary>The JSON text of <paramref name="node"/>, with the changes asked for.</summary>
    private static string Write(JsonNode? node, Func<JsonNode, string?> replace, (JsonObject Target, string Value)? repeatFirstIn, JsonObject? escapeNamesIn)
    {
        if (node is not null && replace(node) is { } replaced)
        {
            return replaced;
        }

        switch (node)
        {
            case JsonObject o:
                {
                    var text = new StringBuilder("{");
                    var first = true;
                    foreach (var (name, value) in o)
                    {
                        text.Append(first ? string.Empty : ",").Append(Name(name, escape: ReferenceEquals(o, escapeNamesIn))).Append(':').Append(Write(value, replace, repeatFirstIn, escapeNamesIn));
                        if (first && repeatFirstIn is { } repeat && ReferenceEquals(o, repeat.Target))
                        {
                            text.Append(',').Append(Name(name, escape: false)).Append(':').Append(repeat.Value);
                        }

                        first = false;
                    }

                    return text.Append('}').ToString();
                }

            case JsonArray a:
                return "[" + string.Join(",", a.Select(item => Write(item, replace, repeatFirstIn, escapeNamesIn))) + "]";
            case null:
                return "null";
            default:
                return node.ToJsonString();
        }
    }

    private static string Name(string name, bool escape) =>
        escape ? "\"" + string.Concat(name.Select(c => $"\\u{(int)c:x4}")) + "\"" : JsonSerializer.Serialize(name);

    private sealed record Outcome(bool Equal, string Difference, Exception? Failure, int Kept);

    private sealed record KeptValuesStripped(IReadOnlyList<(string[] Path, string RawValue)> Kept, string Text, string Described);
}
