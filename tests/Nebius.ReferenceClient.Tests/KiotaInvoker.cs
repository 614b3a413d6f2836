using System.Reflection;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// Calls an operation on a Kiota-shaped client (ours or the stock one, see <see cref="KiotaClients"/>) by walking
/// its request builders: a path segment is a property, a <c>{parameter}</c> an indexer, the verb a
/// <c>{Method}Async</c>, query values go through <c>RequestConfiguration.QueryParameters</c> by their
/// <c>[QueryParameter]</c> names. The body is read from the logical JSON into the client's own body type.
/// </summary>
internal static class KiotaInvoker
{
    public static async Task<object?> CallAsync(BaseRequestBuilder client, ContractOperation operation, LogicalRequest request)
    {
        object builder = client;
        foreach (var segment in operation.Path.Trim('/').Split('/'))
        {
            builder = segment.StartsWith('{')
                ? Index(builder, request.Values[segment.Trim('{', '}')])
                : Property(builder, segment);
        }

        var verb = operation.Method[0] + operation.Method[1..].ToLowerInvariant();
        var method = builder.GetType().GetMethod(verb + "Async")
            ?? throw new InvalidOperationException($"{builder.GetType().Name} has no {verb}Async");
        var arguments = new List<object?>();
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                arguments.Add(CancellationToken.None);
            }
            else if (parameter.ParameterType.IsGenericType && parameter.ParameterType.GetGenericTypeDefinition() == typeof(Action<>))
            {
                var queryType = parameter.ParameterType.GetGenericArguments()[0].GetGenericArguments()[0];
                arguments.Add(typeof(KiotaInvoker).GetMethod(nameof(Configure), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(queryType).Invoke(null, [operation, request]));
            }
            else
            {
                arguments.Add(await KiotaJsonSerializer.DeserializeAsync(parameter.ParameterType, request.BodyJson ?? "{}"));
            }
        }

        var task = (Task)method.Invoke(builder, [.. arguments])!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static Action<RequestConfiguration<T>> Configure<T>(ContractOperation operation, LogicalRequest request)
        where T : class, new() => configuration =>
        {
            foreach (var property in typeof(T).GetProperties())
            {
                var wireName = property.GetCustomAttribute<QueryParameterAttribute>()?.TemplateName ?? property.Name;
                if (operation.Parameters.Any(p => p.In == "query" && p.Name == wireName) && request.Values.TryGetValue(wireName, out var value))
                {
                    property.SetValue(configuration.QueryParameters, LogicalRequest.Convert(value, property.PropertyType));
                }
            }
        };

    private static object Property(object builder, string segment)
    {
        var wanted = Simplify(segment);
        var property = builder.GetType().GetProperties().FirstOrDefault(p => p.GetIndexParameters().Length == 0 && Simplify(p.Name) == wanted)
            ?? throw new InvalidOperationException($"{builder.GetType().Name} has no property for segment '{segment}'");
        return property.GetValue(builder)!;
    }

    private static object Index(object builder, System.Text.Json.Nodes.JsonNode value)
    {
        var indexer = builder.GetType().GetProperties().Single(p => p.GetIndexParameters().Length == 1);
        var key = LogicalRequest.Convert(value, indexer.GetIndexParameters()[0].ParameterType);
        return indexer.GetValue(builder, [key])!;
    }

    private static string Simplify(string name) => name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
}
