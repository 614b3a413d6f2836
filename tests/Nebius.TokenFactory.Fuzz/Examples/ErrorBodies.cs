namespace Nebius.TokenFactory.Fuzz.Examples;

/// <summary>
/// The error bodies the API and the servers in front of it send with an error status: FastAPI's <c>detail</c>
/// (a string, or a validation list on 422), and the OpenAI/vLLM <c>error</c> object with a numeric or a string code.
/// Error statuses are fuzzed with these and with the success examples, both mutated.
/// </summary>
internal static class ErrorBodies
{
    public static IReadOnlyList<byte[]> All { get; } =
    [
        """{"detail":"Not Found"}"""u8.ToArray(),
        """{"detail":[{"loc":["body","model"],"msg":"Field required","type":"missing","input":{"messages":[]}}]}"""u8.ToArray(),
        """{"error":{"message":"Rate limit exceeded, retry later","type":"rate_limit_error","param":null,"code":429}}"""u8.ToArray(),
        """{"error":{"message":"The model is overloaded","type":"server_error","code":"overloaded"}}"""u8.ToArray(),
    ];
}
