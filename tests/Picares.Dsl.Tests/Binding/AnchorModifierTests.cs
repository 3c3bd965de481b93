using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Binding;

/// <summary>
/// <c>anchor|event name ["label"] [follows X]... [terminal]</c> (docs/language.md §3.3): <c>follows</c> may be repeated
/// any number of times and the modifiers come in any order; a modifier given twice is PIC1007 at the second.
/// </summary>
public class AnchorModifierTests
{
    private const string MoreAnchors = "anchor a1 \"A1\"\nanchor a2 \"A2\"\nanchor a3 \"A3\"\n";

    private static Compiler.Model.ProtocolModel Bind(string body)
    {
        var result = ProtocolCompiler.Compile(TestProtocols.With(MoreAnchors + body));
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    [Theory]
    [InlineData("follows first_dose", new[] { "first_dose" })]
    [InlineData("follows first_dose follows enrollment", new[] { "first_dose", "enrollment" })]
    [InlineData("follows first_dose follows enrollment follows a1 follows a2 follows a3", new[] { "first_dose", "enrollment", "a1", "a2", "a3" })]
    public void An_anchor_follows_any_number_of_points(string modifiers, string[] after)
    {
        Assert.Equal(after, Bind($"anchor x \"X\" {modifiers}\n").Anchors.Single(a => a.Name == "x").After);
        Assert.Equal(after, Bind($"anchor x {modifiers}\n").Anchors.Single(a => a.Name == "x").After); // without a label
    }

    [Theory]
    [InlineData("follows first_dose terminal", new[] { "first_dose" })]
    [InlineData("follows first_dose follows enrollment terminal", new[] { "first_dose", "enrollment" })]
    [InlineData("follows first_dose follows enrollment follows a1 follows a2 follows a3 terminal", new[] { "first_dose", "enrollment", "a1", "a2", "a3" })]
    [InlineData("terminal follows first_dose follows enrollment", new[] { "first_dose", "enrollment" })]
    [InlineData("follows first_dose terminal follows enrollment", new[] { "first_dose", "enrollment" })]
    public void An_event_follows_any_number_of_points_and_is_terminal_in_any_place(string modifiers, string[] after)
    {
        var e = Bind($"event e \"E\" {modifiers}\n").Events.Single(v => v.Name == "e");
        Assert.Equal(after, e.After);
        Assert.True(e.Terminal);
    }

    [Fact]
    public void An_event_follows_five_points_without_being_terminal()
    {
        var e = Bind("event e \"E\" follows first_dose follows enrollment follows a1 follows a2 follows a3\n").Events.Single(v => v.Name == "e");
        Assert.Equal(new[] { "first_dose", "enrollment", "a1", "a2", "a3" }, e.After);
        Assert.False(e.Terminal);
    }

    [Theory]
    [InlineData("event e \"E\" follows first_dose follows enrollment {|PIC1007:follows first_dose|}\n", "'follows first_dose' is already given in this event e at line 12; keep one")]
    [InlineData("anchor x \"X\" follows a1 {|PIC1007:follows a1|} follows a2\n", "'follows a1' is already given in this anchor x at line 12; keep one")]
    [InlineData("event e \"E\" terminal follows first_dose {|PIC1007:terminal|}\n", "'terminal' is already given in this event e at line 12; keep one")]
    [InlineData("anchor x \"X\" follows first_dose {|PIC1003:terminal|}\n", "'anchor' takes a name, optionally a \"label\", then 'follows <anchor or event>' for each point")]
    [InlineData("anchor x \"X\" follows first_dose {|PIC1003:follows|}\n", "'anchor' takes")]
    [InlineData("anchor x \"X\" follows {|PIC1003:\"first_dose\"|}\n", "'anchor' takes")]
    [InlineData("event e \"E\" follows first_dose {|PIC1003:\"late label\"|}\n", "'event' takes")]
    [InlineData("event e \"E\" follows {|PIC1005:frist_dose|} terminal\n", "Unknown anchor or event 'frist_dose'; did you mean 'first_dose'?")]
    public void A_modifier_given_twice_or_malformed_is_reported_once_at_it(string body, string message)
    {
        var (text, expected) = Markup.Parse(TestProtocols.With(MoreAnchors + body));
        var result = ProtocolCompiler.Compile(text);
        Assert.Equal(expected, result.Diagnostics.Select(d => (d.Id, d.Span)).ToList());
        Assert.StartsWith(message, result.Diagnostics[0].Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("follows first_dose ends_study")]
    [InlineData("ends_study follows first_dose")]
    public void An_anchor_may_be_declared_the_studys_end_in_any_place(string modifiers)
    {
        var model = Bind($"anchor study_end \"Common study end\" {modifiers}\n");
        Assert.True(model.Anchors.Single(a => a.Name == "study_end").EndsStudy);
        Assert.False(model.Anchors.Single(a => a.Name == "first_dose").EndsStudy);
        Assert.Contains("new global::Picares.Dsl.Runtime.Model.AnchorInfo(\"study_end\", \"Common study end\", __Rec(",
            Compiler.Emit.ProtocolEmitter.Emit(model, "T"), System.StringComparison.Ordinal);
        Assert.Contains("), true);", Compiler.Emit.ProtocolEmitter.Emit(model, "T").Split('\n').Single(l => l.Contains("AnchorInfo(\"study_end\"", System.StringComparison.Ordinal)), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anchor x \"X\" ends_study {|PIC1007:ends_study|}\n")]
    [InlineData("event x \"X\" {|PIC1003:ends_study|}\n")]          // an event is no date of the study's end
    [InlineData("anchor x \"X\" {|PIC1003:terminal|}\n")]           // and an anchor is no event
    public void Ends_study_is_for_an_anchor_and_given_once(string body)
    {
        var (text, expected) = Markup.Parse(TestProtocols.With(body));
        Assert.Equal(expected, ProtocolCompiler.Compile(text).Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).Select(d => (d.Id, d.Span)).ToList());
    }
}
