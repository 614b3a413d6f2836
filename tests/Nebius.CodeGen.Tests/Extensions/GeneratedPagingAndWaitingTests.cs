using System.Reflection;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Extensions;

/// <summary>
/// Operations with x-nebius-pagination and x-nebius-long-running get generated methods that page and wait, run here
/// over the package's real Pager and Poller; operations without them get nothing.
/// </summary>
public sealed class GeneratedPagingAndWaitingTests
{
    private static readonly Lazy<string> Spec = new(() => ExtensionSpecs.Api());

    [Fact]
    public async Task A_cursor_list_follows_the_last_id_and_passes_its_own_query_parameters_through()
    {
        using var api = PackageRuntime.FromSpec(Spec.Value);
        var handler = new ScriptedHandler(uri => uri.Query.Contains("after=t2", StringComparison.Ordinal)
            ? """{"data":[{"id":"t3"}],"has_more":false}"""
            : """{"data":[{"id":"t1"},{"id":"t2"}],"has_more":true,"last_id":"t2"}""");
        object builder = api.Client(handler).Things;

        var items = await ReadAllAsync(Invoke(builder, "ListAllAsync", 2, "red", CancellationToken.None));

        Assert.Equal(["t1", "t2", "t3"], items.Select(i => (string)((dynamic)i).Id));
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, uri => Assert.Contains("colour=red", uri.Query, StringComparison.Ordinal));
        Assert.All(handler.Requests, uri => Assert.Contains("limit=2", uri.Query, StringComparison.Ordinal));
        Assert.DoesNotContain("after=", handler.Requests[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_size_above_the_extensions_maximum_fails_at_the_call()
    {
        using var api = PackageRuntime.FromSpec(Spec.Value);
        var handler = new ScriptedHandler(_ => "{}");
        object builder = api.Client(handler).Things;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Invoke(builder, "ListAllAsync", 6, null, CancellationToken.None));

        Assert.Equal("pageSize", error.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_offset_list_over_a_union_answer_reads_both_shapes_as_maps_until_a_short_page()
    {
        using var api = PackageRuntime.FromSpec(Spec.Value);
        var handler = new ScriptedHandler(uri => uri.Query.Contains("offset=0", StringComparison.Ordinal)
            ? """[{"a":1},{"b":2}]"""
            : """{"rows":[{"c":3}],"version":"v1"}""");
        object builder = api.Client(handler).Rows;

        var rows = await ReadAllAsync(Invoke(builder, "ReadAllRowsAsync", null, CancellationToken.None));

        Assert.Equal(["a", "b", "c"], rows.Select(r => Assert.Single((IDictionary<string, object>)r).Key));
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("offset=2", handler.Requests[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_running_get_waits_until_a_terminal_state_of_its_extension()
    {
        using var api = PackageRuntime.FromSpec(Spec.Value);
        var states = new Queue<string>(["starting", "SOMETHING_NEW", "ready"]);
        var handler = new ScriptedHandler(_ => $$"""{"id":"t1","state":"{{states.Dequeue()}}"}""");
        object builder = api.Client(handler).Things["t1"];
        var options = Activator.CreateInstance(api.Type("NebiusWaitOptions"));
        options!.GetType().GetProperty("PollInterval")!.SetValue(options, TimeSpan.FromMilliseconds(1));

        var task = (Task)Invoke(builder, "WaitForCompletionAsync", options, null, CancellationToken.None);
        await task;
        dynamic thing = task.GetType().GetProperty("Result")!.GetValue(task)!;

        Assert.Equal("ready", (string)thing.State);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public void The_terminal_states_class_lists_each_resource_of_the_extension()
    {
        using var api = PackageRuntime.FromSpec(Spec.Value);
        var states = api.Type("NebiusTerminalStates");

        var set = (IReadOnlySet<string>)states.GetProperty("ThingStates")!.GetValue(null)!;
        var isTerminal = states.GetMethod("IsTerminal", [api.Type("Models.Thing")])!;

        Assert.Equal(["broken", "ready"], set.Order(StringComparer.Ordinal));
        Assert.True(set.Contains("READY"));
        Assert.Equal("thing", isTerminal.GetParameters()[0].Name); // the last word of the resource's name
    }

    [Fact]
    public void Operations_without_the_extensions_get_no_paging_or_waiting_method()
    {
        var spec = Specs.Model("""
                Thing:
                  type: object
                  properties:
                    status: {type: string}
            """);

        var generated = Generator.Generate(spec);

        Assert.DoesNotContain(generated.Files, f => f.Content.Contains("ListAllAsync", StringComparison.Ordinal) || f.Content.Contains("WaitForCompletionAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(generated.Files, f => f.RelativePath.EndsWith("NebiusTerminalStates.cs", StringComparison.Ordinal));
    }

    private static object Invoke(object target, string method, params object?[] arguments)
    {
        var info = target.GetType().GetMethod(method) ?? throw new Xunit.Sdk.XunitException($"{target.GetType().Name} has no {method}");
        try
        {
            return info.Invoke(target, arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private static async Task<List<object>> ReadAllAsync(object sequence)
    {
        var items = new List<object>();
        await foreach (var item in (IAsyncEnumerable<object>)sequence)
        {
            items.Add(item);
        }

        return items;
    }
}
