using System.Diagnostics;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Tests;

public sealed class SpecErrorTests
{
    [Fact]
    public void A_broken_reference_names_its_json_pointer()
    {
        var yaml = Specs.WithSchemas("""
                Thing:
                  type: object
                  properties:
                    part: {$ref: '#/components/schemas/Missing'}
            """);

        var error = Assert.ThrowsAny<Exception>(() => Generator.Generate(yaml));

        Assert.Contains("#/components/schemas/Missing", error is SpecValidationException v ? string.Join(" ", v.Diagnostics.Select(d => d.Message + d.Pointer)) : error.Message + (error as SpecException)?.Pointer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_where_a_schema_belongs_is_reported_not_crashed_on()
    {
        var yaml = Specs.WithSchemas("""
                Thing:
                  type: object
                  properties:
                    name: '{type: string}'
            """);

        var error = Assert.Throws<SpecValidationException>(() => SpecLoader.Load(yaml));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("#/components/schemas/Thing/properties/name", diagnostic.Pointer);
        Assert.Contains("must be a mapping", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_syntax_error_has_a_line_and_column()
    {
        var error = Assert.Throws<SpecYamlException>(() => SpecLoader.Load("openapi: 3.1.0\ninfo: [unclosed\n"));

        Assert.True(error.Line >= 2, $"line {error.Line}");
        Assert.True(error.Column >= 1);
    }

    [Fact]
    public async Task The_command_line_prints_the_canonical_msbuild_error_and_fails()
    {
        var directory = Directory.CreateTempSubdirectory("codegen-cli-");
        try
        {
            var spec = Path.Combine(directory.FullName, "broken.yaml");
            await File.WriteAllTextAsync(spec, Specs.WithSchemas("""
                    Thing:
                      type: object
                      properties:
                        part: {$ref: '#/components/schemas/Missing'}
                """));

            var (exitCode, output) = await RunCli("--spec", spec, "--output", Path.Combine(directory.FullName, "out"));

            Assert.Equal(1, exitCode);
            Assert.Matches(@"broken\.yaml\(\d+,\d+\): error NEB0001: .+ \(at #/", output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunCli(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Nebius.CodeGen.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + errors);
    }
}
