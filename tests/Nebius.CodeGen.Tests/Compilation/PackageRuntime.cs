using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Nebius.CodeGen.Tests.Compilation;

/// <summary>
/// A spec generated into the package's own root namespace and compiled together with the package's compiled
/// runtime types that generated paging and waiting methods call (<c>Paging.Pager</c>, <c>Waiting.Poller</c>, …),
/// read from <c>src/</c>, so a test runs the generated methods over the real walk and poll loops.
/// </summary>
internal sealed class PackageRuntime : IDisposable
{
    public const string RootNamespace = "Nebius.TokenFactory";

    public const string ClientName = "SpecClient";

    // The package's runtime files the generated paging and waiting code needs; each compiles on its own.
    private static readonly string[] RuntimeSources =
    [
        "Paging/Pager.cs", "Waiting/Poller.cs", "Waiting/TerminalStatus.cs", "Waiting/NebiusWaitOptions.cs", "Waiting/NebiusWaitTimeoutException.cs",
        "Http/NebiusRequiredBodyOption.cs",
    ];

    private readonly AssemblyLoadContext _context;

    private PackageRuntime(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static PackageRuntime FromSpec(string yaml)
    {
        var generated = Generator.Generate(yaml, new GeneratorOptions(RootNamespace, ClientName));
        var runtime = RuntimeSources.Select(ModelRuntimeSources.Read);
        var image = InMemoryCompiler.Compile([.. generated.Files, .. runtime, .. ModelRuntimeSources.Files], "PackageRuntime_" + Guid.NewGuid().ToString("N"));
        var context = new AssemblyLoadContext("PackageRuntime_" + Guid.NewGuid().ToString("N"), isCollectible: true);
        using var stream = new MemoryStream(image);
        return new PackageRuntime(context, context.LoadFromStream(stream));
    }

    public Type Type(string relativeName) =>
        Assembly.GetType($"{RootNamespace}.{relativeName}", throwOnError: true)!;

    /// <summary>The generated root client over Kiota's adapter, answering through <paramref name="handler"/>.</summary>
    public dynamic Client(HttpMessageHandler handler)
    {
#pragma warning disable CA2000 // The adapter owns nothing it was not given; the handler belongs to the test.
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: new HttpClient(handler, disposeHandler: false)) { BaseUrl = GeneratedAssembly.BaseUrl };
#pragma warning restore CA2000
        return Activator.CreateInstance(Type(ClientName), adapter)!;
    }

    public void Dispose() => _context.Unload();
}
