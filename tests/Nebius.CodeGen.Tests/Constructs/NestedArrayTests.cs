using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Arrays of arrays (no Kiota collection API for them) travel as UntypedNode lists without loss.</summary>
public sealed class NestedArrayTests
{
    [Fact]
    public void A_matrix_of_numbers_and_a_list_of_string_lists_round_trip()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    matrix:
                      type: array
                      items: {type: array, items: {type: number}}
                    groups:
                      type: array
                      items: {type: array, items: {type: string}}
                    items:
                      type: array
                      items: {$ref: '#/components/schemas/Item'}
                Item:
                  type: object
                  properties:
                    id: {type: integer}
            """));
        const string Json = """{"matrix":[[1.5,2],[],[3]],"groups":[["a","b"],["c"]],"items":[{"id":1},{"id":2}]}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.Equal(3, thing.Matrix.Count);
        UntypedArray firstRow = Assert.IsType<UntypedArray>(thing.Matrix[0]);
        Assert.Equal(1.5m, Assert.IsType<UntypedDecimal>(firstRow.GetValue().First()).GetValue());
        Assert.Equal(2, (int)thing.Items[1].Id);
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }
}
