using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Spectre.Console;

namespace Nebius.Cli;

/// <summary>What a command's action gets: the parsed line, where to write, and a client session to call with.</summary>
internal sealed class CliContext(ParseResult parse, TextWriter output, TextWriter errors, Func<string, string?> environment)
{
    // Relaxed escaping: quotes, '<', '&' and non-ASCII text stay as they are (a script reads JSON, not HTML).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ParseResult Parse { get; } = parse;

    public TextWriter Output { get; } = output;

    public TextWriter Errors { get; } = errors;

    /// <summary>True with <c>--json</c>: print one JSON document and nothing else on stdout.</summary>
    public bool Json => Parse.GetValue(CliOptions.Json);

    /// <summary>Tables and colours for people (Spectre.Console), over the same output.</summary>
    public IAnsiConsole Console { get; } = CliConsole.Create(output);

    /// <summary>Writes a table, or one line saying there is nothing to show.</summary>
    public Task WriteTableAsync(Spectre.Console.Table table, string whenEmpty)
    {
        if (table.Rows.Count == 0)
        {
            return Output.WriteLineAsync(whenEmpty);
        }

        Console.Write(table);
        return Task.CompletedTask;
    }

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T? Value<T>(Argument<T> argument) => Parse.GetValue(argument);

    public Task<ClientSession> OpenSessionAsync(bool offlineWithoutKey, CancellationToken cancellationToken) =>
        ClientSession.OpenAsync(
            CliOptions.ResolveApiKey(Parse, environment),
            CliOptions.WantsFake(Parse, environment),
            offlineWithoutKey,
            CliOptions.Resolve(Parse, CliOptions.BaseUrl, "NEBIUS_BASE_URL", environment),
            CliOptions.Resolve(Parse, CliOptions.Project, "NEBIUS_AI_PROJECT_ID", environment),
            Errors,
            cancellationToken);

    /// <summary>A response model as the API sent it (Kiota keeps unknown fields, so nothing is lost), indented.</summary>
    public Task WriteJsonAsync(IParsable? value)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, value);
        return WriteSerializedAsync(writer);
    }

    /// <summary>A list of response models (e.g. the bare arrays of <c>/v0</c>) as a JSON array.</summary>
    public Task WriteJsonAsync<T>(IEnumerable<T>? values)
        where T : IParsable
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteCollectionOfObjectValues(null, values);
        return WriteSerializedAsync(writer);
    }

    /// <summary>A response model as a JSON node, to put inside a document of the command's own.</summary>
    public static async Task<JsonNode?> ToJsonNodeAsync(IParsable? value)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, value);
        using var content = writer.GetSerializedContent();
        return await JsonNode.ParseAsync(content).ConfigureAwait(false);
    }

    public Task WriteJsonAsync(JsonNode value) => Output.WriteLineAsync(value.ToJsonString(Indented));

    private async Task WriteSerializedAsync(JsonSerializationWriter writer)
    {
        using var content = writer.GetSerializedContent();
        var node = await JsonNode.ParseAsync(content).ConfigureAwait(false);
        await Output.WriteLineAsync(node?.ToJsonString(Indented) ?? "null").ConfigureAwait(false);
    }
}
