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
/// Which of some points each point is at or after, worked out from the points it follows, against the timeline asked
/// about each pair; and a signature shared by two points only while they are at or after the same of the points, however
/// the later questions take sets over.
/// </summary>
public class AtOrAfterPointsTests
{
    [Fact]
    public void Answers_and_signatures_agree_with_the_timeline_on_random_follows_graphs()
    {
        var random = new Random(9090);
        for (int trial = 0; trial < 150; trial++)
        {
            int count = random.Next(2, 14);
            var names = Enumerable.Range(0, count).Select(i => "p" + i).ToArray();
            var text = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                text.Append($"anchor {names[i]} \"P{i}\"");
                // Mostly one earlier point, so that sets are taken over; sometimes several, or none.
                int follows = i == 0 ? 0 : random.Next(4) switch { 0 => 0, 1 => 2, _ => 1 };
                foreach (var earlier in Enumerable.Range(0, i).OrderBy(_ => random.Next()).Take(follows)) text.Append($" follows {names[earlier]}");
                text.Append('\n');
            }
            var model = ProtocolCompiler.Compile(TestProtocols.With(text.ToString())).Model;
            Assert.NotNull(model);
            var reference = new Timeline(model!);
            var points = names.Where(_ => random.Next(3) == 0).ToList();
            var atOrAfter = new AtOrAfterPoints(new Timeline(model!), points);

            // What each signature was handed out for: the answers about each of the points.
            var answersBySignature = new Dictionary<object, bool[]>();
            for (int question = 0; question < 3 * count; question++)
            {
                var point = names[random.Next(count)];
                var expected = points.Select(p => reference.IsSameOrNotBefore(point, p)).ToArray();
                Assert.Equal(expected.All(x => x), atOrAfter.IsAtOrAfterAll(point));
                Assert.Equal(expected, points.Select(p => atOrAfter.IsAtOrAfter(point, p)).ToArray());
                var signature = atOrAfter.Signature(point);
                if (signature is string) continue; // a point's own name: compared by value, never shared
                if (answersBySignature.TryGetValue(signature, out var before)) Assert.Equal(before, expected);
                else answersBySignature.Add(signature, expected);
            }
        }
    }
}
