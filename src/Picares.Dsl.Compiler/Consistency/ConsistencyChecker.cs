using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Compiler.Model;
using Picares.Dsl.Compiler.Syntax;

namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// Checks a bound protocol against itself (PIC4xxx): data collected in time for the criteria and endpoints that
/// read them, a minimum for stable disease that the first tumor assessment does not allow, a gap for censoring shorter than the assessments' schedule, criteria that admit nobody, check nothing or read a field some subjects are never asked, the design against its arms and enrollment, limits,
/// unused declarations, visits the timeline rules out, and forms two visits collect on one day. It runs only on a protocol that bound without errors,
/// so that it never repeats an earlier diagnostic in other words.
/// </summary>
internal static class ConsistencyChecker
{
    public static void Check(ProtocolModel model, ProtocolSyntax syntax, DiagnosticBag diagnostics) =>
        Check(model, new SourceLocator(syntax), diagnostics);

    /// <summary>Checks with the given locator, which finds the declarations only when a check reports something.</summary>
    internal static void Check(ProtocolModel model, SourceLocator locator, DiagnosticBag diagnostics)
    {
        var context = new CheckContext(model, locator, diagnostics);
        VisitCheck.Run(context);
        SameDayCollectionCheck.Run(context);
        DataCollectionCheck.Run(context);
        StableDiseaseCheck.Run(context);
        AssessmentGapCheck.Run(context);
        EligibilityCheck.Run(context);
        UnaskedDataCheck.Run(context);
        RepeatingFormCriterionCheck.Run(context);
        SingleRecordFormCheck.Run(context);
        DesignCheck.Run(context);
        UsageCheck.Run(context);
    }
}
