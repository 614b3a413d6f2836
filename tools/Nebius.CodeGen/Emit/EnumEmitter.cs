using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>Writes a string enum with <c>[EnumMember]</c> wire values, as Kiota does.</summary>
internal static class EnumEmitter
{
    public static string Emit(EnumType enumType)
    {
        var writer = FileFrame.Begin(enumType.Namespace, ["System", "System.Runtime.Serialization"], suppressObsolete: false);
        writer.Summary(Literals.Doc(enumType.Description) is { Length: > 0 } doc ? doc : $"The values of {Literals.Doc(enumType.Name)}.");
        writer.Line(FileFrame.GeneratedCodeAttribute);
        writer.Open($"public enum {enumType.Name}");
        for (var i = 0; i < enumType.Members.Count; i++)
        {
            var member = enumType.Members[i];
            writer.Summary($"The <c>{Literals.Doc(member.Value)}</c> value.");
            writer.Line($"[EnumMember(Value = {Literals.Quote(member.Value)})]");
            writer.Line(member.Name + ",");
        }

        writer.Close();
        return FileFrame.End(writer, suppressObsolete: false);
    }
}
