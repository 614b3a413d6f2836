namespace Nebius.TokenFactory.Fuzz.Calls;

/// <summary>
/// One public call of the client and the contract example it receives when all goes well.
/// </summary>
/// <param name="Name">How reports name the call, e.g. <c>V1.Files[id].GetAsync</c>.</param>
/// <param name="Example">The file in <c>openapi/examples/</c> the server answers with (before mutation); null for the stream.</param>
/// <param name="ModelType">
/// The generated model the call returns as it was read, when it does; null for conveniences that return something
/// derived from it (a string, vectors, a list). Property checks that look inside the model need it.
/// </param>
/// <param name="Invoke">Makes the call; the result is the model, the convenience's value, or the list of stream chunks.</param>
internal sealed record ClientCall(string Name, string? Example, Type? ModelType, Func<NebiusClient, CancellationToken, Task<object?>> Invoke)
{
    public override string ToString() => Name;
}
