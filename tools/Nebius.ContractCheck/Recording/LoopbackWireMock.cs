using WireMock.Logging;
using WireMock.Settings;

namespace Nebius.ContractCheck.Recording;

/// <summary>Settings of every WireMock.Net server the drift checks start: 127.0.0.1 on a free port (never all interfaces, WireMock's default), silent.</summary>
internal static class LoopbackWireMock
{
    public static WireMockServerSettings Settings(ProxyAndRecordSettings? proxy = null) => new()
    {
        Urls = ["http://127.0.0.1:0"],
        Logger = new WireMockNullLogger(), // nothing it sees (keys included) goes to the console
        StartAdminInterface = proxy is not null, // the recorder reads the saved mappings back through it
        ProxyAndRecordSettings = proxy,
    };
}
