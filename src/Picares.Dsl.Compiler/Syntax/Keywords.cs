using System.Collections.Generic;

namespace Picares.Dsl.Compiler.Syntax;

/// <summary>The words that are operators inside expressions and so cannot be names.</summary>
public static class Keywords
{
    /// <summary>Logical operators.</summary>
    public const string And = "and", Or = "or", Not = "not", In = "in", True = "true", False = "false";

    /// <summary>Temporal qualifiers: how the distance between two dates is bounded.</summary>
    public const string AtLeast = "at_least", MoreThan = "more_than", AtMost = "at_most", LessThan = "less_than", Within = "within";

    /// <summary>Temporal directions.</summary>
    public const string Before = "before", After = "after";

    /// <summary>Every reserved word (<see cref="IsReserved"/> is true for exactly these).</summary>
    public static IReadOnlyList<string> Reserved { get; } = new[]
    {
        And, Or, Not, In, True, False, AtLeast, MoreThan, AtMost, LessThan, Within, Before, After,
    };

    /// <summary>
    /// True for a word of <see cref="Reserved"/>: the parser asks this of every name it reads, and a switch on the words
    /// compares a few characters where a hash set would hash the whole name.
    /// </summary>
    public static bool IsReserved(string text)
    {
        switch (text)
        {
            case And: case Or: case Not: case In: case True: case False:
            case AtLeast: case MoreThan: case AtMost: case LessThan: case Within:
            case Before: case After:
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The keywords of top-level declarations that no block takes as a statement of its own (<c>event</c> is also an
    /// endpoint's statement): a line that starts with one, unindented, begins a declaration. The parser reads them so only
    /// to recover from a block that is never closed.
    /// </summary>
    public static IReadOnlyList<string> DeclarationsOnly { get; } = new[]
    {
        "study", "population", "randomization", "anchor", "intervention", "arm", "codelist", "form", "criterion", "visit", "endpoint",
    };

    /// <summary>True for a word of <see cref="DeclarationsOnly"/>.</summary>
    public static bool IsDeclarationOnly(string text)
    {
        foreach (var word in DeclarationsOnly)
            if (word == text) return true;
        return false;
    }

    /// <summary>True for a temporal qualifier.</summary>
    public static bool IsTemporalQualifier(string text) =>
        text == AtLeast || text == MoreThan || text == AtMost || text == LessThan || text == Within;
}
