using System.Text.Json;
using Nebius.Reference;

namespace Nebius.ReferenceClient.Tests;

/// <summary>Calls an operation on the NSwag reference client: the method named after the operationId, arguments by parameter name.</summary>
internal static class ReferenceInvoker
{
    public static Nebius.Reference.ReferenceClient Create(HttpClient http, Uri baseUrl) =>
        new(http) { BaseUrl = baseUrl.ToString() };

    public static async Task<object?> CallAsync(Nebius.Reference.ReferenceClient client, ContractOperation operation, LogicalRequest request)
    {
        var wanted = Simplify(operation.OperationId + "Async");
        var method = typeof(Nebius.Reference.ReferenceClient).GetMethods()
            .Where(m => Simplify(m.Name) == wanted && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken))
            .SingleOrDefault() ?? throw new InvalidOperationException($"the reference client has no method for {operation.OperationId}");
        var arguments = new List<object?>();
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                arguments.Add(CancellationToken.None);
            }
            else if (parameter.Name == "body")
            {
                arguments.Add(JsonSerializer.Deserialize(request.BodyJson ?? "{}", parameter.ParameterType, client.SerializerOptions));
            }
            else
            {
                var value = request.Values.FirstOrDefault(v => Simplify(v.Key) == Simplify(parameter.Name!)).Value
                    ?? throw new InvalidOperationException($"no value for the reference client's parameter {parameter.Name}");
                arguments.Add(LogicalRequest.Convert(value, parameter.ParameterType));
            }
        }

        var task = (Task)method.Invoke(client, [.. arguments])!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static string Simplify(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
}
