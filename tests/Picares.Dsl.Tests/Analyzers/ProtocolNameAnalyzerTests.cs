using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Picares.Dsl.CodeFixes;
using Picares.Dsl.Generator.Analyzers;
using Picares.Dsl.Runtime.Model;
using Xunit;

namespace Picares.Dsl.Tests.Analyzers;

/// <summary>PIC5002: a string that names a criterion, visit, anchor, event, form or field the protocol does not define, and its fix.</summary>
public class ProtocolNameAnalyzerTests
{
    private static DiagnosticResult Expected(int location, string text, string kind, string hint) =>
        new DiagnosticResult(ProtocolNameAnalyzer.Rule).WithLocation(location).WithArguments(text, kind, hint);

    private static Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<ProtocolNameAnalyzer, ProtocolNameCodeFix, DefaultVerifier> Test(string source, string? fixedSource = null, bool withProtocol = true) =>
        AnalyzerTesting.Test<ProtocolNameAnalyzer, ProtocolNameCodeFix>(source, fixedSource, withProtocol);

    [Fact]
    public void The_analyzer_knows_the_runtime_kinds_in_order()
    {
        Assert.Equal(Enum.GetNames(typeof(ProtocolNameKind)), ProtocolNameAnalyzer.KindNames);
    }

    [Fact]
    public void The_generated_code_lists_the_protocol_names()
    {
        var generated = AnalyzerTesting.Generated.Value;
        Assert.Contains("[assembly: global::Picares.Dsl.Runtime.Model.ProtocolNames(typeof(global::Demo.Protocols.DemoProtocol), global::Picares.Dsl.Runtime.Model.ProtocolNameKind.Criterion, \"AGE\", \"I6\", \"E2\")]", generated, StringComparison.Ordinal);
        Assert.Contains("ProtocolNameKind.Visit, \"Screening\", \"Cycle\")]", generated, StringComparison.Ordinal);
        Assert.Contains("ProtocolNameKind.Anchor, \"consent\", \"first_dose\")]", generated, StringComparison.Ordinal);
        Assert.Contains("ProtocolNameKind.Event, \"progression\", \"death\")]", generated, StringComparison.Ordinal);
        Assert.Contains("ProtocolNameKind.Form, \"Demographics\", \"Vitals\")]", generated, StringComparison.Ordinal);
        Assert.Contains("ProtocolNameKind.Field, \"Demographics.birth_date\", \"Vitals.weight\")]", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_request_keys_are_reported_and_fixed()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using Picares.Dsl.Runtime.Scheduling;

            static class Calendar
            {
                static ScheduleRequest Request(DateTime firstDose, DateTime progression) => new ScheduleRequest
                {
                    Anchors = new Dictionary<string, DateTime> { [{|#0:"first_dos"|}] = firstDose, ["consent"] = firstDose },
                    Events = new Dictionary<string, DateTime> { { {|#1:"Progression"|}, progression } },
                    DayOneAnchor = {|#2:"firstdose"|},
                    TerminalEvents = new[] { {|#3:"deaht"|} },
                };
            }
            """;
        const string fixedSource = """
            using System;
            using System.Collections.Generic;
            using Picares.Dsl.Runtime.Scheduling;

            static class Calendar
            {
                static ScheduleRequest Request(DateTime firstDose, DateTime progression) => new ScheduleRequest
                {
                    Anchors = new Dictionary<string, DateTime> { ["first_dose"] = firstDose, ["consent"] = firstDose },
                    Events = new Dictionary<string, DateTime> { { "progression", progression } },
                    DayOneAnchor = "first_dose",
                    TerminalEvents = new[] { "death" },
                };
            }
            """;
        var test = Test(source, fixedSource);
        test.ExpectedDiagnostics.Add(Expected(0, "first_dos", "an anchor", "; did you mean 'first_dose'?"));
        test.ExpectedDiagnostics.Add(Expected(1, "Progression", "an event", "; did you mean 'progression'?"));
        test.ExpectedDiagnostics.Add(Expected(2, "firstdose", "an anchor", "; did you mean 'first_dose'?"));
        test.ExpectedDiagnostics.Add(Expected(3, "deaht", "an event", "; did you mean 'death'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Visit_occurrences_and_lookups_are_reported_and_fixed()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using Picares.Dsl.Runtime.Scheduling;

            static class Calendar
            {
                static bool Check(ScheduleRequest request, PlannedVisit visit)
                {
                    var second = new VisitOccurrence({|#0:"Cycel"|}, 2);
                    var parsed = VisitOccurrence.Parse({|#1:"cycle#3"|});
                    bool planned = request.Anchors.ContainsKey({|#2:"frist_dose"|}) && request.Events[{|#3:"progresion"|}] > DateTime.MinValue;
                    return planned && visit.Visit == {|#4:"Screenng"|} && second != parsed;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Collections.Generic;
            using Picares.Dsl.Runtime.Scheduling;

            static class Calendar
            {
                static bool Check(ScheduleRequest request, PlannedVisit visit)
                {
                    var second = new VisitOccurrence("Cycle", 2);
                    var parsed = VisitOccurrence.Parse("Cycle#3");
                    bool planned = request.Anchors.ContainsKey("first_dose") && request.Events["progression"] > DateTime.MinValue;
                    return planned && visit.Visit == "Screening" && second != parsed;
                }
            }
            """;
        var test = Test(source, fixedSource);
        test.ExpectedDiagnostics.Add(Expected(0, "Cycel", "a visit", "; did you mean 'Cycle'?"));
        test.ExpectedDiagnostics.Add(Expected(1, "cycle#3", "a visit", "; did you mean 'Cycle#3'?"));
        test.ExpectedDiagnostics.Add(Expected(2, "frist_dose", "an anchor", "; did you mean 'first_dose'?"));
        test.ExpectedDiagnostics.Add(Expected(3, "progresion", "an event", "; did you mean 'progression'?"));
        test.ExpectedDiagnostics.Add(Expected(4, "Screenng", "a visit", "; did you mean 'Screening'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Criterion_ids_forms_fields_and_inputs_in_comparisons_and_patterns_are_reported_and_fixed()
    {
        const string source = """
            using System.Linq;
            using Picares.Dsl.Runtime.Crf;
            using Picares.Dsl.Runtime.Eligibility;

            static class Review
            {
                static int Count(EligibilityResult result, CrfFinding finding)
                {
                    int n = result.Criteria.Count(c => c.Criterion.Id == {|#0:"i6"|});
                    if (string.Equals(finding.Form, {|#1:"Vitls"|})) n++;
                    if (finding is { Field: {|#2:"wieght"|} or "birth_date" }) n++;
                    switch (finding.Form)
                    {
                        case {|#3:"Demographic"|}: n++; break;
                    }
                    if (result.Missing.Contains({|#4:"Vitals.wieght"|}) || result.Missing.Contains({|#5:"@consnt"|})) n++;
                    return n + (result.Criteria[0].Criterion.Id switch { {|#6:"E3"|} => 1, "AGE" => 2, _ => 0 });
                }
            }
            """;
        const string fixedSource = """
            using System.Linq;
            using Picares.Dsl.Runtime.Crf;
            using Picares.Dsl.Runtime.Eligibility;

            static class Review
            {
                static int Count(EligibilityResult result, CrfFinding finding)
                {
                    int n = result.Criteria.Count(c => c.Criterion.Id == "I6");
                    if (string.Equals(finding.Form, "Vitals")) n++;
                    if (finding is { Field: "weight" or "birth_date" }) n++;
                    switch (finding.Form)
                    {
                        case "Demographics": n++; break;
                    }
                    if (result.Missing.Contains("Vitals.weight") || result.Missing.Contains("@consent")) n++;
                    return n + (result.Criteria[0].Criterion.Id switch { "E2" => 1, "AGE" => 2, _ => 0 });
                }
            }
            """;
        var test = Test(source, fixedSource);
        test.ExpectedDiagnostics.Add(Expected(0, "i6", "a criterion id", "; did you mean 'I6'?"));
        test.ExpectedDiagnostics.Add(Expected(1, "Vitls", "a form", "; did you mean 'Vitals'?"));
        test.ExpectedDiagnostics.Add(Expected(2, "wieght", "a field", "; did you mean 'weight'?"));
        test.ExpectedDiagnostics.Add(Expected(3, "Demographic", "a form", "; did you mean 'Demographics'?"));
        test.ExpectedDiagnostics.Add(Expected(4, "Vitals.wieght", "a criterion input (Form.field or @anchor)", "; did you mean 'Vitals.weight'?"));
        test.ExpectedDiagnostics.Add(Expected(5, "@consnt", "a criterion input (Form.field or @anchor)", "; did you mean '@consent'?"));
        test.ExpectedDiagnostics.Add(Expected(6, "E3", "a criterion id", "; did you mean 'E2'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_name_far_from_every_defined_one_lists_them_and_has_no_fix()
    {
        const string source = """
            using Picares.Dsl.Runtime.Scheduling;

            static class Calendar
            {
                static VisitOccurrence FollowUp() => new VisitOccurrence({|#0:"LongTermFollowUp"|}, null);
            }
            """;
        var test = Test(source, source);
        test.ExpectedDiagnostics.Add(Expected(0, "LongTermFollowUp", "a visit", "; it defines 'Cycle', 'Screening'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_constant_is_reported_where_it_is_used_without_a_fix()
    {
        const string source = """
            using Picares.Dsl.Runtime.Scheduling;

            static class Calendar
            {
                private const string Treatment = "Cycel";
                static VisitOccurrence Second() => new VisitOccurrence({|#0:Treatment|}, 2);
            }
            """;
        var test = Test(source, source);
        test.ExpectedDiagnostics.Add(Expected(0, "Cycel", "a visit", "; did you mean 'Cycle'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Defined_names_generated_constants_and_unrelated_strings_are_not_reported()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Demo.Protocols;
            using Picares.Dsl.Runtime.Eligibility;
            using Picares.Dsl.Runtime.Scheduling;

            static class Calendar
            {
                static bool Check(ScheduleRequest request, EligibilityResult result, DateTime date)
                {
                    var local = new Dictionary<string, DateTime> { ["first_dos"] = date };      // not a schedule request
                    var visits = new[] { new VisitOccurrence("Cycle", 1), VisitOccurrence.Parse("Screening"), VisitOccurrence.Parse("#2") };
                    var cycle = new VisitOccurrence(DemoProtocol.Schedule.VisitNames.Cycle, 2);
                    Console.WriteLine("Cycel");
                    return request.Anchors.ContainsKey("first_dose") && result.Missing.Contains("@first_dose")
                        && result.Criteria[0].Criterion.Id != "AGE" && local.ContainsKey("frist") && visits.Length > 0 && cycle.Visit == "Cycle";
                }
            }
            """;
        await Test(source).RunAsync();
    }

    [Fact]
    public async Task Without_a_generated_protocol_nothing_is_reported()
    {
        const string source = """
            using Picares.Dsl.Runtime.Scheduling;

            static class Calendar
            {
                static VisitOccurrence Second() => new VisitOccurrence("V2", 2);
            }
            """;
        await Test(source, withProtocol: false).RunAsync();
    }

    [Fact]
    public async Task Names_are_learned_from_a_referenced_assembly()
    {
        const string source = """
            using Picares.Dsl.Runtime.Scheduling;

            static class Calendar
            {
                static VisitOccurrence Second() => new VisitOccurrence({|#0:"Cycel"|}, 2);
            }
            """;
        var test = Test(source, withProtocol: false);
        test.TestState.AdditionalReferences.Add(AnalyzerTesting.GeneratedAssembly.Value);
        test.ExpectedDiagnostics.Add(Expected(0, "Cycel", "a visit", "; did you mean 'Cycle'?"));
        await test.RunAsync();
    }
}
