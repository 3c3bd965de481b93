using System;
using Picares.Dsl.Runtime.Endpoints;

namespace Picares.Dsl.Tests.Endpoints;

/// <summary>
/// One subject's records for the derivation tests, dated in days from a start of 2026-01-05 (day 0 is the start), as the
/// generated code maps a case book: tumour assessments, survival contacts, new therapies, adverse events.
/// </summary>
internal static class SubjectRecords
{
    public static readonly DateTime Start = new(2026, 1, 5);

    public static DateTime Day(int days) => Start.AddDays(days);

    public static ResponseRecord R(int occurrence, int day, string? code) => new("TumorAssessment", occurrence, Day(day), code);

    public static VitalStatusRecord V(int occurrence, int day, string status, int? deathDay = null) =>
        new("SurvivalStatus", occurrence, Day(day), status, deathDay is { } d ? Day(d) : null);

    public static TherapyRecord T(int occurrence, int? day) => new("SubsequentTherapy", occurrence, day is { } d ? Day(d) : null);

    public static AdverseEventRecord Ae(int occurrence, string? term, int? grade, int? day) =>
        new("AdverseEvents", occurrence, term, grade, day is { } d ? Day(d) : null);
}
