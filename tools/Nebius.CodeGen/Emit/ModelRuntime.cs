namespace Nebius.CodeGen.Emit;

/// <summary>
/// The compiled runtime the generated models call (src/Nebius.TokenFactory/Serialization/ModelRuntime):
/// spec-independent code lives there, as C# the compiler, the analyzers and the formatter see, and the
/// generator writes only the spec-dependent parts. Its namespace is fixed whatever the client's namespace.
/// </summary>
internal static class ModelRuntime
{
    private const string Namespace = "global::Nebius.TokenFactory.Serialization";

    /// <summary>The interface every generated model implements for the direct path.</summary>
    public const string Model = Namespace + ".IJsonModel";

    /// <summary>The interface every generated union implements for the direct path.</summary>
    public const string Union = Namespace + ".IJsonUnion";

    /// <summary>Drives the direct path: the field loop, lists, discriminator lookahead.</summary>
    public const string Reader = Namespace + ".JsonModelReader";

    /// <summary>Direct reads of numbers, and of lists of strings and numbers.</summary>
    public const string Scalars = Namespace + ".JsonScalars";

    /// <summary>Kiota's own parse node over a value's element, for whatever is not read directly.</summary>
    public const string Fallback = Namespace + ".KiotaFallback";

    /// <summary>The set behind ExplicitNulls.</summary>
    public const string NullSet = Namespace + ".ExplicitNullSet";

    /// <summary>Explicit-null recording when a model is read through a parse node.</summary>
    public const string Hooks = Namespace + ".ParseNodeHooks";

    /// <summary>JSON kind probes through IParseNode, for union factories.</summary>
    public const string Probes = Namespace + ".ParseNodeProbes";

    /// <summary>The JSON kinds the probes report.</summary>
    public const string JsonKind = Probes + ".JsonKind";

    /// <summary>The reader type of System.Text.Json.</summary>
    public const string Utf8Reader = "global::System.Text.Json.Utf8JsonReader";

    /// <summary>The token kinds of System.Text.Json.</summary>
    public const string Token = "global::System.Text.Json.JsonTokenType";
}
