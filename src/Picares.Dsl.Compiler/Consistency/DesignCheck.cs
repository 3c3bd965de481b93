using System.Linq;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// The study design against its arms (PIC4009: a randomized or parallel design needs two arms or more, a single-group
/// design exactly one, a randomization needs randomized allocation), the planned enrollment against the arms and their
/// allocation ratio (PIC4008), and each field's soft limit within its hard limit (PIC4010).
/// </summary>
internal static class DesignCheck
{
    public static void Run(CheckContext c)
    {
        CheckArms(c);
        CheckLimits(c);
    }

    // The most arms (and ratios) a message names.
    private const int MostArmsNamed = Suggestions.MostNamed;

    private static void CheckArms(CheckContext c)
    {
        var study = c.Model.Study;
        var arms = c.Model.Arms;
        Text.TextSpan At(string keyword) => SourceLocator.Inner(c.Locator.Declaration("study"), keyword) is { } s ? SourceLocator.Arguments(s) : c.Locator.Name("study");
        if (study.StudyType != "interventional" || arms.Count == 0) return;
        // A message names the first arms and counts the rest, so that it stays short however many arms there are.
        var armList = Suggestions.FirstListed(arms.Select(a => a.Name), arms.Count, MostArmsNamed);

        if (study.Allocation == "randomized" && arms.Count < 2)
            c.Report(DiagnosticDescriptors.AllocationDoesNotFitArms, At("allocation"), $"Allocation is randomized but the protocol has one arm ({armList})", "declare the other arms, or write 'allocation na'");
        if (study.Design == "single_group" && arms.Count > 1)
            c.Report(DiagnosticDescriptors.AllocationDoesNotFitArms, At("design"), $"The design is single_group but the protocol has {arms.Count} arms ({armList})", "write 'design parallel' (or crossover, factorial, sequential), or keep one arm");
        if (study.Design is "parallel" or "crossover" or "factorial" && arms.Count < 2)
            c.Report(DiagnosticDescriptors.AllocationDoesNotFitArms, At("design"), $"The design is {study.Design} but the protocol has one arm ({armList})", "declare the other arms, or write 'design single_group'");
        if (c.Model.Randomization is not null && study.Allocation != "randomized")
            c.Report(DiagnosticDescriptors.AllocationDoesNotFitArms, c.Locator.Name("randomization"), $"The protocol declares a randomization but its allocation is {study.Allocation ?? "not given"}", "write 'allocation randomized' in the study, or remove the randomization");

        if (study.Enrollment is not { } enrollment) return;
        if (enrollment < arms.Count)
        {
            c.Report(DiagnosticDescriptors.EnrollmentDoesNotFitArms, At("enrollment"), enrollment, $"is smaller than the number of arms ({arms.Count}: {armList})", "enroll at least one subject per arm");
            return;
        }
        long total = arms.Sum(a => (long)a.Ratio);
        if (study.Allocation == "randomized" && total > 1 && enrollment % total != 0)
        {
            var ratio = arms.Count <= MostArmsNamed ? string.Join(":", arms.Select(a => a.Ratio)) : string.Join(":", arms.Take(MostArmsNamed).Select(a => a.Ratio)) + ":...";
            c.Report(DiagnosticDescriptors.EnrollmentDoesNotFitArms, At("enrollment"), enrollment,
                $"cannot be allocated {ratio} to {armList} in whole subjects", $"plan a multiple of {total}{Multiples(enrollment, total)}");
        }
    }

    /// <summary>
    /// The multiples of <paramref name="total"/> next to <paramref name="enrollment"/> that an enrollment may be: above 0 and
    /// at most <see cref="Binding.AllowedRanges.MaxEnrollment"/> (", such as 99 or 102"); empty when neither is.
    /// </summary>
    private static string Multiples(long enrollment, long total)
    {
        long lower = enrollment / total * total, upper = lower + total;
        var fits = new[] { lower, upper }.Where(n => n > 0 && n <= Binding.AllowedRanges.MaxEnrollment).ToList();
        return fits.Count == 0 ? "" : ", such as " + string.Join(" or ", fits);
    }

    private static void CheckLimits(CheckContext c)
    {
        foreach (var form in c.Model.Forms)
            foreach (var field in form.Fields)
            {
                if (field is not { HardLimit: { } hard, SoftLimit: { } soft }) continue;
                bool outside = soft.Lower < hard.Lower || soft.Upper > hard.Upper ||
                    hard.Lower is not null && soft.Lower is null || hard.Upper is not null && soft.Upper is null;
                if (!outside) continue;
                var fieldStatement = c.Locator.FieldStatement(form.Name, field.Name);
                var span = SourceLocator.Inner(fieldStatement, "soft") is { } s ? SourceLocator.Arguments(s) : c.Locator.Field(form.Name, field.Name);
                c.Report(DiagnosticDescriptors.SoftLimitOutsideHardLimit, span, Range(soft), $"{form.Name}.{field.Name}", Range(hard));
            }
    }

    private static string Range(LimitModel limit) => Limits.Text(limit.Lower, limit.Upper) + (limit.Unit is { } u ? " " + u : "");
}
