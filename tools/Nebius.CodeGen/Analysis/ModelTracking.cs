namespace Nebius.CodeGen.Analysis;

/// <summary>
/// Deviations from Kiota that keep what a round trip would lose: JSON null apart from absent for nullable
/// properties (<c>ExplicitNulls</c>), and enum values this client does not know (<c>UnknownEnumValues</c>).
/// A model line declares each once, in its first class that needs it; subclasses use the inherited one.
/// </summary>
internal static class ModelTracking
{
    /// <summary>This class or an ancestor has a nullable property.</summary>
    public static bool TracksExplicitNulls(this ModelType model) => HasNullable(model) || model.Base?.TracksExplicitNulls() == true;

    /// <summary>This class is the first of its line with a nullable property: it declares <c>ExplicitNulls</c>.</summary>
    public static bool DeclaresExplicitNulls(this ModelType model) => HasNullable(model) && model.Base?.TracksExplicitNulls() != true;

    /// <summary>This class or an ancestor has an enum property.</summary>
    public static bool TracksUnknownEnumValues(this ModelType model) => HasEnum(model) || model.Base?.TracksUnknownEnumValues() == true;

    /// <summary>This class is the first of its line with an enum property: it declares <c>UnknownEnumValues</c>.</summary>
    public static bool DeclaresUnknownEnumValues(this ModelType model) => HasEnum(model) && model.Base?.TracksUnknownEnumValues() != true;

    private static bool HasNullable(ModelType model) => model.Properties.Any(p => p.Nullable);

    private static bool HasEnum(ModelType model) => model.Properties.Any(p => p.Type is NamedRef { Type: EnumType });
}
