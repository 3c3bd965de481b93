using System;
using System.Collections.Generic;

namespace Picares.Dsl.Runtime.Units;

/// <summary>
/// Every unit the protocol language knows, by symbol and by alias. Symbols follow UCUM where UCUM's
/// spelling is what protocol authors write (<c>mg</c>, <c>mL</c>, <c>mmol/L</c>), with the usual clinical
/// aliases (<c>days</c>, <c>weeks</c>, <c>lb</c>, <c>mcg</c>).
/// </summary>
public static class UnitCatalog
{
    private static readonly Dictionary<string, Unit> BySymbol = new(StringComparer.Ordinal);
    private static readonly List<Unit> AllUnits = new();

    private static readonly Dimension M = new(mass: 1), L = new(length: 1), T = new(time: 1),
        N = new(amount: 1), C = new(calendar: 1), BW = new(bodyWeight: 1), BSA = new(bodySurface: 1), U = new(activity: 1);
    private static readonly Dimension Volume = L * L * L;

    // Units of time, in seconds and months.
    private const double Minute = 60, Hour = 3600, Day = 86400, Week = 604800;

    /// <summary>The mean length of a Gregorian month in days (146,097 days in 4,800 months): a fraction of a month, or a month compared with days.</summary>
    public const double MeanMonthDays = 30.436875;

    static UnitCatalog()
    {
        // Mass
        Add("kg", "kilogram", M, 1);
        Add("g", "gram", M, 1e-3);
        Add("mg", "milligram", M, 1e-6);
        Add("ug", "microgram", M, 1e-9, "mcg", "µg");
        Add("ng", "nanogram", M, 1e-12);
        Add("pg", "picogram", M, 1e-15);
        Add("lb", "pound", M, 0.45359237, "lbs");
        Add("oz", "ounce", M, 0.028349523125);
        // Length and area
        Add("m", "metre", L, 1);
        Add("cm", "centimetre", L, 1e-2);
        Add("mm", "millimetre", L, 1e-3);
        Add("inch", "inch", L, 0.0254, "inches");
        Add("ft", "foot", L, 0.3048);
        Add("m2", "square metre", L * L, 1);
        // Volume
        Add("L", "litre", Volume, 1e-3);
        Add("dL", "decilitre", Volume, 1e-4);
        Add("mL", "millilitre", Volume, 1e-6);
        Add("uL", "microlitre", Volume, 1e-9, "µL");
        // Fixed durations
        Add("ms", "millisecond", T, 1e-3, "msec");
        Add("s", "second", T, 1, "sec", "second", "seconds");
        Add("min", "minute", T, Minute, "minute", "minutes");
        Add("h", "hour", T, Hour, "hour", "hours");
        Add("d", "day", T, Day, "day", "days");
        Add("wk", "week", T, Week, "week", "weeks");
        // Calendar durations
        Add("mo", "month", C, 1, "month", "months");
        Add("a", "year", C, 12, "year", "years");
        // Amount of substance
        Add("mol", "mole", N, 1);
        Add("mmol", "millimole", N, 1e-3);
        Add("umol", "micromole", N, 1e-6, "µmol");
        Add("nmol", "nanomole", N, 1e-9);
        Add("pmol", "picomole", N, 1e-12);
        // Concentrations (mass or amount per volume)
        Add("g/L", "gram per litre", M / Volume, 1);
        Add("g/dL", "gram per decilitre", M / Volume, 10);
        Add("mg/dL", "milligram per decilitre", M / Volume, 1e-2);
        Add("mg/L", "milligram per litre", M / Volume, 1e-3);
        Add("mg/mL", "milligram per millilitre", M / Volume, 1);
        Add("ug/dL", "microgram per decilitre", M / Volume, 1e-5, "mcg/dL", "µg/dL");
        Add("ug/mL", "microgram per millilitre", M / Volume, 1e-3, "mcg/mL", "µg/mL");
        Add("ug/L", "microgram per litre", M / Volume, 1e-6, "mcg/L", "µg/L");
        Add("ng/mL", "nanogram per millilitre", M / Volume, 1e-6);
        Add("ng/dL", "nanogram per decilitre", M / Volume, 1e-8);
        Add("ng/L", "nanogram per litre", M / Volume, 1e-9);
        Add("pg/mL", "picogram per millilitre", M / Volume, 1e-9);
        Add("mol/L", "mole per litre", N / Volume, 1e3);
        Add("mmol/L", "millimole per litre", N / Volume, 1);
        Add("umol/L", "micromole per litre", N / Volume, 1e-3, "µmol/L");
        Add("nmol/L", "nanomole per litre", N / Volume, 1e-6);
        Add("pmol/L", "picomole per litre", N / Volume, 1e-9);
        // Activity: enzyme units (1 U = 1 µmol/min of substrate) and international units of a reference standard. Within
        // one analyte U and IU are the same; both spellings are units of their own (a dose written in IU/kg shows as such),
        // and they convert only into each other, never into mass or amount.
        foreach (var (u, name) in new[] { ("U", "unit"), ("IU", "international unit") })
        {
            Add(u, name + " of activity", U, 1);
            Add("k" + u, "thousand " + name + "s of activity", U, 1e3);
            Add(u + "/L", name + " of activity per litre", U / Volume, 1e3);
            Add(u + "/mL", name + " of activity per millilitre", U / Volume, 1e6);
            Add("m" + u + "/L", "milli" + name + " of activity per litre", U / Volume, 1);
            Add("m" + u + "/mL", "milli" + name + " of activity per millilitre", U / Volume, 1e3);
            Add("k" + u + "/L", "thousand " + name + "s of activity per litre", U / Volume, 1e6);
            Add(u + "/kg", name + " of activity per kilogram of body weight", U / BW, 1);
            Add(u + "/m2", name + " of activity per square metre of body surface", U / BSA, 1);
            Add(u + "/d", name + " of activity per day", U / T, 1 / Day, u + "/day");
            Add(u + "/kg/d", name + " of activity per kilogram of body weight per day", U / BW / T, 1 / Day, u + "/kg/day");
        }
        // Cell counts per volume (counts are dimensionless)
        Add("10^9/L", "10^9 per litre", Dimension.None / Volume, 1e12, "10*9/L");
        Add("10^12/L", "10^12 per litre", Dimension.None / Volume, 1e15, "10*12/L");
        Add("/uL", "per microlitre", Dimension.None / Volume, 1e9, "/mm3", "cells/uL");
        // Doses: per body weight, per body surface area, rates
        Add("mg/kg", "milligram per kilogram of body weight", M / BW, 1e-6);
        Add("ug/kg", "microgram per kilogram of body weight", M / BW, 1e-9, "mcg/kg");
        Add("g/kg", "gram per kilogram of body weight", M / BW, 1e-3);
        Add("mg/m2", "milligram per square metre of body surface", M / BSA, 1e-6);
        Add("g/m2", "gram per square metre of body surface", M / BSA, 1e-3);
        Add("mg/d", "milligram per day", M / T, 1e-6 / Day, "mg/day");
        Add("g/d", "gram per day", M / T, 1e-3 / Day, "g/day");
        Add("ug/d", "microgram per day", M / T, 1e-9 / Day, "ug/day", "mcg/d", "mcg/day");
        Add("mg/kg/d", "milligram per kilogram of body weight per day", M / BW / T, 1e-6 / Day, "mg/kg/day");
        Add("mg/m2/d", "milligram per square metre of body surface per day", M / BSA / T, 1e-6 / Day, "mg/m2/day");
        Add("ug/kg/d", "microgram per kilogram of body weight per day", M / BW / T, 1e-9 / Day, "ug/kg/day", "mcg/kg/d", "mcg/kg/day");
        Add("g/m2/d", "gram per square metre of body surface per day", M / BSA / T, 1e-3 / Day, "g/m2/day");
        Add("AUC", "area under the curve (mg·min/mL)", M * T / Volume, 1e-6 * Minute / 1e-6, "mg.min/mL");
        // Rates and clinical measures
        Add("mL/min", "millilitre per minute", Volume / T, 1e-6 / Minute);
        Add("mL/min/1.73m2", "millilitre per minute per 1.73 m² of body surface", Volume / T / BSA, 1e-6 / Minute / 1.73);
        Add("/min", "per minute", Dimension.None / T, 1 / Minute, "bpm");
        Add("kg/m2", "kilogram per square metre (BMI)", M / (L * L), 1);
        Add("mmHg", "millimetre of mercury", M / L / (T * T), 133.322387415);
        Add("kPa", "kilopascal", M / L / (T * T), 1000);
        // Ratios: a mass of one substance per mass of another (an albumin-to-creatinine ratio), or per amount of another
        Add("mg/g", "milligram per gram", Dimension.None, 1e-3);
        Add("mg/mmol", "milligram per millimole", M / N, 1e-3);
        Add("%", "percent", Dimension.None, 0.01, "percent");
        Add("count", "count", Dimension.None, 1, "times");
    }

    private static void Add(string symbol, string name, Dimension dimension, double factor, params string[] aliases)
    {
        var unit = new Unit(symbol, name, dimension, factor);
        AllUnits.Add(unit);
        BySymbol.Add(symbol, unit);
        foreach (var alias in aliases) BySymbol.Add(alias, unit);
    }

    /// <summary>Every unit, in catalogue order.</summary>
    public static IReadOnlyList<Unit> All => AllUnits;

    /// <summary>Every spelling accepted for a unit, symbols and aliases.</summary>
    public static IEnumerable<string> Spellings => BySymbol.Keys;

    /// <summary>Finds a unit by its symbol or an alias; case-sensitive (<c>mL</c> is not <c>ML</c>).</summary>
    public static bool TryFind(string spelling, out Unit unit)
    {
        if (BySymbol.TryGetValue(spelling, out var found)) { unit = found; return true; }
        unit = null!;
        return false;
    }

    /// <summary>Finds a unit by its symbol or an alias.</summary>
    /// <exception cref="ArgumentException">No such unit.</exception>
    public static Unit Get(string spelling) =>
        TryFind(spelling, out var unit) ? unit : throw new ArgumentException($"Unknown unit '{spelling}'.", nameof(spelling));

    /// <summary>The coherent unit used to store durations of fixed length: the day.</summary>
    public static Unit Days => Get("d");
}
