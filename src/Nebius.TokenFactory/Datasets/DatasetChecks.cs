using System.Globalization;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Datasets;

/// <summary>Checks of dataset requests before anything is sent: the fields the contract marks required.</summary>
internal static class DatasetChecks
{
    public static void Upload(CreateUploadRequest? request, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(request, parameterName);
        RequestChecks.Required(request.Name, parameterName, "name");
        RequestChecks.Required(request.Folder, parameterName, "folder");
        Schema(request.Schema, parameterName);
    }

    public static void Schema(List<ColumnSchema>? schema, string parameterName)
    {
        if (schema is not { Count: > 0 })
        {
            throw new ArgumentException($"{parameterName}.schema must hold at least one column.", parameterName);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < schema.Count; i++)
        {
            var column = schema[i];
            var at = i.ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(column?.Name) || string.IsNullOrWhiteSpace(column.Type?.Name))
            {
                throw new ArgumentException($"{parameterName}.schema[{at}] needs a name and a type.", parameterName);
            }

            if (!names.Add(column.Name))
            {
                throw new ArgumentException($"{parameterName}.schema names the column '{column.Name}' twice.", parameterName);
            }
        }
    }
}
