using Nebius.TokenFactory.Fuzz.Runner;

// The fixed-seed fuzz run of CI: every case is one call of the real client against a loopback server that answers
// with a mutated body or event stream. Prints "N cases, N typed, N untyped" (and, when some are untyped, what they
// were); exits 1 when any call ended untyped or hung, 2 on a usage error.
var options = RunnerOptions.Parse(args);
if (options is null)
{
    return 2;
}

var results = await FuzzRunner.RunAsync(options);
FuzzReport.Write(results, Console.Out);
if (options.Only is not null)
{
    var only = results[0];
    Console.WriteLine($"case {only.Index}: {only.Case.Repro}");
    Console.WriteLine($"ended: {only.Outcome}");
}

return results.Any(r => !r.Outcome.IsTyped) ? 1 : 0;
