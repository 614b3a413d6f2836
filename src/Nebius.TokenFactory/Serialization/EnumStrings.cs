using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using Microsoft.Kiota.Abstractions.Helpers;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// The wire text of an enum value as Kiota's JSON writer produces it (EnumMember names; comma-joined names
/// for a [Flags] enum), worked out once per value instead of by reflection on every write.
/// </summary>
internal static class EnumStrings<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>
    where T : struct, Enum
{
    private static readonly bool IsFlags = typeof(T).IsDefined(typeof(FlagsAttribute));
    private static readonly ConcurrentDictionary<T, string?> Texts = new();

    public static string? Of(T value) => Texts.TryGetValue(value, out var text) ? text : Texts.GetOrAdd(value, Compute(value));

    private static string? Compute(T value)
    {
        if (!IsFlags)
        {
            return EnumHelpers.GetEnumStringValue(value);
        }

        var names = new StringBuilder();
        foreach (var flag in Enum.GetValues<T>())
        {
            if (value.HasFlag(flag) && EnumHelpers.GetEnumStringValue(flag) is { } name)
            {
                if (names.Length > 0)
                {
                    names.Append(',');
                }

                names.Append(name);
            }
        }

        return names.ToString();
    }
}
