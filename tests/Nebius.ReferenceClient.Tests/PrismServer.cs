using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nebius.Testing;

namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// The pinned Prism (node_modules, from <c>npm ci</c>) mocking the contract on 127.0.0.1, started once for the
/// test class and stopped after it. Prism validates every request against the spec and answers an invalid
/// one with 4xx and an <c>sl-violations</c> header.
/// </summary>
public sealed class PrismServer : IAsyncLifetime
{
    private Process? _process;
    private readonly System.Text.StringBuilder _log = new();

    public static string Executable => Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "prism");

    /// <summary>Why the Prism tests cannot run here, or null when they can. Under CI=true a missing Prism is a failure, not a skip.</summary>
    public static string? SkipReason =>
        File.Exists(Executable) || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : "Prism is not installed (node_modules/.bin/prism is absent): run `npm ci` in the repository root.";

    public Uri BaseUrl { get; private set; } = null!;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"Prism is required under CI but {Executable} is missing; .ci/run runs `npm ci` first.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "mock", Path.Combine("openapi", "nebius-token-factory.yaml"), "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Prism could not be started");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        await WaitUntilListeningAsync(port);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException("Prism exited during start-up:\n" + Log);
            }

            if (Log.Contains("Prism is listening", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Prism did not listen on port {port} within 90 s:\n" + Log);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A theory that is skipped, with the reason, when Prism is not installed outside CI.</summary>
public sealed class PrismTheoryAttribute : TheoryAttribute
{
    public PrismTheoryAttribute() => Skip = PrismServer.SkipReason;
}
