using Nebius.CodeGen.Spec;
using Nebius.ContractCheck.Spec;

namespace Nebius.ContractCheck.Commands;

/// <summary>Writes the spec in the OpenAPI 3.0 dialect NSwag reads (<see cref="OpenApi30Downgrade"/>), as JSON.</summary>
internal static partial class NSwagSpecCommand
{
    /// <summary>
    /// NSwag's System.Text.Json output marks enum members with <c>[EnumMember]</c>, which System.Text.Json
    /// ignores (it would send <c>Auto</c> for <c>auto</c>); each member also gets <c>[JsonStringEnumMemberName]</c>.
    /// </summary>
    public static int FixUp(string file, TextWriter stdout)
    {
        var code = File.ReadAllText(file);
        var fixedCode = EnumMember().Replace(code, m => $"{m.Value} [System.Text.Json.Serialization.JsonStringEnumMemberName(@\"{m.Groups[1].Value}\")]");
        File.WriteAllText(file, fixedCode);
        stdout.WriteLine($"nswag-fixup: {EnumMember().Count(code)} enum member names in {file}");
        return ContractCheckApp.Ok;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[System\.Runtime\.Serialization\.EnumMember\(Value = @""([^""]*)""\)\]")]
    private static partial System.Text.RegularExpressions.Regex EnumMember();

    public static int Run(CheckSettings settings, string output, TextWriter stdout)
    {
        var document = SpecLoader.Load(File.ReadAllText(settings.SpecPath));
        var converted = OpenApi30Downgrade.Convert(document.Root);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        var json = converted.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        if (!File.Exists(output) || File.ReadAllText(output) != json)
        {
            File.WriteAllText(output, json);
        }

        stdout.WriteLine($"nswag-spec: wrote {output}");
        return ContractCheckApp.Ok;
    }
}
