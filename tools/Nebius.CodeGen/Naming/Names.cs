using System.Text;

namespace Nebius.CodeGen.Naming;

/// <summary>Kiota's C# naming rules (CleanupSymbolName, ToPascalCase, reserved-name escaping).</summary>
public static class Names
{
    // The characters Kiota's CleanupSymbolName strips; the letter after each one is upper-cased.
    private const string Stripped = " \t\r\n!#$%&'()*+,./:;<=>?@[]\\^`’{}|~-\"";

    private static readonly string[] DigitWords = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];

    /// <summary>Type names that would shadow common BCL types; Kiota appends <c>Object</c> to them.</summary>
    private static readonly HashSet<string> ReservedTypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Action", "Array", "Attribute", "Boolean", "Byte", "Char", "Console", "Convert", "Date", "DateTime",
        "DateTimeOffset", "Decimal", "Delegate", "Directory", "Double", "Enum", "Environment", "Exception",
        "File", "Func", "GC", "Guid", "Index", "Int16", "Int32", "Int64", "Math", "Monitor", "Nullable",
        "Object", "Path", "Random", "Range", "Single", "Span", "Stream", "String", "Task", "Thread", "Time",
        "TimeSpan", "Timer", "Tuple", "Type", "UInt16", "UInt32", "UInt64", "Uri", "ValueTuple", "ValueType",
        "Version", "Void", "Activator", "Buffer", "EventArgs", "Lazy", "Memory", "Progress", "Thread",
        "BaseRequestBuilder", "RequestInformation", "Method", "IParseNode", "ApiException", "UntypedNode",
        "MultipartBody", "Dictionary", "List", "IDictionary", "CancellationToken",
        // Names the generated model, union and enum files use unqualified: a schema called IParsable or
        // HashSet would otherwise shadow them inside the Models namespace and the client would not compile.
        "IParsable", "IAdditionalDataHolder", "ISerializationWriter", "IComposedTypeWrapper", "IRequestAdapter",
        "ParsableFactory", "RequestConfiguration", "DefaultQueryParameters", "QueryParameter", "QueryParameterAttribute",
        "EnumHelpers", "UntypedNull", "ApiClientBuilder", "EnumMember", "EnumMemberAttribute", "Obsolete", "ObsoleteAttribute",
        "HashSet", "ISet", "IReadOnlyDictionary", "StringComparer", "ArgumentNullException", "FormatException",
    };

    /// <summary>C# keywords (and contextual keywords Kiota escapes) that cannot be parameter names.</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile",
        "while", "record", "init", "with", "when", "notnull", "managed", "value", "var", "dynamic", "yield",
        "async", "await", "position",
    };

    /// <summary>Strips separators and upper-cases the letter after each one; underscores are kept.</summary>
    public static string CleanupSymbolName(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = false;
        foreach (var c in name)
        {
            if (Stripped.Contains(c, StringComparison.Ordinal) || char.IsWhiteSpace(c) || c > 127 && !char.IsLetterOrDigit(c))
            {
                upperNext = builder.Length > 0;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return SpellLeadingDigits(builder.ToString());
    }

    /// <summary>
    /// Separators stripped and every word capitalised, underscores included (<c>fine_tuning</c> → <c>FineTuning</c>,
    /// <c>BatchErrors</c> → <c>BatchErrors</c>). Deviation from Kiota, which keeps underscores in type and namespace
    /// names (<c>Fine_tuning</c>, <c>Batch_errors</c>): .NET names have none (CA1707). Wire names are never touched.
    /// </summary>
    public static string PascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var part in CleanupSymbolName(name).Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(FirstUpper(part));
        }

        return SpellLeadingDigits(builder.ToString());
    }

    /// <summary>A class or enum name: PascalCased, BCL clashes suffixed with <c>Object</c>.</summary>
    public static string TypeName(string name)
    {
        var cleaned = PascalCase(name);
        if (cleaned.Length == 0)
        {
            cleaned = "Unnamed";
        }

        return ReservedTypeNames.Contains(cleaned) ? cleaned + "Object" : cleaned;
    }

    /// <summary>A property name: snake_case and separators become PascalCase (<c>prompt_tokens</c> → <c>PromptTokens</c>).</summary>
    public static string PropertyName(string wireName)
    {
        var result = PascalCase(wireName);
        return result.Length == 0 ? "Value" : result;
    }

    /// <summary>An enum member name, PascalCased from the wire value (<c>fine-tune</c> → <c>FineTune</c>).</summary>
    public static string EnumMemberName(string wireValue) => PropertyName(wireValue);

    /// <summary>A parameter or local name; C# keywords get Kiota's <c>@</c> escape.</summary>
    public static string ParameterName(string wireName)
    {
        var pascal = PropertyName(wireName);
        var camel = char.ToLowerInvariant(pascal[0]) + pascal[1..];
        return Keywords.Contains(camel) ? "@" + FirstUpper(camel) : camel;
    }

    /// <summary>A namespace segment for a path segment: PascalCased (<c>fine_tuning</c> → <c>FineTuning</c>).</summary>
    public static string NamespaceSegment(string segment)
    {
        var cleaned = PascalCase(segment);
        if (cleaned.Length == 0)
        {
            return "Segment";
        }

        return ReservedTypeNames.Contains(cleaned) ? cleaned + "Namespace" : cleaned;
    }

    public static string FirstUpper(string value) =>
        value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..];

    public static string FirstLower(string value) =>
        value.Length == 0 ? value : char.ToLowerInvariant(value[0]) + value[1..];

    private static string SpellLeadingDigits(string value)
    {
        var digits = 0;
        while (digits < value.Length && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            return value;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < digits; i++)
        {
            builder.Append(DigitWords[value[i] - '0']);
        }

        return builder.Append(FirstUpper(value[digits..])).ToString();
    }
}
