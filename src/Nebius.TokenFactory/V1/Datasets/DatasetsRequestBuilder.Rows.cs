using System.Globalization;
using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Datasets;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.V1.Datasets;

/// <summary>Small datasets sent inline (<c>POST /v1/datasets</c>); large ones go through <c>Uploads.UploadAsync</c>.</summary>
public partial class DatasetsRequestBuilder
{
    /// <summary>
    /// Creates a dataset from rows sent in the request body, after checking that the schema names each column
    /// once with a type and that every row uses only those columns.
    /// </summary>
    /// <param name="name">The dataset's name.</param>
    /// <param name="folder">Its folder, e.g. <c>/experiments</c>.</param>
    /// <param name="schema">The columns.</param>
    /// <param name="rows">The rows, each a map from column name to value (string, number, boolean or null).</param>
    /// <param name="requestConfiguration">Query parameters, headers and options for the call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new dataset.</returns>
    /// <exception cref="ArgumentException">A missing name, folder or schema; no rows; a row with a column the schema lacks.</exception>
    /// <exception cref="NebiusApiException">The server refused the request.</exception>
    public async Task<DatasetResponse> CreateFromRowsAsync(
        string name,
        string folder,
        IReadOnlyList<ColumnSchema> schema,
        IEnumerable<IReadOnlyDictionary<string, object?>> rows,
        Action<RequestConfiguration<DatasetsRequestBuilderPostQueryParameters>>? requestConfiguration = default,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        var columns = schema.ToList();
        DatasetChecks.Schema(columns, nameof(schema));
        var known = columns.Select(c => c.Name!).ToHashSet(StringComparer.Ordinal);
        var body = new CreateDatasetRequest { Name = name, Folder = folder, Schema = columns, Rows = [] };
        foreach (var row in rows)
        {
            var at = body.Rows.Count.ToString(CultureInfo.InvariantCulture);
            ArgumentNullException.ThrowIfNull(row, $"{nameof(rows)}[{at}]");
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (column, value) in row)
            {
                if (!known.Contains(column))
                {
                    throw new ArgumentException($"rows[{at}] has the column '{column}', which the schema does not name.", nameof(rows));
                }

                values[column] = value!;
            }

            body.Rows.Add(new CreateDatasetRequestRows { AdditionalData = values });
        }

        if (body.Rows.Count == 0)
        {
            throw new ArgumentException("A dataset needs at least one row.", nameof(rows));
        }

        return await PostAsync(body, c => requestConfiguration?.Invoke(c.RequireBody()), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The server answered the dataset create with an empty body.");
    }
}
