namespace Nebius.CodeGen.Analysis;

public enum BuilderKind
{
    Root,
    Literal,
    Indexer,
    Method,
}

/// <summary>One request builder: a node of the URL tree, with its children and operations.</summary>
public sealed class BuilderNode(BuilderKind kind, string segment, string ns, string className)
{
    public BuilderKind Kind { get; } = kind;

    /// <summary>The raw path segment (<c>files</c>, <c>{file_id}</c>).</summary>
    public string Segment { get; } = segment;

    public string Namespace { get; } = ns;

    public string ClassName { get; } = className;

    /// <summary>The navigation property (literal) or method (multi-parameter) name on the parent.</summary>
    public string MemberName { get; set; } = string.Empty;

    /// <summary>Path parameters introduced by this segment (one for an indexer, several for a method).</summary>
    public List<PathParameter> Parameters { get; } = [];

    public SortedDictionary<string, BuilderNode> Children { get; } = new(StringComparer.Ordinal);

    public List<OperationModel> Operations { get; } = [];

    public BuilderNode? Parent { get; init; }

    /// <summary>This segment as it appears in the URL template, parameter names sanitised.</summary>
    public string SegmentTemplate { get; set; } = string.Empty;

    /// <summary>The path template from the root to this node (set once the tree is complete).</summary>
    public string PathTemplate { get; set; } = string.Empty;

    public string UrlTemplate { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string FullName => $"global::{Namespace}.{ClassName}";

    public string DottedName => $"{Namespace}.{ClassName}";
}

public sealed record PathParameter(string WireName, string Key, TypeRef Type, string? Description);

public sealed record QueryParameter(string WireName, string Key, string PropertyName, TypeRef Type, bool Required, string? Description);

public enum BodyKind
{
    None,
    Parsable,
    ParsableCollection,
    Scalar,
    Multipart,
    Stream,
}

public enum ResponseKind
{
    NoContent,
    Parsable,
    ParsableCollection,
    Primitive,
    PrimitiveCollection,
    Stream,
}

public sealed class OperationModel(string method)
{
    /// <summary>The HTTP method in upper case (GET, POST, ...).</summary>
    public string Method { get; } = method;

    /// <summary>Get, Post, ... as used in method names.</summary>
    public string Verb => Method[0] + Method[1..].ToLowerInvariant();

    public string? OperationId { get; init; }

    /// <summary>The path as the spec writes it (<c>/v1/batches/{batch_id}</c>).</summary>
    public string Path { get; init; } = string.Empty;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Description { get; init; }

    public bool Deprecated { get; init; }

    public List<QueryParameter> Query { get; } = [];

    public string? QueryClassName { get; set; }

    public BodyKind BodyKind { get; set; }

    public TypeRef? BodyType { get; set; }

    public string? BodyContentType { get; set; }

    public ResponseKind ResponseKind { get; set; }

    public TypeRef? ResponseType { get; set; }

    public string? Accept { get; set; }

    /// <summary>The type of each server-sent event, when the operation can answer with text/event-stream.</summary>
    public TypeRef? EventType { get; set; }

    public SortedDictionary<string, ModelType> ErrorMappings { get; } = new(StringComparer.Ordinal);

    /// <summary>The JSON request body declares the project field (<see cref="OperationFacts.ProjectField"/>).</summary>
    public bool BodyDeclaresProject { get; set; }

    /// <summary>The GenAI operation name the client traces this call under (<c>x-nebius-genai-operation</c>).</summary>
    public string? GenAiOperation { get; set; }

    /// <summary>The paging method this list operation gets (<c>x-nebius-pagination</c>).</summary>
    public PagingModel? Paging { get; set; }

    /// <summary>The resource this get operation polls until it ends (<c>x-nebius-long-running</c>).</summary>
    public LongRunningModel? LongRunning { get; set; }

    /// <summary>Set when this operation's URL template differs from its builder's (Kiota's UrlTemplateOverride).</summary>
    public string? UrlTemplateOverride { get; set; }
}
