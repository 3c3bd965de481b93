using System;
using System.Collections.Generic;
using Picares.Dsl.Runtime.Model;
using Picares.Dsl.Runtime.Units;

namespace Picares.Dsl.Runtime.Crf;

/// <summary>How an edit check acts on a finding, as EDC systems do.</summary>
public enum FindingSeverity : byte
{
    /// <summary>A soft check: the value is kept and a query is raised.</summary>
    Query,
    /// <summary>A hard check: the value is kept, and the form cannot be accepted until it is corrected.</summary>
    Reject,
}

/// <summary>
/// One edit-check finding: where (form, occurrence of a repeating form, field), which rule, how severe, the
/// message, and the protocol line that declares the field. The value itself stays in the form, unchanged.
/// </summary>
public sealed record CrfFinding(
    [property: ProtocolName(ProtocolNameKind.Form)] string Form,
    int? Occurrence,
    [property: ProtocolName(ProtocolNameKind.Field)] string Field, string Rule, FindingSeverity Severity, string Message, int Line);

/// <summary>The edit checks generated forms run, kept in one place so every form checks alike.</summary>
public static class EditChecks
{
    /// <summary>A required field without a value (only when the field is shown).</summary>
    public static void Required(List<CrfFinding> findings, string form, int? occurrence, string field, bool hasValue, int line)
    {
        if (!hasValue)
            findings.Add(new CrfFinding(form, occurrence, field, "required", FindingSeverity.Reject, $"{form}.{field} is required", line));
    }

    /// <summary>A conditional field: empty when its condition does not hold; when it holds, answered if <paramref name="required"/>; unchecked when unknown.</summary>
    public static void Conditional(List<CrfFinding> findings, string form, int? occurrence, string field, bool hasValue, bool required,
        Eligibility.Truth shown, string condition, int line)
    {
        if (shown == Eligibility.Truth.True && required && !hasValue)
            findings.Add(new CrfFinding(form, occurrence, field, "required", FindingSeverity.Reject, $"{form}.{field} is required when {condition}", line));
        else if (shown == Eligibility.Truth.False && hasValue)
            findings.Add(new CrfFinding(form, occurrence, field, "shown_when", FindingSeverity.Reject, $"{form}.{field} must be empty unless {condition}", line));
    }

    /// <summary>A number against inclusive limits; reports, never clamps.</summary>
    public static void Limit(List<CrfFinding> findings, string form, int? occurrence, string field, double? value, double? lower, double? upper, FindingSeverity severity, int line)
    {
        if (value is not { } v || Limits.Contains(v, lower, upper)) return;
        findings.Add(new CrfFinding(form, occurrence, field, severity == FindingSeverity.Reject ? "hard_limit" : "soft_limit", severity,
            $"{form}.{field} is {NumberText.Of(v)}, outside {Limits.Text(lower, upper)}", line));
    }

    /// <summary>A quantity against inclusive limits in the field's unit, after conversion; a unit of another dimension is a hard finding.</summary>
    public static void Limit(List<CrfFinding> findings, string form, int? occurrence, string field, Quantity? value, string unit, double? lower, double? upper, FindingSeverity severity, int line)
    {
        if (value is not { } q) return;
        var fieldUnit = UnitCatalog.Get(unit);
        if (q.Unit is null || !q.Unit.IsCompatibleWith(fieldUnit))
        {
            if (severity == FindingSeverity.Reject) // reported once, with the hard check
                findings.Add(new CrfFinding(form, occurrence, field, "unit", FindingSeverity.Reject, $"{form}.{field} is {q}, which is not a {fieldUnit.Dimension}; give it in a unit such as {unit}", line));
            return;
        }
        if (Limits.Contains(q.ConvertTo(fieldUnit).Value, lower, upper)) return;
        findings.Add(new CrfFinding(form, occurrence, field, severity == FindingSeverity.Reject ? "hard_limit" : "soft_limit", severity,
            $"{form}.{field} is {q}, outside {Limits.Text(lower, upper)} {unit}", line));
    }
}
