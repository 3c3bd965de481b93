using System.Collections.Generic;
using static Picares.Dsl.Tests.Infrastructure.TestProtocols;

namespace Picares.Dsl.Tests.Diagnostics;

/// <summary>
/// One protocol per diagnostic ID, in markup: <c>{|ID:text|}</c> is where the diagnostic must be reported,
/// and the file must report nothing else.
/// </summary>
public static class DiagnosticCases
{
    public static readonly IReadOnlyDictionary<string, string> ById = new Dictionary<string, string>
    {
        ["PIC0001"] = With("anchor a \"x\" {|PIC0001:$|}\n"),
        ["PIC0002"] = With("anchor a {|PIC0002:\"never closed|}\n"),
        ["PIC0003"] = With("anchor a \"bad {|PIC0003:\\q|} escape\"\n"),
        ["PIC0004"] = With("anchor a \"x\"\n{|PIC0004:/*|} never closed"),
        ["PIC0005"] = With("anchor a {|PIC0005:)|}\n"),
        ["PIC0006"] = With("form F {|PIC0006:{|}\n  field a text\n"),
        ["PIC0007"] = With("{|PIC0007:}|}\n"),
        ["PIC0008"] = With("criterion I1 inclusion \"x\" { when Vitals.weight >= {|PIC0008:1234567890123456789012345678901|} kg }\n"),
        ["PIC1001"] = With("{|PIC1001:studdy|} X { }\n"),
        ["PIC1002"] = With("form F {\n  field a text\n  {|PIC1002:feild|} b text\n}\n"),
        ["PIC1003"] = With("anchor a {|PIC1003:42|}\n"),
        ["PIC1004"] = With("anchor a \"x\"\nanchor {|PIC1004:a|} \"y\"\n"),
        ["PIC1005"] = With("criterion I1 inclusion \"x\" { when {|PIC1005:Vitls|}.weight >= 40 kg }\n"),
        ["PIC1006"] = With("{|PIC1006:form|} F { }\n"),
        ["PIC1007"] = "study T {\n  title \"t\"\n  {|PIC1007:title|} \"u\"\n}\n",
        ["PIC1008"] = "study T {\n  title \"t\"\n  type {|PIC1008:interventionl|}\n}\n",
        ["PIC1009"] = "{|PIC1009:|}anchor a \"x\"\n",
        ["PIC1010"] = "study T { title \"t\" }\n{|PIC1010:study|} U { title \"u\" }\n",
        ["PIC1011"] = With("{|PIC1011:criterion|} I1 inclusion \"x\" { }\n"),
        ["PIC1012"] = With("anchor a \"x\" {|PIC1012:{|} }\n"),
        ["PIC1013"] = With("@{|PIC1013:assume|} \"x\"\nanchor a \"x\"\n"),
        ["PIC1014"] = With("{|PIC1014:@assumed|}\nanchor a \"x\"\n"),
        ["PIC1015"] = With("criterion {|PIC1015:X1|} inclusion \"x\" { attested_by investigator }\n"),
        ["PIC1016"] = With("criterion I1 inclusion {|PIC1016:\"  \"|} { attested_by investigator }\n"),
        ["PIC1017"] = With("anchor first_visit \"A\"\nanchor {|PIC1017:firstVisit|} \"B\"\n"),
        ["PIC2001"] = With("form F { field w quantity {|PIC2001:kgs|} }\n"),
        ["PIC2002"] = With("criterion I1 inclusion \"x\" { when {|PIC2002:Vitals.weight >= 12 weeks|} }\n"),
        ["PIC2003"] = With("criterion I1 inclusion \"x\" { when {|PIC2003:Vitals.life >= 3 months|} }\n"),
        ["PIC2004"] = With("criterion I1 inclusion \"x\" { when Vitals.flag {|PIC2004:<|} true }\n"),
        ["PIC2005"] = With("criterion I1 inclusion \"x\" { when {|PIC2005:Vitals.weight|} }\n"),
        ["PIC2006"] = With("criterion I1 inclusion \"x\" { when {|PIC2006:Vitals.weight >= 40|} }\n"),
        ["PIC2007"] = With("criterion I1 inclusion \"x\" { when Vitals.ecog == {|PIC2007:seven|} }\n"),
        ["PIC2008"] = With("criterion I1 inclusion \"x\" { when Vitals.stop within {|PIC2008:maxx|}(28 days, 4 weeks) before first_dose }\n"),
        ["PIC2009"] = With("population { age {|PIC2009:75..18 years|} at first_dose }\n"),
        ["PIC2010"] = With("criterion I1 inclusion \"x\" { when Vitals.stop within {|PIC2010:max(28 days)|} before first_dose }\n"),
        ["PIC2011"] = With("intervention D \"d\" { dose {|PIC2011:5 days|} }\n"),
        ["PIC3001"] = With("visit V { day {|PIC3001:0|} }\n"),
        ["PIC3002"] = With("visit V {\n  day 5\n  window {|PIC3002:1..3 days|}\n}\n"),
        ["PIC3003"] = With("visit V { {|PIC3003:every|} 21 days }\n"),
        ["PIC3004"] = With("visit V {\n  every 7 days\n  window {|PIC3004:-4..+4 days|}\n  max 3\n}\n"),
        ["PIC3005"] = With("visit A {\n  day 8\n  window -3..+3 days\n}\n{|PIC3005:visit|} B {\n  day 10\n  window -2..+2 days\n}\n"),
        ["PIC3006"] = With("{|PIC3006:visit|} V { collect Vitals }\n"),
    };

    /// <summary>IDs that no single small protocol can trigger; each has its own test.</summary>
    public static readonly IReadOnlyCollection<string> CoveredElsewhere = new[]
    {
        "PIC0009", // more than 200 errors: DiagnosticTests.Too_many_errors_stop_at_the_limit
        "PIC9999", // internal error: RobustnessTests show it never happens on any input
    };

    public static IEnumerable<object[]> All()
    {
        foreach (var pair in ById) yield return new object[] { pair.Key };
    }
}
