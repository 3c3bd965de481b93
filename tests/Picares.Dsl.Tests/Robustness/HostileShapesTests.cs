using System;
using System.Linq;
using System.Text;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Diagnostics;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Robustness;

/// <summary>
/// Small files shaped to make a check's work grow with the square of their size: a long chain of 'follows', many unknown
/// names after the error limit, many criteria bounding one field, a long 'follows' cycle. Each must compile to the right
/// diagnostics with work in proportion to the file. The proportion is checked by the memory a compile allocates (exact
/// and the same on every machine), not by its time: before these shapes were made linear, each of them allocated
/// from 675 MB to 4 GB at these sizes, or wrote messages naming thousands of criteria.
/// </summary>
public class HostileShapesTests
{
    /// <summary>
    /// A warning or error, other than PIC4026: the shapes collect the prelude's form of one record, Vitals, at many visits,
    /// which PIC4026 reports once, beside the point of each test.
    /// </summary>
    private static bool IsReport(ProtocolDiagnostic d) => d.Severity != Severity.Info && d.Id != "PIC4026";

    private const int Count = 4000;

    private static (CompilationResult Result, long Allocated) Compile(string text)
    {
        ProtocolCompiler.Compile(TestProtocols.Prelude); // the compiler's code and tables are ready before counting
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = ProtocolCompiler.Compile(text);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>The C# generated from a file that compiles without errors, and what the emitter alone allocated to write it.</summary>
    private static (string Generated, long Allocated) Emit(string text)
    {
        var result = ProtocolCompiler.Compile(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        var model = Assert.IsType<Picares.Dsl.Compiler.Model.ProtocolModel>(result.Model);
        Picares.Dsl.Compiler.Emit.ProtocolEmitter.Emit(model, "Warm"); // the emitter's code and templates are ready before counting
        long before = GC.GetAllocatedBytesForCurrentThread();
        var generated = Picares.Dsl.Compiler.Emit.ProtocolEmitter.Emit(model, "Hostile");
        return (generated, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_long_chain_of_follows_is_ordered_without_a_table_of_every_pair()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"anchor a{i} \"A{i}\" follows {(i == 1 ? "first_dose" : "a" + (i - 1))}\n");
        // A death at the far end of the chain, and a visit planned after it: the order must be followed all the way.
        text.Append($"event death \"Death\" follows a{Count}\nvisit Late {{ day 5 from a{Count}; collect Vitals }}\nvisit Call {{ every 30 days from first_dose; until death; collect Vitals }}\n");
        var (result, allocated) = Compile(text.ToString());
        Assert.Equal(new[] { "PIC4017" }, result.Diagnostics.Where(IsReport).Select(d => d.Id)); // Late falls after death
        Assert.Contains("Late", result.Diagnostics.Single(d => d.Id == "PIC4017").Message, StringComparison.Ordinal);
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes"); // with a table of every pair (before): 675 MB
    }

    [Fact]
    public void Visits_ending_at_each_event_of_a_long_chain_are_ordered_without_a_table_per_event()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"event e{i} \"E{i}\" follows {(i == 1 ? "first_dose" : "e" + (i - 1))}\n");
        // Each starts on its own day, so that no two collect Vitals on one day (PIC4022).
        for (int i = 1; i <= Count; i++) text.Append($"visit V{i} {{ every 7 days from first_dose + {i} days; until e{i}; collect Vitals }}\n");
        // One that begins at the chain's far end and ends at its first event, which comes before: it can never take place.
        text.Append($"anchor late \"Late\" follows e{Count}\nvisit Never {{ every 7 days from late; until e1; collect Vitals }}\n");
        var (result, allocated) = Compile(text.ToString());
        var reported = Assert.Single(result.Diagnostics, IsReport);
        Assert.Equal("PIC4015", reported.Id);
        Assert.StartsWith("Visit Never can never happen: it starts on late, which the protocol orders after e1", reported.Message, StringComparison.Ordinal);
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes"); // with the points after each event kept (before): 429 MB
    }

    [Fact]
    public void Visits_on_each_point_of_one_chain_ending_at_the_start_of_another_are_ordered_without_searching_the_other_each_time()
    {
        // Two chains that never meet, each visit asking whether its own anchor comes after the other chain's first event
        // (found by a review: searched afresh from both ends each time, that cost the square of the chains).
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"event e{i} \"E{i}\" follows {(i == 1 ? "first_dose" : "e" + (i - 1))}\n");
        for (int i = 1; i <= Count; i++) text.Append($"anchor a{i} \"A{i}\" follows {(i == 1 ? "enrollment" : "a" + (i - 1))}\n");
        for (int i = 1; i <= Count; i++) text.Append($"visit V{i} {{ every 7 days from a{i}; until e1; collect Vitals }}\n");
        var (result, allocated) = Compile(text.ToString());
        Assert.DoesNotContain(result.Diagnostics, IsReport);
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Questions_about_a_point_with_thousands_of_followers_do_not_read_them_all_each_time()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int j = 1; j <= Count; j++) text.Append($"event f{j} \"F{j}\" follows progression\n");
        for (int i = 1; i <= Count; i++) text.Append($"anchor a{i} \"A{i}\"\nvisit V{i} {{ every 7 days from a{i}; until progression; collect Vitals }}\n");
        var (result, allocated) = Compile(text.ToString());
        Assert.DoesNotContain(result.Diagnostics, IsReport);
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_long_follows_cycle_is_reported_once_with_a_short_message()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"anchor c{i} \"C{i}\" follows c{(i == Count ? 1 : i + 1)}\n");
        var (result, allocated) = Compile(text.ToString());
        var cycle = Assert.Single(result.Diagnostics, d => d.Id == "PIC4016");
        Assert.StartsWith("The timeline order is circular: c1 comes after itself through c10, c100, c1000, c1001,", cycle.Message, StringComparison.Ordinal);
        Assert.Contains($"and {Count - 1 - 10} more;", cycle.Message, StringComparison.Ordinal);
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes"); // before: the message named all 3,999
    }

    [Fact]
    public void Unknown_names_past_the_error_limit_are_not_looked_up_for_suggestions()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"form F{i} {{ field x text }}\n");
        for (int i = 1; i <= Count; i++) text.Append($"visit V{i} {{ unscheduled; collect G{i} }}\n");
        var (result, allocated) = Compile(text.ToString());
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal(DiagnosticBag.Limit, errors.Count(d => d.Id == "PIC1005"));
        Assert.Equal("PIC0009", errors.Last().Id);
        Assert.EndsWith("did you mean 'F1'?", errors.First(d => d.Id == "PIC1005").Message, StringComparison.Ordinal); // G1: kept, so suggested
        Assert.True(allocated < 60_000_000, $"allocated {allocated:N0} bytes"); // with a suggestion worked out for each of the 4,000 (before): 4.0 GB
    }

    [Fact]
    public void Many_criteria_bounding_one_field_are_checked_once_each_and_name_a_few_of_the_others()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"criterion I{i} inclusion \"x\" {{ when Vitals.weight >= {i % 50} kg and Vitals.count <= {i + 100} }}\n");
        var (result, allocated) = Compile(text.ToString());
        var implied = result.Diagnostics.Where(d => d.Id == "PIC4005").ToList();
        Assert.Equal(Count - 2, implied.Count); // all but I49 (the highest weight bound, kept last) and I1 (the lowest count bound)
        Assert.All(implied, d => Assert.True(d.Message.Length < 400, d.Message));
        Assert.Contains(implied, d => d.Message.Contains(" and others also meets it", StringComparison.Ordinal));
        Assert.True(allocated < 60_000_000, $"allocated {allocated:N0} bytes"); // before: each message named every other criterion, and the check took a minute
    }

    [Fact]
    public void An_endpoint_reading_thousands_of_forms_no_visit_collects_is_reported_at_each_reference_without_searching_its_data_each_time()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"form F{i} {{ field x text }}\n");
        text.Append("endpoint Many exploratory \"Many\" { kind summary; data ")
            .Append(string.Join(", ", Enumerable.Range(1, Count).Select(i => $"F{i}.x"))).Append(" }\n");
        var source = text.ToString();
        var (result, allocated) = Compile(source);
        var outside = result.Diagnostics.Where(d => d.Id == "PIC4002").ToList();
        Assert.Equal(DiagnosticBag.Limit, outside.Count); // an error each, up to the limit
        var last = outside.Single(d => d.Message.StartsWith($"Endpoint Many reads F{DiagnosticBag.Limit}.x,", StringComparison.Ordinal));
        Assert.Equal($"F{DiagnosticBag.Limit}.x", source.Substring(last.Span.Start, last.Span.Length)); // at its own reference in the data
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes"); // searching the data for each form (before): 970 MB
    }

    [Fact]
    public void Thousands_of_tests_against_codes_of_a_long_code_list_emit_without_copying_the_list_for_each()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("codelist Long { ").Append(string.Join("; ", Enumerable.Range(1, Count + 1).Select(i => $"code c{i} \"C{i}\""))).Append(" }\n");
        text.Append("form Coded { field k code Long required }\nvisit Screen { day -7 from enrollment; collect Coded }\n");
        for (int i = 1; i <= Count; i++) text.Append($"criterion E{i} exclusion \"x\" {{ when Coded.k == Long.c{i} }}\n");
        var (generated, allocated) = Emit(text.ToString());
        Assert.Contains($"IsCode(", generated, StringComparison.Ordinal); // each test by the code's position, not by its text
        Assert.Contains($", {Count - 1})", generated, StringComparison.Ordinal); // the position of c{Count}, counted from 0
        Assert.True(allocated < 130_000_000, $"allocated {allocated:N0} bytes"); // a copy of the list for each test (before): 217 MB
    }

    [Fact]
    public void A_condition_naming_every_code_of_a_long_list_is_reported_with_a_short_message()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("codelist Long { ").Append(string.Join("; ", Enumerable.Range(1, Count).Select(i => $"code c{i} \"C{i}\""))).Append(" }\n");
        text.Append("form Coded { field k code Long required }\nvisit Screen { day -7 from enrollment; collect Coded }\n");
        text.Append("criterion E1 exclusion \"x\" { when Coded.k in [").Append(string.Join(", ", Enumerable.Range(1, Count).Select(i => $"Long.c{i}"))).Append("] }\n");
        var (result, allocated) = Compile(text.ToString());
        var nobody = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("PIC4004", nobody.Id); // it excludes every code
        Assert.StartsWith("No subject can be eligible: E1 excludes every subject with Coded.k in [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 and ", nobody.Message, StringComparison.Ordinal);
        Assert.Contains($" and {Count - 10} more]", nobody.Message, StringComparison.Ordinal);
        Assert.True(nobody.Message.Length < 400, $"{nobody.Message.Length} characters"); // before: every code, 54,000 characters
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Thousands_of_endpoints_reading_a_form_collected_before_their_start_do_not_go_through_its_visits_each_time()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("anchor late \"Late\" follows enrollment\n");
        for (int i = 1; i <= Count; i++) text.Append($"visit V{i} {{ day -{i + 1} from enrollment; collect Vitals }}\n");
        for (int i = 1; i <= Count; i++) text.Append($"endpoint E{i} exploratory \"E{i}\" {{ kind summary; start late; data Vitals.weight }}\n");
        var (result, allocated) = Compile(text.ToString());
        var outside = result.Diagnostics.Where(d => d.Id == "PIC4002").ToList();
        Assert.Equal(DiagnosticBag.Limit, outside.Count); // an error each, up to the limit
        Assert.StartsWith("Endpoint E1 reads Vitals.weight, but Vitals is collected only at Baseline, V1, V2, V3, V4, V5, V6, V7, V8, V9 and 3991 more, before late;",
            outside[0].Message, StringComparison.Ordinal);
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes"); // a copy of the visits for each endpoint, each named in its message (before): 450 MB
    }

    [Fact]
    public void Thousands_of_time_to_event_endpoints_over_thousands_of_visits_are_checked_once_with_short_messages()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("event death \"Death\" terminal\ncodelist VitalStatus { code alive \"Alive\"; code dead \"Dead\" }\nform Survival { repeating; field contact date; field status code VitalStatus }\n");
        for (int i = 1; i <= Count; i++) text.Append($"visit V{i} {{ every {i % 300 + 30} days; until progression or death; collect Survival }}\n");
        for (int i = 1; i <= Count; i++)
            text.Append($"endpoint OS{i} secondary \"OS\" {{ kind time_to_event; data Survival.contact, Survival.status; start first_dose; event death; censor_at last_known_alive }}\n");
        var (result, allocated) = Compile(text.ToString());
        var unfollowed = result.Diagnostics.Where(d => d.Id == "PIC4003").ToList();
        Assert.Equal(Count, unfollowed.Count); // a warning each: no visit runs until death alone
        Assert.StartsWith("Endpoint OS1 ends at death, but Survival is collected only at visits that stop before it (V1 stops at progression; V2 stops at progression;",
            unfollowed[0].Message, StringComparison.Ordinal);
        Assert.Contains($"V10 stops at progression; and {Count - 10} more)", unfollowed[0].Message, StringComparison.Ordinal);
        Assert.True(allocated < 60_000_000, $"allocated {allocated:N0} bytes"); // the visits copied, and all named, for each endpoint (before): 6.8 GB, in 5.6 s
    }

    [Fact]
    public void Thousands_of_starts_after_a_point_that_follows_thousands_of_visit_anchors_are_placed_without_asking_about_each_pair()
    {
        // Fewer parts than the others: before, each pair searched the anchors' sides afresh, and 4,000 would take hours.
        const int Parts = 1000;
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Parts; i++) text.Append($"anchor a{i} \"A{i}\"\nvisit V{i} {{ day -1 from a{i}; collect Vitals }}\n");
        text.Append("anchor hub \"Hub\" follows enrollment").Append(string.Concat(Enumerable.Range(1, Parts).Select(i => $" follows a{i}"))).Append('\n');
        for (int i = 1; i <= Parts; i++) text.Append($"anchor s{i} \"S{i}\" follows hub\nendpoint E{i} exploratory \"E{i}\" {{ kind summary; start s{i}; data Vitals.weight }}\n");
        var (result, allocated) = Compile(text.ToString());
        var outside = result.Diagnostics.Where(d => d.Id == "PIC4002").ToList();
        Assert.Equal(DiagnosticBag.Limit, outside.Count); // an error each, up to the limit: every visit is before every start
        Assert.StartsWith("Endpoint E1 reads Vitals.weight, but Vitals is collected only at Baseline, V1, V2, V3, V4, V5, V6, V7, V8, V9 and 991 more, before s1;",
            outside[0].Message, StringComparison.Ordinal);
        Assert.True(allocated < 20_000_000, $"allocated {allocated:N0} bytes"); // each start asked about each anchor (before): 5.0 GB, in 4 s
    }

    [Fact]
    public void Thousands_of_time_to_event_starts_after_a_point_that_follows_all_but_one_visit_anchor_find_the_visits_in_their_frame_without_asking_about_each_pair()
    {
        const int Parts = 1000;
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("event death \"Death\" terminal\ncodelist VitalStatus { code alive \"Alive\"; code dead \"Dead\" }\nform Survival { repeating; field contact date; field status code VitalStatus }\n");
        text.Append("visit R { every 30 days; until progression; collect Survival }\n");
        for (int i = 1; i <= Parts; i++) text.Append($"anchor a{i} \"A{i}\"\nvisit V{i} {{ day -1 from a{i}; collect Survival }}\n");
        // The starts come after every anchor but the last: V{Parts} is in their time frame, and the other visits before it.
        text.Append("anchor hub \"Hub\" follows enrollment").Append(string.Concat(Enumerable.Range(1, Parts - 1).Select(i => $" follows a{i}"))).Append('\n');
        for (int i = 1; i <= Parts; i++)
            text.Append($"anchor s{i} \"S{i}\" follows hub\nendpoint OS{i} secondary \"OS\" {{ kind time_to_event; data Survival.contact, Survival.status; start s{i}; event death; censor_at last_known_alive }}\n");
        var (result, allocated) = Compile(text.ToString());
        var unfollowed = result.Diagnostics.Where(d => d.Id == "PIC4003").ToList();
        Assert.Equal(Parts, unfollowed.Count); // a warning each: no visit runs until death
        Assert.All(unfollowed, d => Assert.Contains($"(R stops at progression; V{Parts} happens once)", d.Message, StringComparison.Ordinal));
        Assert.True(allocated < 20_000_000, $"allocated {allocated:N0} bytes"); // each start asked about each visit's anchor (before): 5.0 GB, in 4.6 s
    }

    [Fact]
    public void Thousands_of_starts_that_each_follow_a_shared_point_and_an_anchor_of_their_own_share_its_set()
    {
        // The hub comes after half of the visits' anchors; each start after the hub and one anchor of the other half, and the
        // last start after every anchor. Each start's set was a copy of the hub's with one anchor added.
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"anchor a{i} \"A{i}\"\nvisit V{i} {{ day -1 from a{i}; collect Vitals }}\nanchor b{i} \"B{i}\"\nvisit W{i} {{ day -1 from b{i}; collect Vitals }}\n");
        text.Append("anchor hub \"Hub\" follows enrollment").Append(string.Concat(Enumerable.Range(1, Count).Select(i => $" follows a{i}"))).Append('\n');
        for (int i = 1; i <= Count; i++) text.Append($"anchor s{i} \"S{i}\" follows hub follows b{i}\nendpoint E{i} exploratory \"E{i}\" {{ kind summary; start s{i}; data Vitals.weight }}\n");
        text.Append("anchor last \"Last\" follows hub").Append(string.Concat(Enumerable.Range(1, Count).Select(i => $" follows b{i}"))).Append('\n');
        text.Append("endpoint Late exploratory \"Late\" { kind summary; start last; data Vitals.weight }\n");
        var (result, allocated) = Compile(text.ToString());
        var outside = Assert.Single(result.Diagnostics, IsReport); // every other start has W{i} of the others in its frame
        Assert.Equal("PIC4002", outside.Id);
        Assert.StartsWith($"Endpoint Late reads Vitals.weight, but Vitals is collected only at Baseline, V1, W1, V2, W2, V3, W3, V4, W4, V5 and {2 * Count - 9} more, before last;",
            outside.Message, StringComparison.Ordinal);
        Assert.True(allocated < 120_000_000, $"allocated {allocated:N0} bytes"); // the hub's set copied for each start (before): 373 MB, in 0.8 s
    }

    [Fact]
    public void Thousands_of_time_to_event_starts_that_each_follow_a_shared_point_and_an_anchor_of_their_own_count_the_visits_in_their_frame()
    {
        // As above, with time-to-event endpoints: each start, a signature of its own, walked every visit of the form to name
        // ten of those in its frame and count the rest.
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("event death \"Death\" terminal\ncodelist VitalStatus { code alive \"Alive\"; code dead \"Dead\" }\nform Survival { repeating; field contact date; field status code VitalStatus }\n");
        text.Append("visit R { every 30 days; until progression; collect Survival }\n");
        for (int i = 1; i <= Count; i++) text.Append($"anchor a{i} \"A{i}\"\nvisit V{i} {{ day -1 from a{i}; collect Survival }}\nanchor b{i} \"B{i}\"\nvisit W{i} {{ day -1 from b{i}; collect Survival }}\n");
        text.Append("anchor hub \"Hub\" follows enrollment").Append(string.Concat(Enumerable.Range(1, Count).Select(i => $" follows a{i}"))).Append('\n');
        for (int i = 1; i <= Count; i++)
            text.Append($"anchor s{i} \"S{i}\" follows hub follows b{i}\nendpoint OS{i} secondary \"OS\" {{ kind time_to_event; data Survival.contact, Survival.status; start s{i}; event death; censor_at last_known_alive }}\n");
        var (result, allocated) = Compile(text.ToString());
        var unfollowed = result.Diagnostics.Where(d => d.Id == "PIC4003").ToList();
        Assert.Equal(Count, unfollowed.Count); // a warning each: R stops at progression, and the others happen once
        Assert.Contains($"(R stops at progression; W2 happens once; W3 happens once; W4 happens once; W5 happens once; W6 happens once; W7 happens once; W8 happens once; W9 happens once; W10 happens once; and {Count - 10} more)",
            unfollowed[0].Message, StringComparison.Ordinal); // OS1 comes after W1's anchor, b1
        Assert.Contains($"(R stops at progression; W1 happens once; W2 happens once; W3 happens once; W4 happens once; W5 happens once; W6 happens once; W7 happens once; W8 happens once; W9 happens once; and {Count - 10} more)",
            unfollowed[Count - 1].Message, StringComparison.Ordinal);
        Assert.Contains("(R stops at progression; W1 happens once; W2 happens once; W3 happens once; W4 happens once; W6 happens once;", unfollowed[4].Message, StringComparison.Ordinal);
        Assert.True(allocated < 160_000_000, $"allocated {allocated:N0} bytes"); // every visit in its frame walked, and put in a set, for each start (before): 1.0 GB
    }

    [Fact]
    public void Thousands_of_time_to_event_starts_on_two_forms_that_share_visits_count_each_visit_in_their_frame_once()
    {
        // As above, the endpoints reading two forms: every other W also collects Other, which Y collects too. A visit of both
        // forms counts once; the last start comes after every W, and has only R and Y in its frame.
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("event death \"Death\" terminal\ncodelist VitalStatus { code alive \"Alive\"; code dead \"Dead\" }\nform Survival { repeating; field contact date; field status code VitalStatus }\nform Other { field x integer }\n");
        text.Append("visit R { every 30 days; until progression; collect Survival }\nvisit Y { day 3 from enrollment; collect Other }\n");
        for (int i = 1; i <= Count; i++)
            text.Append($"anchor a{i} \"A{i}\"\nvisit V{i} {{ day -1 from a{i}; collect Survival }}\nanchor b{i} \"B{i}\"\nvisit W{i} {{ day -1 from b{i}; collect Survival{(i % 2 == 0 ? ", Other" : "")} }}\n");
        text.Append("anchor hub \"Hub\" follows enrollment").Append(string.Concat(Enumerable.Range(1, Count).Select(i => $" follows a{i}"))).Append('\n');
        const string Reads = "kind time_to_event; data Survival.contact, Survival.status, Other.x";
        for (int i = 1; i <= Count; i++)
            text.Append($"anchor s{i} \"S{i}\" follows hub follows b{i}\nendpoint OS{i} secondary \"OS\" {{ {Reads}; start s{i}; event death; censor_at last_known_alive }}\n");
        text.Append("anchor last \"Last\" follows hub").Append(string.Concat(Enumerable.Range(1, Count).Select(i => $" follows b{i}"))).Append('\n');
        text.Append($"endpoint Last secondary \"OS\" {{ {Reads}; start last; event death; censor_at last_known_alive }}\n");
        var (result, allocated) = Compile(text.ToString());
        var unfollowed = result.Diagnostics.Where(d => d.Id == "PIC4003").ToList();
        Assert.Equal(Count + 1, unfollowed.Count);
        // R and every W but the start's own (Count), and Y.
        Assert.Contains($"(R stops at progression; W2 happens once; W3 happens once; W4 happens once; W5 happens once; W6 happens once; W7 happens once; W8 happens once; W9 happens once; W10 happens once; and {Count + 1 - 10} more)",
            unfollowed[0].Message, StringComparison.Ordinal);
        Assert.Contains($"(R stops at progression; W1 happens once; W3 happens once; W4 happens once; W5 happens once; W6 happens once; W7 happens once; W8 happens once; W9 happens once; W10 happens once; and {Count + 1 - 10} more)",
            unfollowed[1].Message, StringComparison.Ordinal);
        Assert.Contains("(R stops at progression; Y happens once)", unfollowed[Count].Message, StringComparison.Ordinal);
        Assert.True(allocated < 200_000_000, $"allocated {allocated:N0} bytes"); // every visit of both forms walked, and put in a set, for each start (before)
    }

    [Fact]
    public void Thousands_of_starts_that_each_follow_the_same_two_hubs_share_their_union()
    {
        // Each hub comes after one of two halves of the anchors, which alternate in the form's visits, so that joining the
        // hubs' sets makes a new word for every word: once for all the starts, not once for each.
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++)
            text.Append($"anchor a{i} \"A{i}\"\nvisit V{i} {{ day -1 from a{i}; collect Vitals }}\nanchor b{i} \"B{i}\"\nvisit W{i} {{ day -1 from b{i}; collect Vitals }}\nanchor c{i} \"C{i}\"\nvisit X{i} {{ day -1 from c{i}; collect Vitals }}\n");
        text.Append("anchor one \"One\" follows enrollment").Append(string.Concat(Enumerable.Range(1, Count).Select(i => $" follows a{i}"))).Append('\n');
        text.Append("anchor two \"Two\"").Append(string.Concat(Enumerable.Range(1, Count).Select(i => $" follows b{i}"))).Append('\n');
        for (int i = 1; i <= Count; i++) text.Append($"anchor s{i} \"S{i}\" follows one follows two follows c{i}\nendpoint E{i} exploratory \"E{i}\" {{ kind summary; start s{i}; data Vitals.weight }}\n");
        text.Append("anchor last \"Last\" follows one follows two").Append(string.Concat(Enumerable.Range(1, Count).Select(i => $" follows c{i}"))).Append('\n');
        text.Append("endpoint Late exploratory \"Late\" { kind summary; start last; data Vitals.weight }\n");
        var (result, allocated) = Compile(text.ToString());
        var outside = Assert.Single(result.Diagnostics, IsReport);
        Assert.StartsWith($"Endpoint Late reads Vitals.weight, but Vitals is collected only at Baseline, V1, W1, X1, V2, W2, X2, V3, W3, X3 and {3 * Count - 9} more, before last;",
            outside.Message, StringComparison.Ordinal);
        Assert.True(allocated < 100_000_000, $"allocated {allocated:N0} bytes"); // the union made for each start (before): 116 MB, against 48 MB at half the size
    }

    [Fact]
    public void Thousands_of_forms_with_early_visits_under_one_hub_work_the_hub_out_once()
    {
        // Each form is collected the day before two anchors of its own; the hub follows the first of each (and both for every
        // 500th form), so that only the endpoints on those forms find no visit after their start.
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"form F{i} {{ field x integer }}\nanchor a{i} \"A{i}\"\nanchor b{i} \"B{i}\"\nvisit V{i} {{ day -1 from a{i}; collect F{i} }}\nvisit W{i} {{ day -1 from b{i}; collect F{i} }}\n");
        text.Append("anchor hub \"Hub\" follows enrollment").Append(string.Concat(Enumerable.Range(1, Count).Select(i => i % 500 == 0 ? $" follows a{i} follows b{i}" : $" follows a{i}"))).Append('\n');
        text.Append("anchor s \"S\" follows hub\n");
        for (int i = 1; i <= Count; i++) text.Append($"endpoint E{i} exploratory \"E{i}\" {{ kind summary; start s; data F{i}.x }}\n");
        var (result, allocated) = Compile(text.ToString());
        var outside = result.Diagnostics.Where(IsReport).ToList();
        Assert.All(outside, d => Assert.Equal("PIC4002", d.Id));
        Assert.Equal(Enumerable.Range(1, Count / 500).Select(k => $"Endpoint E{500 * k} reads F{500 * k}.x, but F{500 * k} is collected only at V{500 * k}, W{500 * k}, before s;"),
            outside.Select(d => d.Message.Substring(0, d.Message.IndexOf(';') + 1)));
        Assert.True(allocated < 120_000_000, $"allocated {allocated:N0} bytes"); // the hub and its anchors worked out for each form (before): 2.5 GB, in 3.6 s
    }

    [Fact]
    public void Thousands_of_starts_in_a_protocol_with_a_follows_cycle_are_placed_without_asking_about_each_pair()
    {
        // A cycle (PIC4016) once asked each start about each anchor. Here the cycle comes after the last anchor, the hub after
        // all the others: only the start after both comes after every visit.
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"anchor a{i} \"A{i}\"\nvisit V{i} {{ day -1 from a{i}; collect Vitals }}\n");
        text.Append($"anchor c1 \"C1\" follows c2 follows a{Count}\nanchor c2 \"C2\" follows c1\n");
        text.Append("anchor hub \"Hub\" follows enrollment").Append(string.Concat(Enumerable.Range(1, Count - 1).Select(i => $" follows a{i}"))).Append('\n');
        for (int i = 1; i <= Count; i++) text.Append($"anchor s{i} \"S{i}\" follows hub\nendpoint E{i} exploratory \"E{i}\" {{ kind summary; start s{i}; data Vitals.weight }}\n");
        text.Append("anchor both \"Both\" follows hub follows c2\nendpoint Late exploratory \"Late\" { kind summary; start both; data Vitals.weight }\n");
        var (result, allocated) = Compile(text.ToString());
        Assert.Equal(new[] { "PIC4016", "PIC4002" }, result.Diagnostics.Where(IsReport).Select(d => d.Id));
        Assert.StartsWith("The timeline order is circular: c1 comes after itself through c2;", result.Diagnostics.Single(d => d.Id == "PIC4016").Message, StringComparison.Ordinal);
        Assert.StartsWith($"Endpoint Late reads Vitals.weight, but Vitals is collected only at Baseline, V1, V2, V3, V4, V5, V6, V7, V8, V9 and {Count - 9} more, before both;",
            result.Diagnostics.Single(d => d.Id == "PIC4002").Message, StringComparison.Ordinal);
        Assert.True(allocated < 80_000_000, $"allocated {allocated:N0} bytes"); // each start asked about each anchor (before): 13 GB, in 21 s
    }

    [Fact]
    public void A_criterion_reading_a_form_collected_only_late_at_thousands_of_visits_is_reported_with_a_short_message()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("form Late { field x integer }\ncriterion I1 inclusion \"x\" { when Late.x >= 1 }\n");
        for (int i = 1; i <= Count; i++) text.Append($"visit V{i} {{ day {i + 1}; collect Late }}\n");
        var (result, _) = Compile(text.ToString());
        var late = Assert.Single(result.Diagnostics, d => d.Id == "PIC4001");
        Assert.Contains($"Late is collected only at V1, V2, V3, V4, V5, V6, V7, V8, V9, V10 and {Count - 10} more, after the decision", late.Message, StringComparison.Ordinal);
        Assert.True(late.Message.Length < 400, $"{late.Message.Length} characters"); // before: every visit, 27,000 characters
    }

    [Fact]
    public void Visits_on_thousands_of_anchors_are_placed_against_thousands_of_terminal_events_without_asking_about_each_pair()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"event t{i} \"T{i}\" terminal\n");
        for (int i = 1; i <= Count; i++) text.Append($"anchor a{i} \"A{i}\"\nvisit V{i} {{ day 5 from a{i}; collect Vitals }}\n");
        // One placed after the last terminal event: it can never take place.
        text.Append($"anchor beyond \"Beyond\" follows t{Count}\nvisit Late {{ day 5 from beyond; collect Vitals }}\n");
        var (result, allocated) = Compile(text.ToString());
        var never = Assert.Single(result.Diagnostics, IsReport);
        Assert.Equal("PIC4015", never.Id);
        Assert.StartsWith($"Visit Late can never happen: it is placed on beyond, which comes after t{Count}, which ends every subject's participation", never.Message, StringComparison.Ordinal);
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes"); // an answer kept for each visit's anchor and terminal event (before): 1.7 GB, in 12 s
    }

    [Fact]
    public void Unknown_codes_of_a_long_code_list_and_unknown_fields_of_a_wide_form_are_reported_with_short_messages()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("codelist Long { ").Append(string.Join("; ", Enumerable.Range(1, Count).Select(i => $"code c{i} \"C{i}\""))).Append(" }\n");
        text.Append("form Wide { ").Append(string.Join("; ", Enumerable.Range(1, Count).Select(i => $"field f{i} code Long"))).Append(" }\n");
        for (int i = 1; i <= Count; i++) text.Append($"criterion E{i} exclusion \"x\" {{ when Wide.f{i} == Long.unknown{i} or Wide.unknown_field{i} == Long.c1 }}\n");
        var (result, allocated) = Compile(text.ToString());
        var code = result.Diagnostics.First(d => d.Id == "PIC2007");
        Assert.Equal("'unknown1' is not a code of code list Long; its codes are: " + string.Join(", ", Enumerable.Range(1, 20).Select(i => $"c{i}")) + $" and {Count - 20} more", code.Message);
        var field = result.Diagnostics.First(d => d.Id == "PIC1005");
        Assert.EndsWith("; its fields are: " + string.Join(", ", Enumerable.Range(1, 20).Select(i => $"f{i}")) + $" and {Count - 20} more", field.Message, StringComparison.Ordinal);
        Assert.All(result.Diagnostics, d => Assert.True(d.Message.Length < 400, d.Message));
        Assert.True(allocated < 25_000_000, $"allocated {allocated:N0} bytes"); // each of the 200 errors listing every code or field (before): 35 MB, messages of 27,000 characters
    }

    [Fact]
    public void Thousands_of_response_endpoints_on_a_long_code_list_look_up_the_RECIST_codes_without_copying_the_list()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("codelist Long { ").Append(string.Join("; ", Enumerable.Range(1, Count).Select(i => $"code c{i} \"C{i}\""))).Append("; code CR \"CR\"; code PR \"PR\"; code SD \"SD\"; code PD \"PD\" }\n");
        text.Append("form Tumor { repeating; field assessed date; field response code Long }\nvisit Scan { every 6 weeks; until progression; collect Tumor }\n");
        for (int i = 1; i <= Count; i++) text.Append($"endpoint ORR{i} secondary \"ORR\" {{ kind objective_response; data Tumor.assessed, Tumor.response; start first_dose }}\n");
        var (result, allocated) = Compile(text.ToString());
        var notRecist = result.Diagnostics.Where(d => d.Id == "PIC2013").ToList();
        Assert.Equal(DiagnosticBag.Limit, notRecist.Count); // an error each, up to the limit: the list lacks NE
        Assert.Contains("which lacks the RECIST 1.1 codes NE:", notRecist[0].Message, StringComparison.Ordinal);
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes"); // a copy of the list's codes for each endpoint (before): 142 MB
    }

    [Fact]
    public void Thousands_of_endpoints_on_a_form_of_thousands_of_dates_find_its_dates_once_and_name_a_few()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("codelist Recist { code CR \"CR\"; code PR \"PR\"; code SD \"SD\"; code PD \"PD\"; code NE \"NE\" }\n");
        text.Append("form Tumor { repeating; field response code Recist; ").Append(string.Join("; ", Enumerable.Range(1, Count).Select(i => $"field d{i} date"))).Append(" }\n");
        text.Append("visit Scan { every 6 weeks; until progression; collect Tumor }\n");
        text.Append("endpoint Dates exploratory \"Dates\" { kind summary; data ").Append(string.Join(", ", Enumerable.Range(1, Count).Select(i => $"Tumor.d{i}"))).Append(" }\n");
        for (int i = 1; i <= Count; i++) text.Append($"endpoint ORR{i} secondary \"ORR\" {{ kind objective_response; data Tumor.response; start first_dose }}\n");
        var (result, allocated) = Compile(text.ToString());
        var undated = result.Diagnostics.Where(d => d.Id == "PIC2014").ToList();
        Assert.Equal(DiagnosticBag.Limit, undated.Count); // an error each, up to the limit: which date dates each record?
        Assert.Contains("several date fields (" + string.Join(", ", Enumerable.Range(1, 20).Select(i => $"d{i}")) + $" and {Count - 20} more)", undated[0].Message, StringComparison.Ordinal);
        Assert.All(undated, d => Assert.True(d.Message.Length < 400, d.Message));
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes"); // the form's dates copied and named for each endpoint (before): 574 MB, messages of 27,048 characters
    }

    [Fact]
    public void A_design_with_thousands_of_arms_is_reported_with_short_messages()
    {
        var text = new StringBuilder(TestProtocols.WithStudy("type interventional; allocation randomized; design single_group; enrollment 10001", "intervention D \"D\" { type drug }\n"));
        for (int i = 1; i <= Count; i++) text.Append($"arm A{i} \"A{i}\" {{ type experimental; receives D; ratio {i % 3 + 1} }}\n");
        var (result, _) = Compile(text.ToString());
        var design = Assert.Single(result.Diagnostics, d => d.Id == "PIC4009");
        Assert.Contains($"has {Count} arms (A1, A2, A3, A4, A5, A6, A7, A8, A9, A10 and {Count - 10} more)", design.Message, StringComparison.Ordinal);
        var enrollment = Assert.Single(result.Diagnostics, d => d.Id == "PIC4008");
        Assert.Contains("cannot be allocated 2:3:1:2:3:1:2:3:1:2:... to A1, A2,", enrollment.Message, StringComparison.Ordinal);
        Assert.All(result.Diagnostics, d => Assert.True(d.Message.Length < 400, d.Message)); // before: every arm and ratio, 27,000 characters
    }

    [Fact]
    public void Criteria_of_long_or_chains_emit_the_inputs_they_miss_without_evaluating_each_side_again_at_every_level()
    {
        const int Criteria = 20, Chain = 90; // the longest chain the parser accepts is about 100 deep
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Criteria; i++)
            text.Append($"criterion E{i} exclusion \"x\" {{ when ").Append(string.Join(" or ", Enumerable.Range(1, Chain).Select(k => $"Vitals.count == {k}"))).Append(" }\n");
        var (generated, allocated) = Emit(text.ToString());
        Assert.Contains($"var __l{Chain - 2} = ", generated, StringComparison.Ordinal); // each side's truth kept once
        Assert.True(generated.Length < 5_000_000, $"{generated.Length:N0} characters"); // before: 30 million, growing with the square of the chain
        Assert.True(allocated < 300_000_000, $"allocated {allocated:N0} bytes"); // before: 5.6 GB, growing with its cube
    }

    [Fact]
    public void Thousands_of_inclusion_criteria_each_ruling_out_one_code_of_a_long_list_are_checked_without_a_set_per_criterion()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("codelist Long { ").Append(string.Join("; ", Enumerable.Range(1, Count + 1).Select(i => $"code c{i} \"C{i}\""))).Append(" }\n");
        text.Append("form Coded { field k code Long required; field j code Long required }\nvisit Screen { day -7 from enrollment; collect Coded }\n");
        // Each rules out one code, so that together they admit only the last; on j, one more asks for a code already ruled out.
        for (int i = 1; i <= Count; i++) text.Append($"criterion I{i} inclusion \"x\" {{ when Coded.k != Long.c{i} and Coded.j != Long.c{i} }}\n");
        text.Append($"criterion I{Count + 1} inclusion \"again\" {{ when Coded.k != Long.c5 }}\n");
        text.Append($"criterion I{Count + 2} inclusion \"three\" {{ when Coded.j == Long.c3 }}\n");
        text.Append("criterion E1 exclusion \"first\" { when Coded.k == Long.c1 }\n");
        text.Append($"criterion E2 exclusion \"the last\" {{ when Coded.k == Long.c{Count + 1} }}\n"); // the one code the inclusions leave
        var (result, allocated) = Compile(text.ToString());
        var reported = result.Diagnostics.Where(d => d.Id.StartsWith("PIC400", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, reported.Count);
        var empty = Assert.Single(reported, d => d.Id == "PIC4004" && d.Message.Contains($"I{Count + 2}", StringComparison.Ordinal));
        Assert.StartsWith($"No subject can be eligible: I{Count + 2} (line {empty.LineSpan.Start.Line + 1}) requires Coded.j == c3, but I1 (line 12), I2 (line 13), I3 (line 14), I4 (line 15), I5 (line 16) and others require Coded.j == c{Count + 1};",
            empty.Message, StringComparison.Ordinal);
        Assert.StartsWith($"I{Count + 1} ", Assert.Single(reported, d => d.Id == "PIC4005").Message, StringComparison.Ordinal); // implied by I5, said again
        Assert.Contains("Coded.k == c1", Assert.Single(reported, d => d.Id == "PIC4006").Message, StringComparison.Ordinal); // E1 never applies: I1 rules c1 out
        Assert.Contains($"E2 excludes every subject with Coded.k == c{Count + 1}", Assert.Single(reported, d => d.Id == "PIC4004" && d != empty).Message, StringComparison.Ordinal);
        Assert.True(allocated < 60_000_000, $"allocated {allocated:N0} bytes"); // a set of codes per criterion (before): 248 MB at 4,000 codes, 975 MB at 8,000
    }

    /// <summary>A long code list, a field on it, and criteria whose parts are balanced trees of 'and's (within the parser's depth).</summary>
    private static CompilationResult CompileParts(int codes, params string[] criteria)
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("codelist Long { ").Append(string.Join("; ", Enumerable.Range(1, codes).Select(i => $"code c{i} \"C{i}\""))).Append(" }\n");
        text.Append("form Coded { field k code Long required }\nvisit Screen { day -7 from enrollment; collect Coded }\n");
        for (int i = 0; i < criteria.Length; i++) text.Append($"criterion I{i + 1} inclusion \"x\" {{ when {criteria[i]} }}\n");
        return ProtocolCompiler.Compile(text.ToString());
    }

    private static string NotIn(int lo, int hi) => lo == hi ? $"Coded.k != Long.c{lo}" : $"({NotIn(lo, (lo + hi) / 2)} and {NotIn((lo + hi) / 2 + 1, hi)})";

    private const int Parts = 2 * Count;

    // The next three shapes cost time only (the work that grew with the square of the parts allocated nothing), so, as
    // for the other time-only shapes, their figures are in their commits (before: 5 to 11 s; after: about 0.2 s), not in
    // a timed test; these check that the answers at that size are right.

    [Fact]
    public void A_criterion_of_thousands_of_parts_on_a_long_code_list_is_asked_about_without_each_part_counting_the_others_out()
    {
        // I2's parts but the last are each implied by I1: each asked whether I1 admits only what it admits.
        var result = CompileParts(Parts + 2, NotIn(1, Parts), NotIn(1, Parts - 1) + $" and Coded.k != Long.c{Parts + 1}");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("PIC400", StringComparison.Ordinal));
    }

    [Fact]
    public void A_criterion_of_thousands_of_listing_parts_against_a_criterion_of_thousands_of_exclusions_walks_the_list_once()
    {
        // I1 leaves c1 and c2; each of I2's parts lists them: with no other listing bound, what I1 admits is found by a walk
        // of the code list, once for I2, not once for each of its parts.
        string Listing(int lo, int hi) => lo == hi ? "Coded.k in [Long.c1, Long.c2]" : $"({Listing(lo, (lo + hi) / 2)} and {Listing((lo + hi) / 2 + 1, hi)})";
        var result = CompileParts(Parts, NotIn(3, Parts), Listing(1, Parts));
        var implied = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("PIC400", StringComparison.Ordinal));
        Assert.StartsWith("I2 checks nothing: every subject who meets I1 (line 12) also meets it (Coded.k in [c1, c2] and ", implied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_criterion_of_thousands_of_parts_that_another_implies_is_reported_without_hashing_it_at_each_part()
    {
        var result = CompileParts(Parts + 1, NotIn(1, Parts), NotIn(1, Parts));
        var implied = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("PIC400", StringComparison.Ordinal));
        Assert.StartsWith("I2 checks nothing: every subject who meets I1 (line 12) also meets it (Coded.k != c1 and Coded.k != c2 and ", implied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_exclusions_against_what_thousands_of_inclusions_leave_of_a_long_list_are_each_checked_by_their_own_codes()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("codelist Long { ").Append(string.Join("; ", Enumerable.Range(1, Count + 1).Select(i => $"code c{i} \"C{i}\""))).Append(" }\n");
        text.Append("form Coded { field k code Long required }\nvisit Screen { day -7 from enrollment; collect Coded }\n");
        for (int i = 1; i <= Count; i++) text.Append($"criterion I{i} inclusion \"x\" {{ when Coded.k != Long.c{i} }}\n");
        // Each needs a code other than the one left (c{Count + 1}), which the inclusions have ruled out: it never applies.
        for (int i = 1; i <= Count; i++) text.Append($"criterion E{i} exclusion \"x\" {{ when Coded.k not in [Long.c{i}, Long.c{Count + 1}] }}\n");
        var (result, allocated) = Compile(text.ToString());
        var never = result.Diagnostics.Where(d => d.Id == "PIC4006").ToList();
        Assert.Equal(Count, never.Count);
        Assert.Equal($"E7 can never exclude anyone the other rules admit: it needs Coded.k not in [c7, c{Count + 1}], but I1 (line 12), I2 (line 13), I3 (line 14), " +
            $"I4 (line 15), I5 (line 16) and others require Coded.k == c{Count + 1}; remove it or correct its bound", never[6].Message);
        Assert.True(allocated < 60_000_000, $"allocated {allocated:N0} bytes"); // what the inclusions admit intersected for each (before): 481 MB
    }

    [Fact]
    public void Thousands_of_fields_on_one_long_code_list_share_its_codes_as_their_domain()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("codelist Long { ").Append(string.Join("; ", Enumerable.Range(1, Count).Select(i => $"code c{i} \"C{i}\""))).Append(" }\n");
        text.Append("form Wide { ").Append(string.Join("; ", Enumerable.Range(1, Count).Select(i => $"field f{i} code Long required"))).Append(" }\n");
        text.Append("visit Screen { day -7 from enrollment; collect Wide }\n");
        for (int i = 1; i <= Count; i++) text.Append($"criterion I{i} inclusion \"x\" {{ when Wide.f{i} == Long.c{i} }}\n");
        text.Append("criterion E1 exclusion \"never\" { when Wide.f2 == Long.c1 }\n");
        var (result, allocated) = Compile(text.ToString());
        var never = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("PIC400", StringComparison.Ordinal));
        Assert.Equal("PIC4006", never.Id);
        Assert.Contains("Wide.f2 == c2", never.Message, StringComparison.Ordinal);
        Assert.True(allocated < 60_000_000, $"allocated {allocated:N0} bytes"); // the list's codes sorted again for each field (before)
    }

    [Fact]
    public void A_criterion_testing_thousands_of_fields_lists_the_missing_ones_without_searching_the_list_at_each()
    {
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("form Wide { ").Append(string.Join("; ", Enumerable.Range(1, Count).Select(i => $"field f{i} integer"))).Append(" }\nvisit Screen { day -7 from enrollment; collect Wide }\n");
        text.Append("endpoint W exploratory \"W\" { kind summary; data ").Append(string.Join(", ", Enumerable.Range(1, Count).Select(i => $"Wide.f{i}"))).Append(" }\n");
        string Tree(int lo, int hi) => lo == hi ? $"Wide.f{lo} == 1" : $"({Tree(lo, (lo + hi) / 2)} or {Tree((lo + hi) / 2 + 1, hi)})";
        text.Append($"criterion E1 exclusion \"x\" {{ when {Tree(1, Count)} or Wide.f1 == 2 }}\n"); // balanced, so within the parser's depth
        var (generated, _) = Emit(text.ToString());
        Assert.Contains("if (input.Wide.F4000 is null) missing.Add(\"Wide.f4000\");", generated, StringComparison.Ordinal);
        Assert.Contains("var missing = outcome == global::Picares.Dsl.Runtime.Eligibility.CriterionOutcome.Unknown ? new global::Picares.Dsl.Runtime.Eligibility.MissingInputs() : null;", generated, StringComparison.Ordinal);
        // Wide.f1, tested twice, is added at both tests: the runtime's MissingInputs lists it once, without searching a list.
        Assert.DoesNotContain("missing.Contains(", generated, StringComparison.Ordinal); // before: 4,001, each searching a list of up to 4,000 at run time, then 1
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(generated, System.Text.RegularExpressions.Regex.Escape("if (input.Wide.F1 is null) missing.Add(\"Wide.f1\");")).Count);
    }

    [Fact]
    public void Thousands_of_response_endpoints_hold_their_timing_against_thousands_of_scan_visits_with_one_table()
    {
        // 4,000 scan visits of one form on first_dose, 4,000 ORR endpoints with a minimum for SD and 4,000 PFS endpoints
        // with a gap: PIC4019 and PIC4020 look each endpoint's first scan and scan interval up in a table made once for all
        // the visits. Only the last of each kind is too long or too short, and only it is reported; the compile's memory
        // stays in proportion to the file (41.7 MB for these 1.8 MB).
        var text = new StringBuilder(TestProtocols.Prelude);
        text.Append("event death \"Death\" terminal\n");
        text.Append(TestProtocols.TumorForm);
        for (int i = 1; i <= Count; i++)
            text.Append($"visit Scan{i} {{ every {42 + i % 7} days from first_dose + {42 + i % 5} days; window -7..+7 days; until progression or death; max 4; collect Tumor }}\n");
        for (int i = 1; i <= Count; i++)
        {
            var minimum = i == Count ? "6 weeks" : "5 weeks";
            var gap = i == Count ? "6 weeks" : "20 weeks";
            text.Append($"endpoint Orr{i} exploratory \"ORR\" {{ kind objective_response; data Tumor.scan, Tumor.response; start first_dose; stable_disease_minimum {minimum} }}\n");
            text.Append($"endpoint Pfs{i} exploratory \"PFS\" {{ kind time_to_event; data Tumor.scan, Tumor.response; start first_dose; event progression; censor_at last_assessment; censor_after_gap {gap} }}\n");
        }
        var (result, allocated) = Compile(text.ToString());
        // The scans start on five days: each after the first to start on one of them collects Tumor on the day of that one's
        // first occurrence (PIC4022), found in a table of first occurrences rather than by comparing every pair.
        var warnings = result.Diagnostics.Where(IsReport).ToList();
        Assert.Equal(Count - 5, warnings.Count(d => d.Id == "PIC4022"));
        Assert.Contains("Occurrence 1 of visit Scan6 (day 44 from first_dose) falls on the day of visit Scan1's first occurrence", warnings.First(d => d.Id == "PIC4022").Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "PIC4019", "PIC4020" }, warnings.Where(d => d.Id != "PIC4022").Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Contains($"Endpoint Orr{Count} ", result.Diagnostics.Single(d => d.Id == "PIC4019").Message, StringComparison.Ordinal);
        Assert.Contains($"Endpoint Pfs{Count} ", result.Diagnostics.Single(d => d.Id == "PIC4020").Message, StringComparison.Ordinal);
        Assert.True(allocated < 80_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Thousands_of_repeating_visits_against_thousands_of_single_visits_of_one_form_are_compared_in_order()
    {
        // 4,000 single visits on even study days and 4,000 visits every 2 days on odd days, all collecting Vitals on
        // first_dose: no occurrence meets a single visit (PIC4022 compares each repeating visit with the single visits from
        // its first occurrence on, found by halving), and the last one, on day 2 × 4,000, meets the last single visit.
        var text = new StringBuilder(TestProtocols.Prelude);
        for (int i = 1; i <= Count; i++) text.Append($"visit D{i} {{ day {2 * i}; collect Vitals }}\n");
        for (int i = 1; i < Count; i++) text.Append($"visit R{i} {{ every 2 days from first_dose + {2 * i} days; max 2; collect Vitals }}\n");
        text.Append($"visit Last {{ every 2 days from first_dose + {2 * Count - 1} days; max 2; collect Vitals }}\n");
        var (result, allocated) = Compile(text.ToString());
        var reported = Assert.Single(result.Diagnostics, IsReport);
        Assert.Equal("PIC4022", reported.Id);
        Assert.StartsWith($"Occurrence 1 of visit Last (day {2 * Count} from first_dose) falls on the day of visit D{Count}", reported.Message, StringComparison.Ordinal);
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes");
    }
}
