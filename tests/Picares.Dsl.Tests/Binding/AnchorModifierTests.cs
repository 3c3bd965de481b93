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
}
