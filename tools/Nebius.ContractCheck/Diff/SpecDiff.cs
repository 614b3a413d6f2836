using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Nebius.ContractCheck.Diff;

/// <summary>The semantic difference between a base and a head version of the spec.</summary>
internal sealed record DiffResult(string? BaseVersion, string? HeadVersion, IReadOnlyList<Change> Changes)
{
    public IEnumerable<Change> Breaking => Changes.Where(c => c.Severity == Severity.Breaking);

    public IEnumerable<Change> UnacknowledgedBreaking => Breaking.Where(c => !c.Acknowledged);
}

/// <summary>
/// Compares operations (matched by method and path template, whatever the path parameters are called),
/// their parameters, request bodies and responses, then the component schemas no operation reaches.
/// </summary>
internal static partial class SpecDiff
{
    public static DiffResult Compare(OpenApiDocument baseDocument, OpenApiDocument headDocument)
    {
        var changes = new ChangeSet();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var baseOperations = Operations(baseDocument);
        var headOperations = Operations(headDocument);

        foreach (var (key, baseOperation) in baseOperations)
        {
            if (!headOperations.TryGetValue(key, out var headOperation))
            {
                Add(changes, ChangeKinds.OperationRemoved, baseOperation.Name, Severity.Breaking, Direction.None, "operation removed", baseOperation.Name);
                continue;
            }

            CompareOperation(changes, reached, baseOperation, headOperation);
        }

        foreach (var key in headOperations.Keys.Except(baseOperations.Keys, StringComparer.Ordinal))
        {
            var added = headOperations[key];
            Add(changes, ChangeKinds.OperationAdded, added.Name, Severity.Compatible, Direction.None, "operation added", added.Name);
        }

        CompareComponents(changes, reached, baseDocument, headDocument);
        return new DiffResult(baseDocument.Info?.Version, headDocument.Info?.Version, changes.Ordered());
    }

    private sealed record Operation(string Name, OpenApiOperation Model, IReadOnlyList<IOpenApiParameter> Parameters);

    private static Dictionary<string, Operation> Operations(OpenApiDocument document)
    {
        var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var verb = method.Method.ToUpperInvariant();
                // Operation-level parameters override path-level ones with the same name and location.
                var parameters = (operation.Parameters ?? [])
                    .Concat(item.Parameters ?? [])
                    .DistinctBy(ParameterKey)
                    .ToList();
                operations[$"{verb} {PathParameter().Replace(path, "{}")}"] = new Operation($"{verb} {path}", operation, parameters);
            }
        }

        return operations;
    }

    private static void CompareOperation(ChangeSet changes, HashSet<string> reached, Operation baseOperation, Operation headOperation)
    {
        var name = headOperation.Name;
        if (!string.Equals(baseOperation.Model.OperationId, headOperation.Model.OperationId, StringComparison.Ordinal))
        {
            Add(changes, ChangeKinds.OperationIdChanged, name, Severity.Breaking, Direction.None,
                $"operationId changed from {baseOperation.Model.OperationId} to {headOperation.Model.OperationId}", name);
        }

        CompareParameters(changes, reached, baseOperation, headOperation);
        CompareRequestBody(changes, reached, name, baseOperation.Model.RequestBody, headOperation.Model.RequestBody);
        CompareResponses(changes, reached, name, baseOperation.Model.Responses, headOperation.Model.Responses);
    }

    private static void CompareParameters(ChangeSet changes, HashSet<string> reached, Operation baseOperation, Operation headOperation)
    {
        var name = headOperation.Name;
        var baseParameters = baseOperation.Parameters.ToDictionary(ParameterKey, StringComparer.Ordinal);
        var headParameters = headOperation.Parameters.ToDictionary(ParameterKey, StringComparer.Ordinal);
        foreach (var (key, baseParameter) in baseParameters)
        {
            var location = $"{name} {key}";
            if (!headParameters.TryGetValue(key, out var headParameter))
            {
                Add(changes, ChangeKinds.ParameterRemoved, location, Severity.Breaking, Direction.Request, "parameter removed", name);
                continue;
            }

            if (!baseParameter.Required && headParameter.Required)
            {
                Add(changes, ChangeKinds.ParameterBecameRequired, location, Severity.Breaking, Direction.Request, "became required", name);
            }
            else if (baseParameter.Required && !headParameter.Required)
            {
                Add(changes, ChangeKinds.ParameterBecameOptional, location, Severity.Compatible, Direction.Request, "became optional", name);
            }

            Walk(changes, reached, name, Direction.Request, baseParameter.Schema, headParameter.Schema, location);
        }

        foreach (var key in headParameters.Keys.Except(baseParameters.Keys, StringComparer.Ordinal))
        {
            var required = headParameters[key].Required;
            Add(changes, ChangeKinds.ParameterAdded, $"{name} {key}", required ? Severity.Breaking : Severity.Compatible, Direction.Request,
                required ? "required parameter added" : "optional parameter added", name);
        }
    }

    private static void CompareRequestBody(ChangeSet changes, HashSet<string> reached, string name, IOpenApiRequestBody? baseBody, IOpenApiRequestBody? headBody)
    {
        var location = $"{name} request";
        if (baseBody is null && headBody is null)
        {
            return;
        }

        if (headBody is null)
        {
            Add(changes, ChangeKinds.RequestBodyRemoved, location, Severity.Breaking, Direction.Request, "request body removed", name);
            return;
        }

        if (baseBody is null)
        {
            var required = headBody.Required;
            Add(changes, ChangeKinds.RequestBodyAdded, location, required ? Severity.Breaking : Severity.Compatible, Direction.Request,
                required ? "required request body added" : "optional request body added", name);
            return;
        }

        if (!baseBody.Required && headBody.Required)
        {
            Add(changes, ChangeKinds.RequestBodyBecameRequired, location, Severity.Breaking, Direction.Request, "request body became required", name);
        }
        else if (baseBody.Required && !headBody.Required)
        {
            Add(changes, ChangeKinds.RequestBodyBecameOptional, location, Severity.Compatible, Direction.Request, "request body became optional", name);
        }

        CompareContent(changes, reached, name, Direction.Request, baseBody.Content, headBody.Content, location);
    }

    private static void CompareResponses(ChangeSet changes, HashSet<string> reached, string name, OpenApiResponses? baseResponses, OpenApiResponses? headResponses)
    {
        var baseByStatus = baseResponses ?? [];
        var headByStatus = headResponses ?? [];
        foreach (var (status, baseResponse) in baseByStatus)
        {
            var location = $"{name} {status}";
            if (!headByStatus.TryGetValue(status, out var headResponse))
            {
                Add(changes, ChangeKinds.ResponseRemoved, location, Severity.Breaking, Direction.Response, "response removed", name);
                continue;
            }

            CompareContent(changes, reached, name, Direction.Response, baseResponse.Content, headResponse.Content, location);
        }

        foreach (var status in headByStatus.Keys.Except(baseByStatus.Keys, StringComparer.Ordinal))
        {
            Add(changes, ChangeKinds.ResponseAdded, $"{name} {status}", Severity.Compatible, Direction.Response, "response added", name);
        }
    }

    private static void CompareContent(
        ChangeSet changes,
        HashSet<string> reached,
        string name,
        Direction direction,
        IDictionary<string, IOpenApiMediaType>? baseContent,
        IDictionary<string, IOpenApiMediaType>? headContent,
        string location)
    {
        var baseMedia = baseContent ?? new Dictionary<string, IOpenApiMediaType>();
        var headMedia = headContent ?? new Dictionary<string, IOpenApiMediaType>();
        foreach (var (mediaType, baseMediaType) in baseMedia)
        {
            if (!headMedia.TryGetValue(mediaType, out var headMediaType))
            {
                Add(changes, ChangeKinds.MediaTypeRemoved, $"{location} {mediaType}", Severity.Breaking, direction, "media type removed", name);
                continue;
            }

            Walk(changes, reached, name, direction, baseMediaType.Schema, headMediaType.Schema, $"{location} {mediaType}");
        }

        foreach (var mediaType in headMedia.Keys.Except(baseMedia.Keys, StringComparer.Ordinal))
        {
            // A server may not answer with a type the client cannot read; a client may keep sending what it sent.
            Add(changes, ChangeKinds.MediaTypeAdded, $"{location} {mediaType}",
                direction == Direction.Response ? Severity.Breaking : Severity.Compatible, direction, "media type added", name);
        }
    }

    /// <summary>
    /// Component schemas: removed ones are breaking (their generated type disappears). Those no operation
    /// reaches (the batch-line fixtures) are compared as both written and read, keeping the worse verdict.
    /// </summary>
    private static void CompareComponents(ChangeSet changes, HashSet<string> reached, OpenApiDocument baseDocument, OpenApiDocument headDocument)
    {
        var baseSchemas = baseDocument.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var headSchemas = headDocument.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, baseSchema) in baseSchemas.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!headSchemas.TryGetValue(name, out var headSchema))
            {
                Add(changes, ChangeKinds.SchemaRemoved, name, Severity.Breaking, Direction.None, "component schema removed", "#/components/schemas");
                continue;
            }

            if (!reached.Contains(name))
            {
                foreach (var direction in new[] { Direction.Request, Direction.Response })
                {
                    new SchemaDiff(changes, "#/components/schemas", direction).Compare(baseSchema, headSchema, name);
                }
            }
        }

        foreach (var name in headSchemas.Keys.Except(baseSchemas.Keys, StringComparer.Ordinal))
        {
            Add(changes, ChangeKinds.SchemaAdded, name, Severity.Compatible, Direction.None, "component schema added", "#/components/schemas");
        }
    }

    private static void Walk(ChangeSet changes, HashSet<string> reached, string name, Direction direction, IOpenApiSchema? baseSchema, IOpenApiSchema? headSchema, string location)
    {
        var walk = new SchemaDiff(changes, name, direction);
        walk.Compare(baseSchema, headSchema, location);
        reached.UnionWith(walk.Reached);
    }

    private static string ParameterKey(IOpenApiParameter parameter) =>
        $"{parameter.In?.ToString().ToLowerInvariant()}:{parameter.Name}";

    private static void Add(ChangeSet changes, string kind, string location, Severity severity, Direction direction, string message, string usedBy)
    {
        var change = new Change(kind, location, severity, direction, message);
        change.UsedBy.Add(usedBy);
        changes.Add(change);
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex PathParameter();
}
