using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Picares.Dsl.Compiler;
using Picares.Dsl.Compiler.Consistency;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Consistency;

/// <summary>
/// Which points (and entries) of each group each point is at or after, worked out once for every group from the points it
/// follows, against the timeline asked about each pair; and a signature equal for two points only when they are at or after the
/// same of a group's points. Some graphs hold 'follows' cycles, which are worked out as one point.
/// </summary>
public class AtOrAfterPointsTests
{
    [Fact]
    public void Answers_and_signatures_agree_with_the_timeline_on_random_follows_graphs()
    {
        var random = new Random(9090);
        int cyclic = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            int count = random.Next(2, 14);
            var names = Enumerable.Range(0, count).Select(i => "p" + i).ToArray();
            bool withCycles = trial % 3 == 0;
            var follows = new Dictionary<string, string[]>();
            for (int i = 0; i < count; i++)
            {
                // Mostly one other point, so that sets are shared and extended; sometimes several, or none. Without cycles, only
                // earlier points; with them, any point (itself too).
                int earlier = i == 0 && !withCycles ? 0 : random.Next(4) switch { 0 => 0, 1 => 2, _ => 1 };
                follows[names[i]] = Enumerable.Range(0, withCycles ? count : i).OrderBy(_ => random.Next()).Take(earlier).Select(e => names[e]).ToArray();
            }
            // A cycle is an error (PIC4016), which leaves no model: the clauses are put into the model of the anchors alone.
            var anchorsAlone = ProtocolCompiler.Compile(TestProtocols.With(string.Concat(names.Select(n => $"anchor {n} \"{n}\"\n")))).Model;
            Assert.NotNull(anchorsAlone);
            var model = anchorsAlone! with
            {
                Anchors = anchorsAlone.Anchors.Select(a => follows.TryGetValue(a.Name, out var after) ? a with { After = new EquatableArray<string>(after) } : a).ToEquatableArray(),
            };
            var reference = new Timeline(model);
            if (names.Any(n => reference.CycleThrough(n) is not null)) cyclic++;
            var atOrAfter = new AtOrAfterPoints(new Timeline(model));
            // A few groups, which may share points (an anchor with early visits of several forms); each point an entry or two,
            // in any order.
            var groups = new List<(int Number, List<string> Points, List<string> Entries)>();
            for (int g = random.Next(1, 4); g > 0; g--)
            {
                var entries = names.Where(_ => random.Next(3) == 0).SelectMany(p => random.Next(5) == 0 ? new[] { p, p } : new[] { p }).OrderBy(_ => random.Next()).ToList();
                groups.Add((atOrAfter.AddGroup(entries), entries.Distinct().ToList(), entries));
            }

            // What each signature was handed out for, by group: the answers about each of the group's points.
            var answersBySignature = groups.Select(_ => new Dictionary<object, bool[]>()).ToArray();
            for (int question = 0; question < 3 * count; question++)
            {
                var point = names[random.Next(count)];
                foreach (var (number, points, entries) in groups)
                {
                    var expected = points.Select(p => reference.IsSameOrNotBefore(point, p)).ToArray();
                    Assert.Equal(expected.All(x => x), atOrAfter.IsAtOrAfterAll(number, point));
                    Assert.Equal(expected, points.Select(p => atOrAfter.IsAtOrAfter(number, point, p)).ToArray());
                    var notAfter = Enumerable.Range(0, entries.Count).Where(e => !reference.IsSameOrNotBefore(point, entries[e])).ToList();
                    Assert.Equal(entries.Count - notAfter.Count, atOrAfter.CountAtOrAfter(number, point));
                    var found = new List<int>();
                    for (int e = atOrAfter.NextNotAtOrAfter(number, point, 0); e < entries.Count; e = atOrAfter.NextNotAtOrAfter(number, point, e + 1)) found.Add(e);
                    Assert.Equal(notAfter, found);
                    var signature = atOrAfter.Signature(number, point);
                    if (answersBySignature[number].TryGetValue(signature, out var before)) Assert.Equal(before, expected);
                    else answersBySignature[number].Add(signature, expected);
                }
            }
        }
        Assert.True(cyclic > 50, $"{cyclic} graphs with a cycle");
    }

    [Fact]
    public void Answers_agree_with_the_timeline_on_random_follows_graphs_of_hundreds_of_points()
    {
        // Sets of hundreds of entries, which a point joins with another large set (unions kept by their pair), over several
        // words and nodes; many points follow the same two hubs, or the first hub and another large set.
        var random = new Random(7070);
        for (int trial = 0; trial < 30; trial++)
        {
            int count = random.Next(150, 400);
            var names = Enumerable.Range(0, count).Select(i => "p" + i).ToArray();
            var follows = new Dictionary<string, string[]>();
            var hubs = new[] { random.Next(count / 3, count / 2), random.Next(count / 2, 2 * count / 3) };
            for (int i = 0; i < count; i++)
            {
                IEnumerable<int> earlier = Enumerable.Range(0, i).OrderBy(_ => random.Next()).Take(random.Next(4) switch { 0 => 0, 1 => 3, _ => 1 });
                if (i == hubs[0] || i == hubs[1]) earlier = Enumerable.Range(0, i).Where(_ => random.Next(2) == 0);
                else if (i > hubs[1] && random.Next(3) == 0) earlier = earlier.Concat(hubs);
                else if (i > hubs[1] && random.Next(2) == 0) earlier = new[] { hubs[0], random.Next(hubs[1], i) }.Concat(earlier); // the first hub, then another large set
                follows[names[i]] = earlier.Distinct().Select(e => names[e]).ToArray();
            }
            var anchorsAlone = ProtocolCompiler.Compile(TestProtocols.With(string.Concat(names.Select(n => $"anchor {n} \"{n}\"\n")))).Model;
            var model = anchorsAlone! with
            {
                Anchors = anchorsAlone.Anchors.Select(a => follows.TryGetValue(a.Name, out var after) ? a with { After = new EquatableArray<string>(after) } : a).ToEquatableArray(),
            };
            var reference = new Timeline(model);
            var atOrAfter = new AtOrAfterPoints(new Timeline(model));
            var entries = names.Where(_ => random.Next(3) > 0).OrderBy(_ => random.Next()).ToList();
            int group = atOrAfter.AddGroup(entries);
            for (int question = 0; question < 40; question++)
            {
                var point = names[random.Next(count)];
                var expected = entries.Select(p => reference.IsSameOrNotBefore(point, p)).ToArray();
                Assert.Equal(expected, entries.Select(p => atOrAfter.IsAtOrAfter(group, point, p)).ToArray());
                Assert.Equal(expected.Count(x => x), atOrAfter.CountAtOrAfter(group, point));
            }
        }
    }

    [Fact]
    public void Points_that_extend_a_shared_set_with_points_of_another_group_keep_its_signature()
    {
        // s1 and s2 each follow the hub and an anchor of the other group: against the first group they are where the hub
        // is, so what is worked out for one of them serves the other (a copy of the hub's set for each would not).
        var text = new StringBuilder("anchor a1 \"A1\"\nanchor a2 \"A2\"\nanchor a3 \"A3\"\nanchor b1 \"B1\"\nanchor b2 \"B2\"\n");
        text.Append("anchor hub \"Hub\" follows a1 follows a2\nanchor s1 \"S1\" follows hub follows b1\nanchor s2 \"S2\" follows hub follows b2\n");
        var model = ProtocolCompiler.Compile(TestProtocols.With(text.ToString())).Model;
        Assert.NotNull(model);
        var atOrAfter = new AtOrAfterPoints(new Timeline(model!));
        int first = atOrAfter.AddGroup(new[] { "a1", "a2", "a3" });
        int second = atOrAfter.AddGroup(new[] { "b1", "b2" });
        Assert.Equal(atOrAfter.Signature(first, "hub"), atOrAfter.Signature(first, "s1"));
        Assert.Equal(atOrAfter.Signature(first, "s1"), atOrAfter.Signature(first, "s2"));
        Assert.NotEqual(atOrAfter.Signature(second, "s1"), atOrAfter.Signature(second, "s2"));
        Assert.False(atOrAfter.IsAtOrAfterAll(first, "s1"));
        Assert.True(atOrAfter.IsAtOrAfter(second, "s2", "b2"));
    }
}
