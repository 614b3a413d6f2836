using Nebius.CodeGen.Analysis;

namespace Nebius.CodeGen.Tests.Analysis;

/// <summary>The C# names reserved for component schemas, FastAPI's module-qualified names among them.</summary>
public sealed class ComponentTypeNamesTests
{
    private const string Ns = "Api.Models";

    [Fact]
    public void A_module_qualified_name_is_shortened_to_its_last_part_when_that_stays_unique()
    {
        var names = ComponentTypeNames.Reserve(["app__models__files__FileObject", "Batch"], Ns, new TypeRegistry());

        Assert.Equal("FileObject", names["app__models__files__FileObject"]);
        Assert.Equal("Batch", names["Batch"]);
    }

    [Fact]
    public void Names_whose_last_parts_clash_keep_their_whole_name_even_when_the_case_differs()
    {
        var names = ComponentTypeNames.Reserve(["a__Usage", "b__usage", "c__Other"], Ns, new TypeRegistry());

        Assert.Equal("AUsage", names["a__Usage"]);
        Assert.Equal("BUsage", names["b__usage"]);
        Assert.Equal("Other", names["c__Other"]);
    }

    [Fact]
    public void A_name_already_taken_in_the_namespace_gets_the_next_free_number()
    {
        var registry = new TypeRegistry();
        registry.Reserve(Ns, "GeneratedParseSupport");

        var names = ComponentTypeNames.Reserve(["GeneratedParseSupport"], Ns, registry);

        Assert.Equal("GeneratedParseSupport2", names["GeneratedParseSupport"]);
    }

    [Fact]
    public void Components_that_spell_the_same_type_are_numbered_in_ordinal_order_whatever_the_document_order()
    {
        var names = ComponentTypeNames.Reserve(["foo", "Foo"], Ns, new TypeRegistry());

        Assert.Equal("Foo", names["Foo"]);
        Assert.Equal("Foo2", names["foo"]);
    }

    [Theory]
    [InlineData("app__models__x__Name", "Name")]
    [InlineData("Plain", "Plain")]
    [InlineData("trailing__", "trailing__")]
    [InlineData("__Lead", "Lead")]
    public void The_short_name_is_the_part_after_the_last_double_underscore(string name, string expected) =>
        Assert.Equal(expected, ComponentTypeNames.ShortName(name));
}
