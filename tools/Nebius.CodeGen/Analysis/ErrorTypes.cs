namespace Nebius.CodeGen.Analysis;

/// <summary>
/// Decides which models are error types, once every operation has marked the models its error responses use
/// (<see cref="ModelType.IsError"/>). The mark then covers each one's whole line.
/// </summary>
internal static class ErrorTypes
{
    public static void Complete(IReadOnlyList<ModelType> models)
    {
        // Up to the root: the root of the hierarchy is what derives from ApiException, and the adapter throws
        // the parsed error only when it is an Exception. Marking just an allOf-derived error would leave it
        // deriving from a plain model, and the adapter would throw a bare ApiException with none of the parsed fields.
        foreach (var model in models.Where(m => m.IsError).ToList())
        {
            for (var parent = model.Base; parent is not null; parent = parent.Base)
            {
                parent.IsError = true;
            }
        }

        // Down to every subtype: a class deriving from an error is an error, and its properties must not hide
        // Exception's members either.
        foreach (var model in models.Where(m => !m.IsError && HasErrorAncestor(m)).ToList())
        {
            model.IsError = true;
        }
    }

    private static bool HasErrorAncestor(ModelType model)
    {
        for (var parent = model.Base; parent is not null; parent = parent.Base)
        {
            if (parent.IsError)
            {
                return true;
            }
        }

        return false;
    }
}
