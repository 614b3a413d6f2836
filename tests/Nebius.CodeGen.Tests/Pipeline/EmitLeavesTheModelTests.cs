using System.Globalization;
using System.Text;
using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Tests.Pipeline;

/// <summary>The analysis ends before emit: emitting reads the analysed client and changes nothing in it.</summary>
public sealed class EmitLeavesTheModelTests
{
    [Fact]
    public void Emitting_the_real_contract_leaves_every_analysed_fact_as_it_was()
    {
        var client = ClientAnalysis.Analyze(SpecLoader.Load(Specs.Real), new GeneratorOptions(), []);
        var before = Dump(client);

        var files = Generator.Emit(client);

        Assert.NotEmpty(files);
        Assert.Equal(before, Dump(client));
    }

    [Fact]
    public void The_dump_sees_a_renamed_property()
    {
        var client = ClientAnalysis.Analyze(SpecLoader.Load(Specs.Real), new GeneratorOptions(), []);
        var before = Dump(client);

        client.Types.OfType<ModelType>().First(m => m.Properties.Count > 0).Properties[0].Name += "Changed";

        Assert.NotEqual(before, Dump(client));
    }

    /// <summary>Every fact of every type and builder, one line each.</summary>
    private static string Dump(ClientModel client)
    {
        var text = new StringBuilder();
        foreach (var type in client.Types)
        {
            text.Append(type.DottedName).Append(' ').Append(type.Pointer).Append(' ').AppendLine(type.Description);
            switch (type)
            {
                case ModelType model:
                    text.AppendLine(CultureInfo.InvariantCulture, $"  base={model.Base?.DottedName} open={model.AdditionalData} error={model.IsError} deprecated={model.Deprecated} primary={model.PrimaryErrorMessageProperty}");
                    text.AppendLine(CultureInfo.InvariantCulture, $"  discriminator={model.DiscriminatorProperty} {string.Join(',', model.DiscriminatorMapping.Select(m => m.Key + "=" + m.Value.DottedName))}");
                    foreach (var p in model.Properties)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"  {p.WireName} {p.Name} {Spell(p.Type)} nullable={p.Nullable} readOnly={p.ReadOnly} required={p.Required} deprecated={p.Deprecated} default={p.DefaultValue} known={string.Join(',', p.KnownValues ?? [])} {p.Description}");
                    }

                    break;
                case UnionType union:
                    text.AppendLine(CultureInfo.InvariantCulture, $"  discriminator={union.DiscriminatorProperty} {string.Join(',', union.DiscriminatorMapping.Select(m => m.Key + "=" + m.Value.DottedName))}");
                    text.AppendLine("  " + string.Join(',', union.Members.Select(m => m.Name + ":" + Spell(m.Type))));
                    break;
                case EnumType enumType:
                    text.AppendLine("  " + string.Join(',', enumType.Members));
                    break;
            }
        }

        DumpBuilder(text, client.Root);
        return text.ToString();
    }

    private static void DumpBuilder(StringBuilder text, BuilderNode node)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"{node.DottedName} {node.Kind} {node.Segment} {node.MemberName} {node.SegmentTemplate} {node.PathTemplate} {node.UrlTemplate} {node.Description}");
        text.AppendLine("  " + string.Join(',', node.Parameters.Select(p => $"{p.WireName}:{p.Key}:{Spell(p.Type)}:{p.Description}")));
        foreach (var operation in node.Operations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {operation.Method} {operation.OperationId} {operation.BodyKind} {Spell(operation.BodyType)} {operation.BodyContentType} {operation.ResponseKind} {Spell(operation.ResponseType)} {operation.Accept} {Spell(operation.EventType)} {operation.QueryClassName} {operation.UrlTemplateOverride} {operation.Deprecated}");
            text.AppendLine("    " + string.Join(',', operation.Query.Select(q => $"{q.WireName}:{q.Key}:{q.PropertyName}:{Spell(q.Type)}:{q.Required}:{q.Description}")));
            text.AppendLine("    " + string.Join(',', operation.ErrorMappings.Select(e => e.Key + "=" + e.Value.DottedName)));
        }

        foreach (var child in node.Children.Values)
        {
            DumpBuilder(text, child);
        }
    }

    private static string Spell(TypeRef? type) => type switch
    {
        null => "-",
        PrimitiveRef primitive => primitive.Kind.ToString(),
        NamedRef named => named.Type.DottedName,
        ArrayRef array => Spell(array.Item) + "[]",
        _ => type.ToString(),
    };
}
