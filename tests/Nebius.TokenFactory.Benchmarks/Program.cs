using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Runs the scenarios chosen on the command line (README.md beside this file), e.g.:
//   dotnet run -c Release --project tests/Nebius.TokenFactory.Benchmarks -- --filter '*'
//   dotnet run -c Release --project tests/Nebius.TokenFactory.Benchmarks -- --filter '*Streaming*' --job short
//   dotnet run -c Release --project tests/Nebius.TokenFactory.Benchmarks -- upload-memory
// BenchmarkDotNet rebuilds the whole client (generator included) into its own folder for each run; on a
// busy 2-core machine that takes longer than its 2-minute default, hence the longer build timeout.
// Scenario 6 (peak memory of a 1 GiB upload) is a separate harness, not BenchmarkDotNet: `-- upload-memory`.
if (args.Length > 0 && args[0] == Nebius.TokenFactory.Benchmarks.Upload.UploadMemoryHarness.Mode)
{
    return await Nebius.TokenFactory.Benchmarks.Upload.UploadMemoryHarness.RunAsync(args).ConfigureAwait(false);
}

var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Nebius.TokenFactory.Benchmarks.Infrastructure.LoopbackBenchmark).Assembly).Run(args, config);

// A benchmark without results (its setup found a contender that did not read the payload, a build failed)
// fails the run, so a smoke run notices.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
