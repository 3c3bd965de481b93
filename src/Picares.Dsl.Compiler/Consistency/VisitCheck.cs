using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// The timeline's order and the visits it rules out: 'follows' clauses in a cycle (PIC4016); a visit placed on
/// or after a terminal event such as death, and a repeating visit that an event always ends before its first
/// occurrence, because the protocol orders its start at or after that event (PIC4015); an event named death that is
/// not terminal while a visit would go on being planned after it (PIC4017).
/// </summary>
internal static class VisitCheck
{
    public static void Run(CheckContext c)
    {
        CheckDeath(c);
        var cyclic = false;
        foreach (var point in c.Model.Anchors.Select(a => (a.Name, Keyword: "anchor")).Concat(c.Model.Events.Select(e => (e.Name, Keyword: "event"))))
        {
            if (c.Timeline.CycleThrough(point.Name) is not { } cycle) continue;
            cyclic = true;
            var declaration = c.Locator.Declaration(point.Keyword, point.Name);
            var span = declaration is not null && declaration.Arguments.FirstOrDefault(a => a.AsName == "follows") is { } after ? after.Span : c.Locator.Name(point.Keyword, point.Name);
            var through = cycle.Where(n => n != point.Name).ToList();
            var named = Suggestions.FirstListed(through, through.Count, Suggestions.MostNamed); // a cycle of thousands of points still makes a short message
            c.Report(DiagnosticDescriptors.TimelineCycle, span, $"{point.Name} comes after itself through {named}");
            break; // one report per cycle is enough
        }
        if (cyclic) return;

        foreach (var visit in c.Model.Visits)
        {
            if (!Timeline.IsPlanned(visit)) continue;
            if (c.Timeline.FirstTerminalAtOrBefore(visit.Anchor) is { } terminal)
            {
                var why = visit.Anchor == terminal ? $"it is placed on {terminal}, which ends every subject's participation" : $"it is placed on {visit.Anchor}, which comes after {terminal}, which ends every subject's participation";
                c.Report(DiagnosticDescriptors.VisitNeverHappens, TimingSpan(c, visit), visit.Name, why, "place it before that event, or remove it");
                continue;
            }
            if (visit.Timing != "repeating" || EnderOf(c, visit) is not { } ender) continue;
            var until = SourceLocator.Inner(c.Locator.Declaration("visit", visit.Name), "until");
            var why2 = ender == visit.Anchor
                ? $"it starts on {visit.Anchor} and stops when {ender} happens"
                : $"it starts on {visit.Anchor}, which the protocol orders after {ender}, and stops when {ender} happens";
            c.Report(DiagnosticDescriptors.VisitNeverHappens, until is null ? TimingSpan(c, visit) : c.Locator.NameArgument(until, ender), visit.Name, why2,
                $"end it with an event that comes after {visit.Anchor}, or start it earlier");
        }
    }

    /// <summary>Where the visit is timed, looked up only for a report.</summary>
    private static Text.TextSpan TimingSpan(CheckContext c, Model.VisitModel visit) =>
        SourceLocator.Inner(c.Locator.Declaration("visit", visit.Name), visit.Timing switch { "repeating" => "every", "relative" => "at", _ => "day" }) is { } timing
            ? c.Locator.NameArgument(timing, visit.Anchor)
            : c.Locator.Name("visit", visit.Name);

    /// <summary>
    /// The first event that stops a repeating visit and that its anchor is, or comes at or after; null when none does. A
    /// loop over the array itself: no closure, box or enumerator for each of thousands of visits.
    /// </summary>
    private static string? EnderOf(CheckContext c, Model.VisitModel visit)
    {
        foreach (var u in visit.Until)
            if (c.Timeline.IsSameOrNotBefore(visit.Anchor, u)) return u;
        return null;
    }

    /// <summary>
    /// An event named death that is not <c>terminal</c> ends only the visits that name it in <c>until</c>: a visit that can
    /// fall after its anchor's day (a later study day, a visit some days after a point, a repeating visit that stops at
    /// other events) is still planned for a subject after death. The first such visit is named. When the protocol places a
    /// visit on or after death, it means to see subjects after it, and 'terminal' would rule that visit out (PIC4015):
    /// then only a repeating visit is reported, whose fix is 'until death'.
    /// </summary>
    private static void CheckDeath(CheckContext c)
    {
        var planned = c.Model.Visits.Where(Timeline.IsPlanned).ToList();
        foreach (var death in c.Model.Events)
        {
            if (death.Terminal || !string.Equals(death.Name, "death", System.StringComparison.OrdinalIgnoreCase)) continue;
            bool seenAfter = planned.Any(v => c.Timeline.IsSameOrNotBefore(v.Anchor, death.Name));
            var goesOn = planned.FirstOrDefault(v =>
                !c.Timeline.IsSameOrNotBefore(v.Anchor, death.Name) && !v.Until.Contains(death.Name) &&
                Timeline.CanFallAfterItsAnchorsDay(v) && (!seenAfter || v.Timing == "repeating"));
            if (goesOn is null) continue;
            var fix = seenAfter
                ? $"add 'until {death.Name}' to the visit ('terminal' would rule out the visits placed after {death.Name})"
                : goesOn.Timing == "repeating"
                    ? $"add 'terminal' to the event if it ends every subject's participation, or 'until {death.Name}' to the visit"
                    : "add 'terminal' to the event if it ends every subject's participation";
            c.Report(DiagnosticDescriptors.DeathNotTerminal, c.Locator.Name("event", death.Name), death.Name, goesOn.Name, fix);
        }
    }
}
