using System;
using System.Globalization;
using Picares.Dsl.Runtime.Model;

namespace Picares.Dsl.Runtime.Scheduling;

/// <summary>Describes a visit's timing and window in words, as a schedule of activities shows them.</summary>
public static class VisitTiming
{
    /// <summary>
    /// When the visit happens: <c>Day -28..-1</c>, <c>Day 22</c>, <c>Every 21 days from first_dose until progression or death, max 35</c>,
    /// <c>end_of_treatment + 30 days</c>, <c>Unscheduled</c>.
    /// </summary>
    public static string Describe(VisitInfo visit)
    {
        if (visit is null) throw new ArgumentNullException(nameof(visit));
        switch (visit.Timing)
        {
            case "day":
                return visit.LastDay is { } last && last != visit.Day
                    ? $"Day {Number(visit.Day)}..{Number(last)}"
                    : $"Day {Number(visit.Day)}";
            case "repeating":
                var text = $"Every {Number(visit.EveryDays)} days from {visit.Anchor}";
                if (visit.OffsetDays is { } first and not 0) text += $" + {Number(first)} days";
                if (visit.Anchoring == "actual") text += " (after the previous visit's actual date)";
                if (visit.Until.Count > 0) text += " until " + string.Join(" or ", visit.Until);
                if (visit.MaxCount is { } max) text += ", max " + Number(max);
                return text;
            case "relative":
                var offset = visit.OffsetDays ?? 0;
                return offset < 0 ? $"{visit.Anchor} - {Number(-offset)} days" : $"{visit.Anchor} + {Number(offset)} days";
            case "unscheduled":
                return "Unscheduled";
            default:
                return visit.Timing;
        }
    }

    /// <summary>The window as signed offsets: <c>±3 days</c>, <c>-3..+7 days</c>, or empty when the visit has none.</summary>
    public static string Window(VisitInfo visit)
    {
        if (visit is null) throw new ArgumentNullException(nameof(visit));
        if (visit.WindowBefore == 0 && visit.WindowAfter == 0) return "";
        if (visit.WindowBefore == visit.WindowAfter) return $"±{Number(visit.WindowAfter)} days";
        return $"{Signed(-visit.WindowBefore)}..{Signed(visit.WindowAfter)} days";
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Signed(int value) => (value >= 0 ? "+" : "") + value.ToString(CultureInfo.InvariantCulture);
}
