using Nebius.CodeGen.Analysis;

namespace Nebius.CodeGen.Emit;

/// <summary>Kiota's member-name disambiguation, applied once every type is known.</summary>
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

    public static void Finalize(IEnumerable<ModelType> models)
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
                else if (IsError(model) && ExceptionMembers.Contains(name))
                {
                    name += "Escaped";
                }

                var unique = name;
                for (var n = 2; !taken.Add(unique); n++)
                {
                    unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                property.Name = unique;
            }
        }
    }

    public static bool IsError(ModelType model)
    {
        for (var current = model; current is not null; current = current.Base)
        {
            if (current.IsError)
            {
                return true;
            }
        }

        return false;
    }
}
