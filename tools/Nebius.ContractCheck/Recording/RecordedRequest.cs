using System.Text.Json.Nodes;

namespace Nebius.ContractCheck.Recording;

/// <summary>The method and path a WireMock.Net mapping answers, read from its request matchers.</summary>
internal sealed record RecordedRequest(string Method, string RequestPath)
{
    /// <summary>Null for a mapping that matches no single method and path (such as the proxy's catch-all).</summary>
    public static RecordedRequest? Of(JsonObject mapping)
    {
        var request = mapping["Request"];
        var method = request?["Methods"]?.AsArray().Select(m => (string?)m).SingleOrDefault();
        var path = request?["Path"]?["Matchers"]?.AsArray().Select(m => (string?)m?["Pattern"]).SingleOrDefault();
        return method is null || path is null || mapping["Response"]?["ProxyUrl"] is not null ? null : new RecordedRequest(method, path);
    }
}
