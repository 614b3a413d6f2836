using System.Globalization;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// Kiota's member-name disambiguation. It needs every type complete (a property must not hide one of a base
/// class) and the error types decided (their properties must not hide Exception's), so it is the last step of
/// the analysis.
/// </summary>
internal static class PropertyNames
{
    private static readonly HashSet<string> ModelMembers = new(StringComparer.Ordinal)
    {
        "AdditionalData", "BackingStore", "Serialize", "GetFieldDeserializers", "CreateFromDiscriminatorValue",
        "ExplicitNulls", "UnknownEnumValues", "AssignField", "OnFieldsAssigned", "ReadField",
    };

    // Members of System.Exception and ApiException that an error model's properties must not hide.
    private static readonly HashSet<string> ExceptionMembers = new(StringComparer.Ordinal)
    {
        "Data", "HelpLink", "HResult", "InnerException", "Message", "Source", "StackTrace", "TargetSite",
        "GetBaseException", "GetObjectData", "GetType", "ToString", "ResponseStatusCode", "ResponseHeaders",
    };

    /// <summary>Gives each property of <paramref name="models"/>, in order, a name free in its class and its bases.</summary>
    public static void Assign(IEnumerable<ModelType> models)
    {
        foreach (var model in models)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            for (var parent = model.Base; parent is not null; parent = parent.Base)
            {
                taken.UnionWith(parent.Properties.Select(p => p.Name));
            }

            foreach (var property in model.Properties)
            {
                var name = property.Name;
                if (name == model.Name)
                {
                    name += "Prop";
                }
                else if (ModelMembers.Contains(name))
                {
                    name += "Property";
                }
                else if (model.IsError && ExceptionMembers.Contains(name))
                {
                    name += "Escaped";
                }

                var unique = name;
                for (var n = 2; !taken.Add(unique); n++)
                {
                    unique = name + n.ToString(CultureInfo.InvariantCulture);
                }

                property.Name = unique;
            }
        }
    }

    /// <summary>Whether the model is an error type. The fact is <see cref="ModelType.IsError"/>, decided by <see cref="ErrorTypes"/>; this stays for the model emitter, which still asks here.</summary>
    public static bool IsError(ModelType model) => model.IsError;
}
