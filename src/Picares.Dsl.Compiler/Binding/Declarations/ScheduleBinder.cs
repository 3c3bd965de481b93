using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Binding.Declarations;

/// <summary>
/// Binds <c>anchor</c>, <c>event</c> and <c>visit</c>. Study days follow the clinical convention: day 1 is
/// the anchor date, the day before is day -1, and there is no day 0. Windows are signed day offsets around
/// the nominal day and must contain it.
/// </summary>
internal static class ScheduleBinder
{
    private static readonly string[] VisitSingle = { "day", "every", "at", "unscheduled", "window", "until", "max", "anchoring" }, VisitRepeatable = { "collect", "activity" };

    public static readonly string[] Anchorings = { "fixed", "actual" };

    // The statements only a repeating visit takes.
    private static readonly string[] RepeatingOnly = { "until", "max", "anchoring" };
    private static readonly string[] Timings = { "day", "every", "at", "unscheduled" };

    private const string NamedShape = "a name, optionally a \"label\", then 'follows <anchor or event>' for each point it never comes before";
    private const string AnchorShape = NamedShape + ", and 'ends_study' if it is the date the study ends for the subject, in any order";
    private const string EventShape = NamedShape + ", and 'terminal' if it ends every subject's participation, in any order";

    // The shapes that state a range, made once.
    private static readonly string DayShape = $"a study day or range of days, whole numbers from -{AllowedRanges.MaxDays} to {AllowedRanges.MaxDays} (no day 0), optionally 'from <anchor>'";
    private static readonly string EveryShape = $"a fixed interval of 1 to {AllowedRanges.MaxDays} days, optionally 'from <anchor>', then optionally '+ <fixed duration>' of up to {AllowedRanges.MaxDays} days to the first occurrence";
    private static readonly string AtShape = $"an anchor or event, optionally plus or minus a fixed duration of up to {AllowedRanges.MaxDays} days";
    private static readonly string WindowShape = $"a signed range of whole days around the nominal day, from -{AllowedRanges.MaxDays} to +{AllowedRanges.MaxDays}";
    private static readonly string MaxShape = $"the most times it repeats, a whole number from 1 to {AllowedRanges.MaxVisitRepeats}";

    public static AnchorModel BindAnchor(BindingContext context, StatementSyntax statement)
    {
        var (name, label, after, endsStudy, origin) = BindNamed(context, statement, "anchor", "anchor first_dose \"First dose of study drug\" follows consent", "ends_study");
        return new AnchorModel(name, label, after, origin) { EndsStudy = endsStudy };
    }

    public static EventModel BindEvent(BindingContext context, StatementSyntax statement)
    {
        var (name, label, after, terminal, origin) = BindNamed(context, statement, "event", "event death \"Death\" terminal", "terminal");
        return new EventModel(name, label, after, terminal, origin);
    }

    /// <summary>
    /// <c>anchor|event name ["label"] [follows other]... [ends_study|terminal]</c>: <c>follows</c> orders the timeline (the
    /// anchor or event never comes before <c>other</c>) and may be given for any number of points; <c>terminal</c> marks an
    /// event that ends every subject's participation, <c>ends_study</c> an anchor that is the date the study ends for the
    /// subject (a common study end). The modifiers come in any order; one given twice is reported at the second.
    /// </summary>
    private static (string Name, string Label, EquatableArray<string> After, bool Flagged, Origin Origin) BindNamed(
        BindingContext context, StatementSyntax statement, string what, string example, string flag)
    {
        var a = new StatementArguments(context, statement, what == "event" ? EventShape : AnchorShape, example);
        a.Expect(1, int.MaxValue);
        var name = a.Name(0) ?? "";
        int next = 1;
        var label = name;
        if (a.At(1) is StringExpressionSyntax)
        {
            label = a.OptionalText(1) ?? name;
            next = 2;
        }
        var subject = $"{what} {name}";
        var after = new List<string>();
        Dictionary<string, Text.TextSpan>? followed = null; // every 'follows X' read, known or not, for repeats (any number of them)
        Text.TextSpan? flagAt = null;
        for (int i = next; i < a.Count; i++)
        {
            var argument = a.At(i)!;
            switch (argument.AsName)
            {
                case "follows":
                    if (a.At(i + 1) is not NameExpressionSyntax other)
                    {
                        a.Fail(a.At(i + 1)?.Span ?? argument.Span);
                        i++; // the argument that is not a name is reported here, not again as a modifier
                        break;
                    }
                    i++;
                    var pair = Text.TextSpan.FromBounds(argument.Span.Start, other.Span.End);
                    var target = other.Identifier.Text;
                    followed ??= new Dictionary<string, Text.TextSpan>(System.StringComparer.Ordinal);
                    if (followed.TryGetValue(target, out var first))
                        context.Report(DiagnosticDescriptors.RepeatedStatement, pair, "follows " + target, subject, context.LineOf(first));
                    else
                    {
                        followed.Add(target, pair);
                        if (CheckEvent(context, target, other)) after.Add(target);
                    }
                    break;
                case var word when word == flag:
                    if (flagAt is { } earlier) context.Report(DiagnosticDescriptors.RepeatedStatement, argument.Span, flag, subject, context.LineOf(earlier));
                    else flagAt = argument.Span;
                    break;
                default:
                    a.Fail(argument.Span);
                    break;
            }
        }
        return (name, label, after.ToEquatableArray(), flagAt is not null, context.OriginOf(statement, new OriginSubject(what, name)));
    }

    /// <summary>
    /// Events and anchors may end repeating visits and treatment, and an event may follow either. An unknown name is told
    /// what it is declared as, or the closest anchor or event, or how to declare it as an event.
    /// </summary>
    public static bool CheckEvent(BindingContext context, string name, ExpressionSyntax syntax)
    {
        if (context.Symbols.Is(name, SymbolKind.Event) || context.Symbols.Is(name, SymbolKind.Anchor)) return true;
        context.Report(DiagnosticDescriptors.UnknownName, syntax.Span, "anchor or event", name, context.AnchorHint(name, eventsAllowed: true, declareAs: "event"));
        return false;
    }

    public static VisitModel? BindVisit(BindingContext context, StatementSyntax statement, string? dayOne)
    {
        var args = new StatementArguments(context, statement, "a name, optionally a \"label\", and a { } block", "visit Cycle \"Treatment cycle\" { every 21 days  until progression }", allowsBlock: true);
        args.Expect(1, 2);
        var name = args.Name(0);
        if (name is null) return null;
        var label = args.Count > 1 ? args.OptionalText(1) ?? name : name;
        var subject = new OriginSubject("visit", name);
        var origin = context.OriginOf(statement, subject);
        var block = new BlockReader(context, statement, subject, VisitSingle, VisitRepeatable, ownerOrigin: origin);

        StatementSyntax? timingStatement = null; // the first of the timings given; any other is reported
        foreach (var keyword in Timings)
        {
            if (block.One(keyword) is not { } given) continue;
            if (timingStatement is null) timingStatement = given;
            else context.Report(DiagnosticDescriptors.RepeatedStatement, given.Keyword.Span, "timing", "visit " + name, context.LineOf(timingStatement.Keyword.Span));
        }
        if (timingStatement is null)
            context.Report(DiagnosticDescriptors.VisitWithoutTiming, statement.Keyword.Span, name);

        string timing = "unscheduled";
        string anchor = dayOne ?? ""; // the study's day_one, unless the timing names its own (an unknown day_one is reported at the study)
        Text.TextSpan? anchorNamedAt = null; // where the timing names its anchor ('from <anchor>'), if it does
        int? day = null, lastDay = null, offset = null, every = null;
        if (timingStatement is not null)
        {
            timing = timingStatement.Keyword.Text == "every" ? "repeating" : timingStatement.Keyword.Text == "at" ? "relative" : timingStatement.Keyword.Text;
            var a = new StatementArguments(context, timingStatement, TimingShape(timingStatement.Keyword.Text), TimingExample(timingStatement.Keyword.Text));
            switch (timingStatement.Keyword.Text)
            {
                case "day":
                    if (a.Expect(1, 3))
                    {
                        if (a.At(0) is RangeExpressionSyntax range && ConstantFolding.Range(range) is { Unit: null } r &&
                            r.Lower == System.Math.Floor(r.Lower) && r.Upper == System.Math.Floor(r.Upper))
                        {
                            if (StudyDay(a, range.Lower, r.Lower) is { } first && StudyDay(a, range.Upper, r.Upper) is { } last)
                            {
                                (day, lastDay) = (first, last);
                                if (first > last) context.Report(DiagnosticDescriptors.InvertedRange, range.Span, first, last);
                                if (first == 0 || last == 0) context.Report(DiagnosticDescriptors.DayZero, range.Span);
                            }
                        }
                        else if (ConstantFolding.SignedNumber(a.At(0), out var u) is { } d && u is null && d == System.Math.Floor(d))
                        {
                            day = StudyDay(a, a.At(0)!, d);
                            if (day == 0) context.Report(DiagnosticDescriptors.DayZero, a.At(0)!.Span);
                        }
                        else a.Fail(a.At(0)!.Span);
                        if (ReadFrom(a, 1) is { } from) (anchor, anchorNamedAt) = from;
                    }
                    break;
                case "every":
                    if (a.Expect(1, 3))
                    {
                        every = a.Days(0, "every");
                        if (ReadFirstOccurrence(a, 1) is { } first) (anchor, anchorNamedAt, offset) = first;
                        else if (ReadFrom(a, 1) is { } from) (anchor, anchorNamedAt) = from;
                    }
                    break;
                case "at":
                    if (a.Expect(1, 1)) (anchor, offset) = ReadRelative(context, a, anchor);
                    break;
                case "unscheduled":
                    a.Expect(0, 0);
                    break;
            }
        }
        if (timing != "unscheduled" && anchor.Length == 0 && timingStatement is not null)
            context.Report(DiagnosticDescriptors.MissingStatement, timingStatement.Keyword.Span, "visit " + name, "an anchor", "'from first_dose' here, or 'day_one first_dose' in the study");
        else if (anchorNamedAt is { } namedAt && !context.Symbols.Is(anchor, SymbolKind.Anchor))
            context.Report(DiagnosticDescriptors.UnknownName, namedAt, "anchor", anchor, context.AnchorHint(anchor, eventFix: timing == "repeating"
                ? $"a repeating visit counts from an anchor; for one visit after the event, write 'at {anchor} + <duration>'"
                : $"to plan a visit after the event, write 'at {anchor} + <duration>' instead of 'day ... from'"));

        int before = 0, after = 0;
        if (block.One("window") is { } ws)
        {
            var a = new StatementArguments(context, ws, WindowShape, "window -3..+3 days");
            if (a.Expect(1, 1))
            {
                var range = ConstantFolding.Range(a.At(0));
                if (range is null) a.Fail(a.At(0)!.Span);
                else if (range.Value.Unit is null) context.Report(DiagnosticDescriptors.MissingUnit, a.At(0)!.Span, "a window", range.Value.Upper, "days");
                else if (range.Value.Unit.Dimension != Dimension.Time)
                    context.Report(DiagnosticDescriptors.UnitNotAllowedHere, a.At(0)!.Span, "window", "fixed duration", range.Value.Unit.Symbol, range.Value.Unit.Dimension, "use days");
                else
                {
                    var lo = range.Value.Unit.ConvertTo(range.Value.Lower, UnitCatalog.Days);
                    var hi = range.Value.Unit.ConvertTo(range.Value.Upper, UnitCatalog.Days);
                    if (lo > 0 || hi < 0) context.Report(DiagnosticDescriptors.BadWindow, a.At(0)!.Span, Fmt(lo), Fmt(hi));
                    else if (lo != System.Math.Floor(lo) || hi != System.Math.Floor(hi)) a.Fail(a.At(0)!.Span);
                    else if (lo < -AllowedRanges.MaxDays) a.Fail(((RangeExpressionSyntax)a.At(0)!).Lower.Span);
                    else if (hi > AllowedRanges.MaxDays) a.Fail(((RangeExpressionSyntax)a.At(0)!).Upper.Span);
                    else
                    {
                        before = (int)-lo;
                        after = (int)hi;
                        // Both sides are at most MaxDays, so their sum cannot overflow.
                        if (every is { } e && before + after >= e)
                            context.Report(DiagnosticDescriptors.WindowWiderThanInterval, a.At(0)!.Span, name, before + after + 1, e);
                    }
                }
            }
        }

        var until = new List<string>();
        if (block.One("until") is { } us)
        {
            var a = new StatementArguments(context, us, "the events that end it, joined by 'or'", "until progression or death");
            foreach (var (n, syntax) in a.Names(0)) if (CheckEvent(context, n, syntax)) until.Add(n);
            if (a.Count == 0) a.Fail(us.HeaderSpan);
        }
        int? max = null;
        if (block.One("max") is { } ms)
        {
            var a = new StatementArguments(context, ms, MaxShape, "max 35");
            if (a.Expect(1, 1)) max = a.Integer(0, 1, AllowedRanges.MaxVisitRepeats);
            // Its last occurrence must stay within the schedule's reach of its anchor, as every other day of a visit does.
            int first = timing == "repeating" ? offset ?? 0 : 0;
            if (max is { } m && every is { } e && first + (long)e * (m - 1) > AllowedRanges.MaxDays)
            {
                int most = (AllowedRanges.MaxDays - first) / e + 1;
                var start = first == 0 ? "" : $", the first {first} days after it,";
                context.Report(DiagnosticDescriptors.BadArguments, a.At(0)!.Span, "max",
                    $"at most {most} occurrences of a visit every {e} days{start} so that the last falls within {AllowedRanges.MaxDays} days (100 years) of its anchor", $"max {most}");
                max = null;
            }
        }
        if (timing == "repeating" && block.One("until") is null && block.One("max") is null)
            context.Report(DiagnosticDescriptors.UnboundedRepeat, timingStatement!.Keyword.Span, name);

        string anchoring = "fixed";
        if (block.One("anchoring") is { } an)
        {
            var a = new StatementArguments(context, an, "fixed (a grid from day 1) or actual (each visit from the previous one's actual date)", "anchoring actual");
            if (a.Expect(1, 1)) anchoring = a.Choice(0, "anchoring", Anchorings) ?? anchoring;
        }

        // Statements that mean nothing for this kind of visit: said, not silently ignored.
        if (timing != "repeating" && timingStatement is not null)
            foreach (var keyword in RepeatingOnly)
                if (block.One(keyword) is { } misplaced)
                    context.Report(DiagnosticDescriptors.UnknownStatement, misplaced.Keyword.Span, keyword, $"visit {name}, which does not repeat",
                        "; it is for repeating visits ('every <duration>'): remove it, or make the visit repeat", Suggestions.ListLater(VisitSingle.Concat(VisitRepeatable).Except(RepeatingOnly)));
        if (timing == "unscheduled" && timingStatement is not null && block.One("window") is { } unplanned)
            context.Report(DiagnosticDescriptors.UnknownStatement, unplanned.Keyword.Span, "window", $"visit {name}, which is unscheduled",
                "; a window is the days around a planned visit's nominal day, and an unscheduled visit has none: remove it", Suggestions.ListLater(new[] { "unscheduled", "collect", "activity" }));

        var collect = new List<string>();
        foreach (var cs in block.All("collect"))
        {
            var a = new StatementArguments(context, cs, "the forms collected", "collect Vitals, AdverseEvents");
            foreach (var (n, syntax) in a.Names(0))
            {
                if (context.Symbols.Forms.ContainsKey(n)) collect.Add(n);
                else context.Report(DiagnosticDescriptors.UnknownName, syntax.Span, "form", n, Suggestions.DidYouMeanLater(n, context.Symbols.Forms.Keys));
            }
            if (a.Count == 0) a.Fail(cs.HeaderSpan);
        }
        var activities = new List<string>();
        foreach (var act in block.All("activity"))
        {
            var a = new StatementArguments(context, act, "the activity in quotes", "activity \"Tumor biopsy\"");
            if (a.Expect(1, 1) && a.Text(0) is { } t) activities.Add(t);
        }

        return new VisitModel(name, label, timing, anchor, day, lastDay, before, after, offset, every, anchoring,
            until.ToEquatableArray(), max, collect.ToEquatableArray(), activities.ToEquatableArray(), origin);
    }

    /// <summary>A study day within ±<see cref="AllowedRanges.MaxDays"/>; else reported at <paramref name="syntax"/>, and null.</summary>
    private static int? StudyDay(StatementArguments a, ExpressionSyntax syntax, double value)
    {
        if (AllowedRanges.Within(value, -AllowedRanges.MaxDays, AllowedRanges.MaxDays)) return (int)value;
        a.Fail(syntax.Span);
        return null;
    }

    /// <summary>The anchor that <c>from &lt;anchor&gt;</c> names at <paramref name="index"/>, and where; null when there is none or it is malformed (reported).</summary>
    private static (string Name, Text.TextSpan Span)? ReadFrom(StatementArguments a, int index)
    {
        if (a.Count <= index) return null;
        if (a.Count == index + 2 && a.At(index)?.AsName == "from")
            return a.Name(index + 1) is { } name ? (name, a.At(index + 1)!.Span) : null;
        a.Fail(a.At(index)!.Span);
        return null;
    }

    /// <summary>
    /// <c>from &lt;anchor&gt; + &lt;duration&gt;</c> at <paramref name="index"/>: a repetition whose first occurrence is that long
    /// after the anchor (tumor assessments every 6 weeks, the first in week 6). Null when the argument is not of that shape
    /// (<see cref="ReadFrom"/> reads the rest); a minus, which would start the repetition before its anchor, is reported.
    /// </summary>
    private static (string Name, Text.TextSpan Span, int? Offset)? ReadFirstOccurrence(StatementArguments a, int index)
    {
        if (a.Count != index + 2 || a.At(index)?.AsName != "from" ||
            a.At(index + 1) is not BinaryExpressionSyntax { Left: NameExpressionSyntax anchor } start ||
            start.Operator.Kind is not (TokenKind.Plus or TokenKind.Minus))
            return null;
        int? offset = null;
        if (start.Operator.Kind == TokenKind.Minus)
            a.Fail(start.Span,
                $"a first occurrence on or after its anchor, '+ <fixed duration>' of up to {AllowedRanges.MaxDays} days (a visit before the anchor is 'day -n from {anchor.Identifier.Text}')",
                $"every 6 weeks from {anchor.Identifier.Text} + 6 weeks");
        else offset = a.Days(start.Right, "every", allowZero: true);
        return (anchor.Identifier.Text, anchor.Span, offset);
    }

    private static (string Anchor, int? Offset) ReadRelative(BindingContext context, StatementArguments a, string fallback)
    {
        var e = a.At(0)!;
        NameExpressionSyntax? named = null;
        int? offset = 0;
        if (e is NameExpressionSyntax n) named = n;
        else if (e is BinaryExpressionSyntax { Left: NameExpressionSyntax left } b && b.Operator.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            named = left;
            var days = a.Days(b.Right, "at", allowZero: true);
            offset = days is null ? null : b.Operator.Kind == TokenKind.Minus ? -days : days;
        }
        else a.Fail(e.Span);
        if (named is null) return (fallback, null);
        var anchor = named.Identifier.Text;
        if (!context.Symbols.Is(anchor, SymbolKind.Anchor) && !context.Symbols.Is(anchor, SymbolKind.Event))
            context.Report(DiagnosticDescriptors.UnknownName, named.Span, "anchor or event", anchor, context.AnchorHint(anchor, eventsAllowed: true));
        return (anchor, offset);
    }

    private static string TimingShape(string keyword) => keyword switch
    {
        "day" => DayShape,
        "every" => EveryShape,
        "at" => AtShape,
        _ => "nothing",
    };

    private static string TimingExample(string keyword) => keyword switch
    {
        "day" => "day -28..-1 from first_dose",
        "every" => "every 6 weeks from first_dose + 6 weeks",
        "at" => "at end_of_treatment + 30 days",
        _ => "unscheduled",
    };

    /// <summary>Warns where the windows of two single visits on one anchor overlap (every pair, per anchor).</summary>
    public static void CheckOverlaps(BindingContext context, IReadOnlyList<(VisitModel Visit, StatementSyntax Syntax)> visits)
    {
        var singles = visits.Where(v => v.Visit.Timing == "day" && v.Visit.Day is not null)
            .Select(v => (v.Visit, v.Syntax, Start: Offset(v.Visit.Day!.Value) - v.Visit.WindowBefore, End: Offset(v.Visit.LastDay ?? v.Visit.Day!.Value) + v.Visit.WindowAfter))
            .ToList();
        foreach (var group in singles.GroupBy(v => v.Visit.Anchor))
        {
            // One report per visit, naming the first window (in this order) that it overlaps. Windows start in order, so a
            // window that ends before one visit's start ends before every later visit's too: the windows still open are kept
            // in order, and the first of them is the one to name (a sweep, rather than comparing every pair).
            var ordered = group.OrderBy(v => v.Start).ThenBy(v => v.Syntax.Span.Start).ToList();
            var open = new Queue<int>();
            for (int i = 0; i < ordered.Count; i++)
            {
                var current = ordered[i];
                while (open.Count > 0 && ordered[open.Peek()].End < current.Start) open.Dequeue();
                if (open.Count > 0)
                {
                    var earlier = ordered[open.Peek()];
                    context.Report(DiagnosticDescriptors.OverlappingWindows, current.Syntax.Keyword.Span, current.Visit.Name, Day(current.Start), Day(current.End),
                        earlier.Visit.Name, Day(earlier.Start), Day(earlier.End));
                }
                open.Enqueue(i);
            }
        }
    }

    // Study days have no day 0: map them onto a continuous offset and back for messages. (Not the runtime's StudyDay, which
    // throws on day 0: the binder still meets one after reporting it, PIC3001.)
    private static int Offset(int studyDay) => studyDay > 0 ? studyDay - 1 : studyDay;
    private static int Day(int offset) => offset >= 0 ? offset + 1 : offset;

    private static string Fmt(double v) => v.ToString("+0.##;-0.##;0", System.Globalization.CultureInfo.InvariantCulture);
}
