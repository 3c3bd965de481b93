using System.Collections.Generic;
using System.Linq;
using System.Text;
using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Emit;

/// <summary>
/// The assembly attributes that list a protocol's names, one per kind (criteria, visits, anchors, events, forms,
/// fields as <c>Form.field</c>), so that the analyzers of consuming C# (PIC5002) learn them from the compilation.
/// </summary>
public static class ProtocolNameAttributes
{
    /// <summary>The attributes, each on its own line after a blank line; empty kinds are left out.</summary>
    public static string For(ProtocolModel model, string @namespace, string className)
    {
        bool age = model.Population.ChecksAge;
        var kinds = new List<(string Kind, IEnumerable<string> Names)>
        {
            ("Criterion", (age ? new[] { "AGE" } : Enumerable.Empty<string>()).Concat(model.Criteria.Select(c => c.Id))),
            ("Visit", model.Visits.Select(v => v.Name)),
            ("Anchor", model.Anchors.Select(a => a.Name)),
            ("Event", model.Events.Select(e => e.Name)),
            ("Form", model.Forms.Select(f => f.Name)),
            ("Field", model.Forms.SelectMany(f => f.Fields.Select(x => f.Name + "." + x.Name))),
        };
        var type = "typeof(global::" + (string.IsNullOrEmpty(@namespace) ? "" : @namespace + ".") + className + ")";
        var sb = new StringBuilder();
        foreach (var (kind, names) in kinds)
        {
            var list = names.Distinct().ToList();
            if (list.Count == 0) continue;
            sb.Append("\n[assembly: global::Picares.Dsl.Runtime.Model.ProtocolNames(").Append(type)
              .Append(", global::Picares.Dsl.Runtime.Model.ProtocolNameKind.").Append(kind);
            foreach (var name in list) sb.Append(", ").Append(CSharp.Literal(name));
            sb.Append(")]");
        }
        if (sb.Length > 0) sb.Append('\n');
        return sb.ToString();
    }
}
