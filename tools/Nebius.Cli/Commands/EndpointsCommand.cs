using System.CommandLine;
using System.Globalization;

namespace Nebius.Cli.Commands;

/// <summary><c>nebius endpoints list</c>: the project's dedicated endpoints.</summary>
internal static class EndpointsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "List the dedicated endpoints with their deployment state.");
        list.SetSessionAction(context, ListAsync);
        return new Command("endpoints", "Dedicated endpoints.") { list };
    }

    private static async Task<int> ListAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var endpoints = await session.Client.V0.DedicatedEndpoints.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(endpoints).ConfigureAwait(false);
            return CliApp.Ok;
        }

        var table = CliConsole.Table("id", "name", "model", "region", "gpus", "ready", "enabled", "routing key");
        foreach (var endpoint in endpoints?.Data ?? [])
        {
            var scaling = endpoint.Scaling is { } s ? $"{s.MinReplicas}-{s.MaxReplicas}" : "?";
            table.AddTextRow(
                endpoint.Id,
                endpoint.Name,
                $"{endpoint.ModelName} ({endpoint.FlavorName})",
                endpoint.Region,
                $"{endpoint.GpuCount}x {endpoint.GpuType}",
                $"{endpoint.Deployment?.ReadyReplicas ?? 0} of {scaling}",
                endpoint.Enabled is { } enabled ? (enabled ? "yes" : "no") : null,
                endpoint.RoutingKey);
        }

        await cli.WriteTableAsync(table, "no dedicated endpoints").ConfigureAwait(false);
        return CliApp.Ok;
    }
}
