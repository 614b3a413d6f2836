using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>
/// A generated model carries at most four members that list its properties one by one (Kiota has two:
/// GetFieldDeserializers and Serialize; ours adds the direct path's ReadField and, for nullable properties,
/// CollectExplicitNulls). Counted on the real contract: a member lists properties when it names the wire names
/// of two or more of them (the six members the model had before the one read path all did).
/// </summary>
public sealed class PerPropertyMemberTests
{
    [Fact]
    public void No_model_has_more_than_four_members_that_list_its_properties()
    {
        var generated = Generator.Generate(Specs.Real);
        var counted = 0;
        foreach (var file in generated.Files.Where(f => f.RelativePath.StartsWith("Models/", StringComparison.Ordinal)))
        {
            var root = CSharpSyntaxTree.ParseText(file.Content).GetRoot();
            foreach (var model in root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                var wireNames = WireNames(model);
                if (wireNames.Count < 2)
                {
                    continue;
                }

                var listing = model.Members
                    .Where(m => m is MethodDeclarationSyntax or PropertyDeclarationSyntax)
                    .Where(m => wireNames.Count(name => m.ToString().Contains($"\"{name}\"", StringComparison.Ordinal)) >= 2)
                    .Select(Name)
                    .ToList();
                Assert.True(listing.Count <= 4, $"{model.Identifier}: {string.Join(", ", listing)}");
                counted++;
            }
        }

        Assert.True(counted > 100, $"only {counted} models with two or more properties were counted");
    }

    /// <summary>The wire names of the model's own properties, as its GetFieldDeserializers table lists them.</summary>
    private static List<string> WireNames(ClassDeclarationSyntax model) =>
        model.Members.OfType<MethodDeclarationSyntax>()
            .Where(m => m.Identifier.Text == "GetFieldDeserializers")
            .SelectMany(m => m.DescendantNodes().OfType<InitializerExpressionSyntax>())
            .Where(i => i.IsKind(SyntaxKind.ComplexElementInitializerExpression))
            .Select(i => i.Expressions[0] is LiteralExpressionSyntax literal ? literal.Token.ValueText : null)
            .OfType<string>()
            .ToList();

    private static string Name(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax method => method.Identifier.Text,
        PropertyDeclarationSyntax property => property.Identifier.Text,
        _ => member.Kind().ToString(),
    };
}
