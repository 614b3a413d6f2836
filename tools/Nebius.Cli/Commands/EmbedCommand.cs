using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Nebius.Cli.Commands;

/// <summary><c>nebius embed "text" ...</c>: one vector per text.</summary>
internal static class EmbedCommand
{
    public const string DefaultModel = "BAAI/bge-en-icl";

    private static readonly Argument<string[]> Texts = new("text") { Description = "The texts to embed, one vector each.", Arity = ArgumentArity.OneOrMore };

    private static readonly Option<string> Model = new("--model") { Description = $"The embedding model (default {DefaultModel}).", HelpName = "id", DefaultValueFactory = _ => DefaultModel };

    private static readonly Option<int?> Dimensions = new("--dimensions") { Description = "Shorten the vectors to this many dimensions (models that support it).", HelpName = "n" };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("embed", "Embed texts and show the vectors (all of them with --json).") { Texts, Model, Dimensions };
        command.SetSessionAction(context, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var texts = cli.Value(Texts) ?? [];
        var model = cli.Value(Model)!;
        var vectors = await session.Client.EmbedAsync(model, texts, cli.Value(Dimensions), cancellationToken).ConfigureAwait(false);
        if (cli.Json)
        {
            var data = new JsonArray();
            for (var i = 0; i < vectors.Count; i++)
            {
                data.Add(new JsonObject { ["index"] = i, ["text"] = texts[i], ["embedding"] = new JsonArray([.. vectors[i].Select(v => (JsonNode)v)]) });
            }

            await cli.WriteJsonAsync(new JsonObject { ["model"] = model, ["data"] = data }).ConfigureAwait(false);
            return CliApp.Ok;
        }

        var table = CliConsole.Table("text", "dimensions", "vector");
        for (var i = 0; i < vectors.Count; i++)
        {
            var head = string.Join(", ", vectors[i].Take(4).Select(v => v.ToString("0.0000", CultureInfo.InvariantCulture)));
            table.AddTextRow(texts[i], vectors[i].Length.ToString(CultureInfo.InvariantCulture), vectors[i].Length > 4 ? head + ", …" : head);
        }

        await cli.WriteTableAsync(table, "no vectors").ConfigureAwait(false);
        return CliApp.Ok;
    }
}
