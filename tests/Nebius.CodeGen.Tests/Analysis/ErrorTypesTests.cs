using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Tests.Analysis;

/// <summary>Which models are error types once the operations have marked the ones their error responses use.</summary>
public sealed class ErrorTypesTests
{
    [Fact]
    public void An_error_marks_its_bases_and_its_subtypes_and_nothing_beside_them()
    {
        var root = Model("Problem");
        var error = Model("ValidationProblem", root);
        var subtype = Model("FieldProblem", error);
        var sibling = Model("Notice", root);
        var unrelated = Model("Thing");
        error.IsError = true;

        ErrorTypes.Complete([subtype, sibling, unrelated, error, root]);

        Assert.True(root.IsError);
        Assert.True(error.IsError);
        Assert.True(subtype.IsError);
        Assert.False(unrelated.IsError);

        // A sibling derives from the error root, so it is an Exception too: what it is used for does not matter.
        Assert.True(sibling.IsError);
    }

    [Fact]
    public void Without_marks_nothing_is_an_error()
    {
        var root = Model("Base");
        var derived = Model("Derived", root);

        ErrorTypes.Complete([root, derived]);

        Assert.False(root.IsError);
        Assert.False(derived.IsError);
    }

    [Fact]
    public void The_analysis_ends_with_error_properties_renamed_down_the_whole_line()
    {
        var client = ClientAnalysis.Analyze(SpecLoader.Load(Specs.Api("""
              /things:
                get:
                  operationId: get_things
                  responses:
                    '204': {description: none}
                    '400':
                      description: bad
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Problem'}
            """, """
                Base:
                  type: object
                  properties:
                    source: {type: string}
                Problem:
                  allOf:
                    - {$ref: '#/components/schemas/Base'}
                  properties:
                    message: {type: string}
                Detailed:
                  allOf:
                    - {$ref: '#/components/schemas/Problem'}
                  properties:
                    data: {type: string}
            """)), new GeneratorOptions(), []);

        var models = client.Types.OfType<ModelType>().ToDictionary(m => m.Name);
        Assert.All(models.Values, m => Assert.True(m.IsError, m.Name));
        Assert.Equal("SourceEscaped", Assert.Single(models["Base"].Properties).Name);
        Assert.Equal("MessageEscaped", Assert.Single(models["Problem"].Properties).Name);
        Assert.Equal("DataEscaped", Assert.Single(models["Detailed"].Properties).Name);
    }

    private static ModelType Model(string name, ModelType? parent = null) => new("Api.Models", name, "#/components/schemas/" + name) { Base = parent };
}
