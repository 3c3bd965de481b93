using System;
using System.Collections.Generic;
using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Emit;
using Picares.Dsl.Runtime.Model;
using Picares.Dsl.Runtime.Scheduling;
using Picares.Dsl.Tests.Infrastructure;
using Picares.Protocols;
using Xunit;

namespace Picares.Dsl.Tests.Scheduling;

/// <summary>The events a protocol marks <c>terminal</c>, and only those, end every visit of a subject.</summary>
public class TerminalEventTests
{
    private static readonly Origin Here = new(Provenance.Record, null, new SourceLocation("test.protocol", 1, 1));
    private static readonly DateTime FirstDose = new(2026, 1, 5);
    // Not PICARES's events (PIC5002 checks literals against PICARES): this builder is for some other protocol.
    private static readonly string Withdrawn = "consent_withdrawn";

    private static readonly VisitInfo[] Cycles =
    {
        new("Cycle", "Cycle", "repeating", "first_dose", null, null, 3, 3, null, 21, "fixed", Array.Empty<string>(), 10, new[] { "Form" }, Array.Empty<string>(), Here),
    };

    [Fact]
    public void Picares_marks_death_terminal_and_its_builder_ends_visits_there()
    {
        Assert.True(PicaresProtocol.Events.Death.Terminal);
        Assert.False(PicaresProtocol.Events.Progression.Terminal);
        Assert.Equal(new[] { "death" }, new ScheduleBuilder(PicaresProtocol.Info).TerminalEvents);
    }

    [Fact]
    public void The_builders_terminal_events_end_visits_and_other_events_do_not()
    {
        var builder = new ScheduleBuilder(Cycles, "first_dose", terminalEvents: new[] { Withdrawn });
        var anchors = new Dictionary<string, DateTime> { ["first_dose"] = FirstDose };

        var withdrawn = builder.Build(new ScheduleRequest { Anchors = anchors, Events = new Dictionary<string, DateTime> { [Withdrawn] = new(2026, 2, 1) } });
        Assert.Equal(new[] { "Cycle#1", "Cycle#2" }, withdrawn.Select(v => v.Key.ToString()));

        // "death" is not terminal for this builder: only the events it was given are.
        var died = builder.Build(new ScheduleRequest { Anchors = anchors, Events = new Dictionary<string, DateTime> { ["death"] = new(2026, 2, 1) } });
        Assert.Equal(10, died.Count);

        // A request may name its own.
        var own = builder.Build(new ScheduleRequest { Anchors = anchors, Events = new Dictionary<string, DateTime> { ["death"] = new(2026, 2, 1) }, TerminalEvents = new[] { "death" } });
        Assert.Equal(2, own.Count);
    }

    [Fact]
    public void The_generated_model_carries_the_terminal_flag_of_each_event()
    {
        var source = TestProtocols.With("event consent_withdrawn \"Consent withdrawn\" terminal\n");
        var result = ProtocolCompiler.Compile(source, "test.protocol");
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        var emitted = ProtocolEmitter.Emit(result.Model!, "Test.Protocols");
        Assert.Contains("EventInfo(\"consent_withdrawn\", \"Consent withdrawn\", __Rec(", emitted);
        Assert.Matches("EventInfo\\(\"consent_withdrawn\", \"Consent withdrawn\", __Rec\\(\\d+, \\d+\\), true\\)", emitted);
        Assert.Matches("EventInfo\\(\"progression\", \"Progression\", __Rec\\(\\d+, \\d+\\), false\\)", emitted);
    }
}
