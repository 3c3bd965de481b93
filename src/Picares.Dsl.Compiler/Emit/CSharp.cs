using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Picares.Dsl.Compiler.Syntax;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// Turns protocol names and text into C# that compiles and keeps the text exactly: string literals with
/// every control, line-terminator and lone-surrogate character escaped; identifiers in PascalCase with
/// keywords escaped; numbers in the invariant culture; XML doc text escaped.
/// </summary>
public static class CSharp
{
    private static readonly HashSet<string> CSharpKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>A C# string literal for <paramref name="value"/>, or <c>null</c>.</summary>
    public static string Literal(string? value)
    {
        if (value is null) return "null";
        // Most text needs no escape: quoted as it is, in one allocation.
        int first = 0;
        while (first < value.Length && !MayNeedEscape(value[first])) first++;
        if (first == value.Length) return string.Concat("\"", value, "\"");
        var sb = new StringBuilder(value.Length + 8);
        sb.Append('"').Append(value, 0, first);
        for (int i = first; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    bool loneSurrogate = char.IsHighSurrogate(c) ? !(i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        : char.IsLowSurrogate(c) && !(i > 0 && char.IsHighSurrogate(value[i - 1]));
                    if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029' || loneSurrogate || c == '\uFEFF')
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>
    /// A character that <see cref="Literal"/> or <see cref="Xml"/> may have to change: a quote, a backslash, an XML
    /// metacharacter, a control or line-terminator character, a surrogate (a pair is kept; the slow path tells) or a BOM.
    /// </summary>
    private static bool MayNeedEscape(char c) =>
        c < 0x20 || c == '"' || c == '\\' || c == '&' || c == '<' || c == '>' || (c >= 0x7F && (c == 0x7F || c == '\u0085' ||
        c == '\u2028' || c == '\u2029' || c == '\uFEFF' || char.IsSurrogate(c)));

    /// <summary>
    /// A PascalCase C# identifier for a protocol name: <c>first_dose</c> → <c>FirstDose</c>, <c>I6</c> → <c>I6</c>.
    /// Protocol names are made of the same letters as C# names, so only case, underscores and keywords change.
    /// </summary>
    public static string Identifier(string name)
    {
        // The binder asks for the C# name of every declaration: a name that is already PascalCase is its own C# name.
        if (IsPascalCase(name)) return CSharpKeywords.Contains(name) ? "@" + name : name;
        // Written from index 1, so that a '_' can go in front without moving anything.
        Span<char> chars = name.Length < 128 ? stackalloc char[name.Length + 1] : new char[name.Length + 1];
        int length = 1, index = 0, c;
        bool upper = true;
        while ((c = NextIdentifierChar(name, ref index, ref upper)) >= 0) chars[length++] = (char)c;
        int start = 1;
        if (length == 1 || !Lexer.IsIdentifierStart(chars[1])) chars[start = 0] = '_';
        var result = chars.Slice(start, length - start).ToString();
        return CSharpKeywords.Contains(result) ? "@" + result : result;
    }

    /// <summary>
    /// Compares protocol names by the C# identifier they become, without making it: two names are equal exactly when
    /// <see cref="Identifier"/> gives both the same identifier. For tables that detect collisions of generated names.
    /// </summary>
    public static IEqualityComparer<string> SameIdentifier { get; } = new SameIdentifierComparer();

    // Identifier drops underscores and upper-cases the letter after each (and the first); its '_' prefix depends only
    // on that result, and its '@' never applies (a result that starts with a lower-case letter cannot come out of it).
    // So comparing the upper-cased, underscore-free character sequences compares the identifiers.
    private sealed class SameIdentifierComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is null || y is null) return false;
            int i = 0, j = 0;
            bool upperX = true, upperY = true;
            while (true)
            {
                int cx = NextIdentifierChar(x, ref i, ref upperX), cy = NextIdentifierChar(y, ref j, ref upperY);
                if (cx != cy) return false;
                if (cx < 0) return true;
            }
        }

        public int GetHashCode(string name)
        {
            unchecked
            {
                int hash = (int)2166136261, i = 0, c;
                bool upper = true;
                while ((c = NextIdentifierChar(name, ref i, ref upper)) >= 0) hash = (hash ^ c) * 16777619;
                return hash;
            }
        }
    }

    // The next character of a name's identifier before any '_' or '@' prefix, or -1 at the end: underscores are dropped
    // and the letter after each (and the first) is upper-cased. Identifier and SameIdentifier both read names through it.
    private static int NextIdentifierChar(string name, ref int index, ref bool upper)
    {
        while (index < name.Length)
        {
            char c = name[index++];
            if (c == '_') { upper = true; continue; }
            var result = upper ? char.ToUpperInvariant(c) : c;
            upper = false;
            return result;
        }
        return -1;
    }

    // True when Identifier would return the name unchanged but for keywords: no underscore, a first letter that is upper case.
    private static bool IsPascalCase(string name)
    {
        if (name.Length == 0 || !Lexer.IsIdentifierStart(name[0]) || char.ToUpperInvariant(name[0]) != name[0]) return false;
        return name.IndexOf('_') < 0;
    }

    /// <summary>Names the generated classes give their own members and nested types.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "All", "Get", "Set", "Input", "Dates", "Attestations", "Evaluate", "Decide", "Validate", "Build", "Builder",
        "CaseBook", "AgeCriterion", "CriterionAttestations", "AnchorDates", "EventDates", "VisitNames", "Json", "Subject",
        "Changes", "ScreenedCriteria",
    };

    /// <summary>
    /// The members every generated class and enum inherits from <see cref="object"/>. A member or nested type of one of
    /// these names hides the inherited one (CS0108, an error when warnings are), and a nested type named <c>Finalize</c>
    /// is not found by name from the class around it (CS0119), so they are treated as reserved too. The generated types
    /// are classes and enums, never records, so no record member (<c>EqualityContract</c>, <c>PrintMembers</c>,
    /// <c>Deconstruct</c>) is inherited; the members of the other base types (the JSON context's and converters', the
    /// eligibility result's, <see cref="Enum"/>'s) never meet a protocol name (GeneratedNameSweepTests gives them all).
    /// </summary>
    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>
    /// The enum of a code list inside the generated <c>Crf</c> class, beside the forms' classes and the case book: a
    /// member name there, so a code list named like one of the class's own members (<c>CaseBook</c>, <c>Subject</c>,
    /// <c>Json</c>) or like the class gets a suffix.
    /// </summary>
    public static string CodeListEnum(string codeList)
    {
        var name = Member(codeList, "Crf");
        // Its helper class's methods take and return the enum by its simple name, which must not be theirs.
        while (CodeListHelperMembers.Contains(name)) name += "_";
        return name;
    }

    private static readonly HashSet<string> CodeListHelperMembers = new(StringComparer.Ordinal) { "CodeOf", "LabelOf", "TryParse" };

    /// <summary>The helper class of a code list's enum (<c>CodeOf</c>, <c>LabelOf</c>, <c>TryParse</c>): the enum's name plus <c>Codes</c>.</summary>
    public static string CodeListHelper(string codeList) => CodeListEnum(codeList) + "Codes";

    /// <summary>
    /// A member name inside a generated container; avoids the container's own name, reserved members and the members
    /// every type inherits from <see cref="object"/> (<c>equals</c> → <c>Equals_</c>).
    /// </summary>
    public static string Member(string name, string container)
    {
        var id = Identifier(name);
        while (id == container || Reserved.Contains(id) || ObjectMembers.Contains(id)) id += "_";
        return id;
    }

    /// <summary>A double literal in the invariant culture, round-trippable.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>A double literal, or <c>null</c>.</summary>
    public static string NullableNumber(double? value) => value is null ? "null" : Number(value.Value);

    /// <summary>
    /// The nullable C# type a field of a protocol data type has in generated models; a code is its code text
    /// unless <paramref name="codeType"/> (an enum) is given.
    /// </summary>
    public static string TypeOf(string dataType, string? codeType = null) => dataType switch
    {
        "integer" => "int?",
        "decimal" => "double?",
        "date" or "datetime" => "global::System.DateTime?",
        "boolean" => "bool?",
        "quantity" => "global::Picares.Dsl.Runtime.Units.Quantity?",
        "code" when codeType is not null => codeType + "?",
        _ => "string?",
    };

    /// <summary>An int literal, or <c>null</c>.</summary>
    public static string Integer(int? value) => value is null ? "null" : value.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a quantity field's documentation says of its unit: ", in kg or another unit of the same dimension"; empty without one.</summary>
    public static string UnitNote(string? unit) => unit is null ? "" : ", in " + Xml(unit) + " or another unit of the same dimension";

    /// <summary>Text for an XML doc comment: one line, with &amp;, &lt; and &gt; escaped.</summary>
    public static string Xml(string? text)
    {
        if (text is null) return "";
        // Most text needs no escape: it is its own XML text.
        int first = 0;
        while (first < text.Length && !MayNeedEscape(text[first])) first++;
        if (first == text.Length) return text;
        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default:
                    sb.Append(c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c) ? ' ' : c);
                    break;
            }
        }
        return sb.ToString();
    }
}
