using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nebius.CodeGen.Tests.Pipeline;

/// <summary>
/// The surface listing is derived from the code model, not written beside the emitted lines, so nothing ties the
/// two together but this: every public member of the generated code is listed, and every listed member exists.
/// </summary>
public sealed partial class SurfaceMatchesTheCodeTests
{
    [Fact]
    public void The_surface_of_the_real_contract_lists_exactly_the_public_members_of_its_code()
    {
        var result = Generator.Generate(Specs.Real);

        // Paging, waiting and their terminal states are additions Kiota has no form of: they stay out of the listing.
        var inCode = result.Files.SelectMany(f => PublicMembers(f.Content))
            .Where(m => !m.StartsWith("Nebius.TokenFactory.NebiusTerminalStates", StringComparison.Ordinal) && !m.EndsWith("::WaitForCompletionAsync", StringComparison.Ordinal) && !PagingMethod().IsMatch(m))
            .ToHashSet(StringComparer.Ordinal);
        var listed = ListedMembers(result.Surface).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(inCode.Except(listed).Order(StringComparer.Ordinal));
        Assert.Empty(listed.Except(inCode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_public_member_missing_from_the_surface_is_seen()
    {
        const string Code = """
            namespace Api.Models
            {
                public partial class Thing
                {
                    public string? Name { get; set; }
                    public Thing() { }
                    private protected void Hidden() { }
                    public enum Kind { One }
                }
            }
            """;

        Assert.Equal(["Api.Models.Thing.Kind::One", "Api.Models.Thing::Name", "Api.Models.Thing::constructor"], PublicMembers(Code).Order(StringComparer.Ordinal));
        Assert.Equal(["Api.Models.Thing::Name"], ListedMembers("Api.Models.Thing::|public|Name:string\nApi.Models.Thing-->Base\n"));
    }

    /// <summary>Each public member of a public type, as <c>Ns.Type::Name</c> (<c>constructor</c>, <c>implicit operator</c>, <c>this[]</c> for those).</summary>
    private static IEnumerable<string> PublicMembers(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot();
        foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(IsPublic))
        {
            var owner = FullName(type);
            if (type is EnumDeclarationSyntax enumType)
            {
                foreach (var member in enumType.Members)
                {
                    yield return $"{owner}::{member.Identifier.Text}";
                }

                continue;
            }

            foreach (var member in ((TypeDeclarationSyntax)type).Members.Where(m => m is not BaseTypeDeclarationSyntax && IsPublic(m)))
            {
                yield return $"{owner}::{MemberName(member)}";
            }
        }
    }

    private static string MemberName(MemberDeclarationSyntax member) => member switch
    {
        PropertyDeclarationSyntax property => property.Identifier.Text,
        MethodDeclarationSyntax method => method.Identifier.Text,
        ConstructorDeclarationSyntax => "constructor",
        ConversionOperatorDeclarationSyntax => "implicit operator",
        IndexerDeclarationSyntax => "this[]",
        FieldDeclarationSyntax field => string.Join(',', field.Declaration.Variables.Select(v => v.Identifier.Text)),
        _ => member.Kind().ToString(),
    };

    private static bool IsPublic(MemberDeclarationSyntax member) => member.Modifiers.Any(SyntaxKind.PublicKeyword);

    private static string FullName(BaseTypeDeclarationSyntax type)
    {
        var name = type.Identifier.Text;
        for (var parent = type.Parent; parent is not null; parent = parent.Parent)
        {
            name = parent switch
            {
                BaseTypeDeclarationSyntax outer => $"{outer.Identifier.Text}.{name}",
                BaseNamespaceDeclarationSyntax ns => $"{ns.Name}.{name}",
                _ => name,
            };
        }

        return name;
    }

    /// <summary>Each member line of the listing as <c>Ns.Type::Name</c>; inheritance and interface lines name no member.</summary>
    private static IEnumerable<string> ListedMembers(string surface)
    {
        foreach (var line in surface.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("::", StringComparison.Ordinal)))
        {
            var (owner, member) = (line[..line.IndexOf("::", StringComparison.Ordinal)], line[(line.IndexOf("::", StringComparison.Ordinal) + 2)..]);
            var name = member.StartsWith('[') ? "this[]"
                : EnumMember().Match(member) is { Success: true } numbered ? numbered.Groups[1].Value
                : NameOf().Match(member.Split('|')[^1]).Value;
            yield return $"{owner}::{name}";
        }
    }

    [GeneratedRegex(@"::(ListAll|ReadAll)\w*Async$")]
    private static partial Regex PagingMethod();

    [GeneratedRegex(@"^\d{4}-(.+)$")]
    private static partial Regex EnumMember();

    [GeneratedRegex(@"^[^:(]+")]
    private static partial Regex NameOf();
}
