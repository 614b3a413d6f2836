using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Nebius.TokenFactory.Fuzz.Json;

namespace Nebius.TokenFactory.Fuzz.Generators;

/// <summary>
/// Mutations of a JSON body, byte-level (truncation, a flipped or inserted byte, a BOM, trailing garbage) and
/// structural (deep nesting in an unknown property, invalid UTF-8 or a lone surrogate in a string, huge numbers,
/// wrong kinds, duplicate keys), each keeping every byte it does not mean to change.
/// </summary>
internal static class BodyMutations
{
    /// <summary>The nesting the brief asks for, and the depths around the 64 levels System.Text.Json allows by default.</summary>
    private static readonly int[] NestingDepths = [5000, 5000, 5000, 65, 64, 63];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], // never valid in UTF-8
        [0x80], // a continuation byte alone
        [0xC3, 0x28], // a lead byte followed by ASCII
        [0xC0, 0xAF], // an overlong encoding of '/'
        [0xE2, 0x82], // a three-byte sequence cut short
        [0xED, 0xA0, 0x80], // a UTF-16 surrogate encoded as UTF-8
        [0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
    ];

    private static readonly string[] TrailingGarbage = ["x", "}", "{}", " {\"id\":1}", "\n\0", ",", "]", " garbage", "\n{\"object\":\"list\"}"];

    private static readonly string[] HtmlPages =
    [
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Just a moment...</title></head><body>Checking your browser…</body></html>",
        "<html><body>Service Unavailable</body></html>",
    ];

    /// <summary>Valid JSON of a kind no model is read from.</summary>
    private static readonly string[] WrongRoots = ["null", "[]", "[{}]", "\"text\"", "42", "true", "{}"];

    /// <summary>Any mutation of <paramref name="body"/> (the unchanged body among them).</summary>
    public static Gen<Mutated> Any(byte[] body) => Gen.OneOf(
        Unchanged(body), Truncated(body), FlippedByte(body), InsertedByte(body), Html(), DeepNesting(body),
        InvalidUtf8InString(body), LoneSurrogate(body), HugeNumber(body), WrongKind(body), DuplicateKey(body),
        Bom(body), Trailing(body), Empty(), WrongRoot());

    /// <summary>Mutations that usually leave no valid JSON behind (callers check: a flip inside a string keeps it valid).</summary>
    public static Gen<Mutated> Breaking(byte[] body) => Gen.OneOf(
        Truncated(body), FlippedByte(body), InsertedByte(body), Html(), InvalidUtf8InString(body), Trailing(body),
        Bom(body).SelectMany(bom => Trailing(bom.Body), (bom, trail) => new Mutated(bom.Description + "; " + trail.Description, trail.Body)),
        Gen.Constant(new Mutated("whitespace only", " \r\n\t "u8.ToArray())));

    public static Gen<Mutated> Unchanged(byte[] body) => Gen.Constant(new Mutated("unchanged", body));

    public static Gen<Mutated> Truncated(byte[] body) =>
        Gen.Choose(1, Math.Max(1, body.Length - 1)).Select(n => new Mutated($"truncated to {n} of {body.Length} bytes", body[..Math.Min(n, body.Length)]));

    public static Gen<Mutated> FlippedByte(byte[] body) =>
        from position in Gen.Choose(0, body.Length - 1)
        from bit in Gen.Choose(0, 7)
        let flipped = (byte)(body[position] ^ (1 << bit))
        select new Mutated($"byte {position} flipped 0x{body[position]:X2}→0x{flipped:X2}", Bytes.Splice(body, position, position + 1, [flipped]));

    public static Gen<Mutated> InsertedByte(byte[] body) =>
        from position in Gen.Choose(0, body.Length)
        from value in Gen.OneOf(Gen.Elements("{}[]\",:\\0a -"u8.ToArray()), Gen.Elements<byte>(0x00, 0x80, 0xC3, 0xFF), Gen.Choose(0, 255).Select(v => (byte)v))
        select new Mutated($"byte 0x{value:X2} inserted at {position}", Bytes.Splice(body, position, position, [value]));

    public static Gen<Mutated> Html() =>
        Gen.Elements(HtmlPages).Select(page => new Mutated("an HTML page instead of JSON", Bytes.Utf8(page)));

    /// <summary>An unknown property holding deeply nested arrays or objects, inserted as the root object's first member.</summary>
    public static Gen<Mutated> DeepNesting(byte[] body) =>
        from depth in Gen.Elements(NestingDepths)
        from objects in Gen.Elements(true, false)
        let nested = objects
            ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
            : new string('[', depth) + new string(']', depth)
        select new Mutated(
            $"{depth} levels of {(objects ? "objects" : "arrays")} in the unknown property \"x_fuzz_nested\"",
            Bytes.Splice(body, 1, 1, Bytes.Utf8("\"x_fuzz_nested\":" + nested + ",")));

    public static Gen<Mutated> InvalidUtf8InString(byte[] body)
    {
        var strings = JsonSlots.Scan(body).Where(s => s.Kind == JsonTokenType.String).ToArray();
        return strings.Length == 0
            ? Truncated(body)
            : from slot in Gen.Elements(strings)
              from position in Gen.Elements(InsideString(body, slot))
              from sequence in Gen.Elements(InvalidUtf8)
              select new Mutated(
                  $"invalid UTF-8 {Bytes.Escape(sequence)} inside the string at {slot.PathText}",
                  Bytes.Splice(body, position, position, sequence));
    }

    /// <summary>A lone UTF-16 surrogate escape: valid JSON syntax that no string can be made of.</summary>
    public static Gen<Mutated> LoneSurrogate(byte[] body)
    {
        var strings = JsonSlots.Scan(body).Where(s => s.Kind == JsonTokenType.String).ToArray();
        return strings.Length == 0
            ? Truncated(body)
            : from slot in Gen.Elements(strings)
              from escape in Gen.Elements("\\ud800", "\\udfff", "\\ud83d")
              select new Mutated($"lone surrogate {escape} in the string at {slot.PathText}", Bytes.Splice(body, slot.End - 1, slot.End - 1, Bytes.Utf8(escape)));
    }

    /// <summary>A number too large for an integer (or any double), or a fraction, where the example has an integer.</summary>
    public static Gen<Mutated> HugeNumber(byte[] body)
    {
        var slots = JsonSlots.Scan(body);
        var integers = slots.Where(s => s.Kind == JsonTokenType.Number && !body.AsSpan(s.Start, s.End - s.Start).ContainsAny(".eE"u8)).ToArray();
        var targets = integers.Length > 0 ? integers : [.. slots.Where(s => s.IsScalar)];
        return from slot in Gen.Elements(targets)
               from number in Gen.Elements<string>(WrongKindValues.OutOfRangeNumbers)
               select new Mutated($"{number} at {slot.PathText}", Bytes.Splice(body, slot.Start, slot.End, Bytes.Utf8(number)));
    }

    /// <summary>A value of another kind (a string for a number, an object for a string, …) in place of any value but the root.</summary>
    public static Gen<Mutated> WrongKind(byte[] body)
    {
        var slots = JsonSlots.Scan(body).Where(s => s.Path.Count > 0 && s.Kind != JsonTokenType.Null).ToArray();
        return from slot in Gen.Elements(slots)
               from raw in Gen.Elements<string>(WrongKindValues.ForJsonKind(slot.Kind))
               select new Mutated($"{raw} at {slot.PathText} (was {slot.Kind})", Bytes.Splice(body, slot.Start, slot.End, Bytes.Utf8(raw)));
    }

    /// <summary>A member repeated right after itself, with the same value or one of another kind.</summary>
    public static Gen<Mutated> DuplicateKey(byte[] body)
    {
        var members = JsonSlots.Scan(body).Where(s => s.Name is not null).ToArray();
        return from slot in Gen.Elements(members)
               from sameValue in Gen.Elements(true, false)
               let value = sameValue ? body[slot.Start..slot.End] : Bytes.Utf8(WrongKindValues.ForJsonKind(slot.Kind)[0])
               select new Mutated(
                   $"duplicate key \"{slot.Name}\" at {slot.PathText} ({(sameValue ? "same value" : "another value")})",
                   Bytes.Splice(body, slot.End, slot.End, [.. ","u8, .. JsonSerializer.SerializeToUtf8Bytes(slot.Name), .. ":"u8, .. value]));
    }

    public static Gen<Mutated> Bom(byte[] body) => Gen.Constant(new Mutated("a UTF-8 byte order mark before the body", [0xEF, 0xBB, 0xBF, .. body]));

    public static Gen<Mutated> Trailing(byte[] body) =>
        Gen.Elements(TrailingGarbage).Select(garbage => new Mutated($"trailing garbage {Bytes.Escape(Bytes.Utf8(garbage))}", [.. body, .. Bytes.Utf8(garbage)]));

    public static Gen<Mutated> Empty() => Gen.Constant(new Mutated("empty body", []));

    public static Gen<Mutated> WrongRoot() =>
        Gen.Elements(WrongRoots).Select(root => new Mutated($"the valid JSON {root} as the whole body", Bytes.Utf8(root)));

    /// <summary>Offsets inside a string's quotes that split neither an escape nor a multi-byte character.</summary>
    private static int[] InsideString(byte[] body, JsonSlot slot)
    {
        var positions = new List<int>();
        for (var i = slot.Start + 1; i < slot.End; i++)
        {
            var afterEscape = body[i - 1] == (byte)'\\' && (i - 2 < slot.Start || body[i - 2] != (byte)'\\');
            var continuation = (body[i] & 0xC0) == 0x80;
            if (!afterEscape && !continuation)
            {
                positions.Add(i);
            }
        }

        return positions.Count > 0 ? [.. positions] : [slot.End - 1];
    }
}
