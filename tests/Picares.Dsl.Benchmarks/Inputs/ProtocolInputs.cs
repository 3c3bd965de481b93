using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Picares.Dsl.Compiler;

namespace Picares.Dsl.Benchmarks.Inputs;

/// <summary>
/// The benchmark inputs: PICARES.protocol (embedded in this assembly) and synthetic protocols built from it,
/// <c>scale</c> times its declarations in one file.
/// </summary>
public static class ProtocolInputs
{
    /// <summary>The path given to the compiler and the generator.</summary>
    public const string PicaresPath = "/repo/protocols/PICARES.protocol";

    private static readonly Lazy<string> PicaresText = new(() =>
    {
        using var stream = typeof(ProtocolInputs).Assembly.GetManifestResourceStream("PICARES.protocol")
            ?? throw new InvalidOperationException("PICARES.protocol is not embedded in the benchmark assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    private static readonly ConcurrentDictionary<int, string> Synthetic = new();

    /// <summary>protocols/PICARES.protocol as committed.</summary>
    public static string Picares => PicaresText.Value;

    /// <summary>The size a compiler reads from disk: UTF-8 bytes.</summary>
    public static int Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>
    /// PICARES at <paramref name="scale"/>: scale 1 is the file itself; scale N keeps its single study and
    /// population and appends N-1 renamed copies of everything after the population block.
    /// </summary>
    public static string Scaled(int scale) => Synthetic.GetOrAdd(scale, s => s == 1 ? Picares : BuildScaled(Picares, s));

    // Declarations whose name is the first argument. Criteria have their own namespace in the binder.
    private static readonly Regex Declaration = new(
        @"^[ \t]*(?<kind>anchor|event|intervention|arm|codelist|form|criterion|visit|endpoint)[ \t]+(?<name>[A-Za-z_][A-Za-z0-9_]*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex PopulationBlock = new(@"^population[ \t]*\{.*?^\}[ \t]*\r?\n", RegexOptions.Multiline | RegexOptions.Singleline);

    // "day -28..-1" or "day 3": study days of single visits, shifted per copy so windows never overlap (PIC3005).
    private static readonly Regex VisitDay = new(@"(?<=^[ \t]*day[ \t]+)(?<from>[+-]?\d+)(?:\.\.(?<to>[+-]?\d+))?", RegexOptions.Multiline);

    /// <summary>How many study days each copy's single-day visits move away from the previous copy's.</summary>
    private const int DayStride = 100;

    private static string BuildScaled(string picares, int scale)
    {
        var population = PopulationBlock.Match(picares);
        if (!population.Success) throw new InvalidOperationException("PICARES.protocol has no population block to split at.");
        string body = picares.Substring(population.Index + population.Length);

        var criteria = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Declaration.Matches(body))
            (m.Groups["kind"].Value == "criterion" ? criteria : names).Add(m.Groups["name"].Value);
        if (criteria.Overlaps(names))
            throw new InvalidOperationException("A criterion id equals another declared name: " + string.Join(", ", criteria.Intersect(names)));

        // Every declared name and every reference to it, as a whole word; strings and comments are renamed
        // too, which changes nothing the compiler checks.
        var rename = new Regex(@"\b(?:" + string.Join("|", criteria.Concat(names).OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")\b",
            RegexOptions.CultureInvariant);

        var sb = new StringBuilder(picares.Length * scale + 64 * scale);
        sb.Append(picares); // the study, the population and the original declarations, once
        for (int copy = 2; copy <= scale; copy++)
        {
            // Criterion ids keep their category letter first (PIC1015): I1 -> I1x2; other names get _x2.
            string renamed = rename.Replace(body, m => criteria.Contains(m.Value)
                ? m.Value + "x" + copy.ToString(CultureInfo.InvariantCulture)
                : m.Value + "_x" + copy.ToString(CultureInfo.InvariantCulture));
            int shift = (copy - 1) * DayStride;
            renamed = VisitDay.Replace(renamed, m =>
                Shift(m.Groups["from"].Value, shift) + (m.Groups["to"].Success ? ".." + Shift(m.Groups["to"].Value, shift) : ""));
            sb.Append("\n// ==== Synthetic copy ").Append(copy.ToString(CultureInfo.InvariantCulture)).Append(" of the PICARES declarations ====\n");
            sb.Append(renamed);
        }
        return sb.ToString();
    }

    // Study days have no day 0: move negative days further back and positive days further on.
    private static string Shift(string day, int by)
    {
        int d = int.Parse(day, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int shifted = d < 0 ? d - by : d + by;
        return (day.StartsWith("+", StringComparison.Ordinal) ? "+" : "") + shifted.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Compiles <paramref name="text"/> and throws unless it has no diagnostic at all.</summary>
    public static CompilationResult CompileClean(string text, string what)
    {
        var result = ProtocolCompiler.Compile(text, PicaresPath);
        if (result.Diagnostics.Count > 0 || result.Model is null)
            throw new InvalidOperationException($"{what} does not compile cleanly: {result.Diagnostics.Count} diagnostic(s); first: " +
                string.Join(Environment.NewLine, result.Diagnostics.Take(5).Select(d => d.Format(PicaresPath))));
        return result;
    }
}
