using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Picares.Dsl.Runtime.Serialization;
using Picares.Dsl.Runtime.Units;
using Xunit;
using Crf = Picares.Protocols.PicaresProtocol.Crf;

namespace Picares.Dsl.Tests.Serialization;

// These tests serialize forms that fail their edit checks on purpose: JSON keeps every value, valid or not.
#pragma warning disable PIC5003

/// <summary>Every PICARES form, code list, the case book and subjects go through the generated JSON context and come back equal.</summary>
public class CrfJsonRoundTripTests
{
    /// <summary>A case book with every field of every form filled, and two occurrences of each repeating form.</summary>
    internal static Crf.CaseBook FullCaseBook()
    {
        var book = new Crf.CaseBook();
        foreach (var property in typeof(Crf.CaseBook).GetProperties())
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>))
            {
                var list = (IList)property.GetValue(book)!;
                for (var i = 0; i < 2; i++) list.Add(Fill(Activator.CreateInstance(property.PropertyType.GetGenericArguments()[0])!, i));
            }
            else property.SetValue(book, Fill(Activator.CreateInstance(property.PropertyType)!, 0));
        }
        return book;
    }

    /// <summary>Sets every property to a value that differs by <paramref name="seed"/>: the last code of a list, dates with and without a time.</summary>
    private static object Fill(object form, int seed)
    {
        foreach (var p in form.GetType().GetProperties().Where(p => p.CanWrite))
        {
            var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            object value = type == typeof(string) ? $"text \"{seed}\" é 中文 \n"
                : type == typeof(int) ? 3 + seed
                : type == typeof(double) ? 0.125 + seed
                : type == typeof(bool) ? seed == 0
                : type == typeof(DateTime) ? new DateTime(2026, 1, 5 + seed, seed == 0 ? 0 : 9, seed == 0 ? 0 : 30, 0)
                : type == typeof(Quantity) ? new Quantity(12.5 + seed, UnitCatalog.All.First(u => u.IsCompatibleWith(DeclaredUnit(form, p))))
                : type.IsEnum ? Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1 - seed % Enum.GetValues(type).Length)!
                : throw new InvalidOperationException("No test value for " + type);
            p.SetValue(form, value);
        }
        return form;
    }

    private static Unit DeclaredUnit(object form, PropertyInfo property)
    {
        var info = Picares.Protocols.PicaresProtocol.Forms.All.Single(f => Picares.Dsl.Compiler.Emit.CSharp.Identifier(f.Name) == form.GetType().Name);
        return UnitCatalog.Get(info.Fields.Single(f => Picares.Dsl.Compiler.Emit.CSharp.Identifier(f.Name) == property.Name).Unit!);
    }

    /// <summary>Every public property of two models, compared deeply.</summary>
    internal static void AssertSameData(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected} vs {actual}");
            return;
        }
        var type = expected.GetType();
        Assert.Equal(type, actual.GetType());
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateTime))
            Assert.True(Equals(expected, actual), $"{path}: {expected} vs {actual}");
        else if (expected is Quantity q)
        {
            var r = (Quantity)actual;
            Assert.True(q.Value.Equals(r.Value) && q.Unit.Equals(r.Unit), $"{path}: {q} vs {r}"); // the same number in the same unit
        }
        else if (expected is IList list)
        {
            var other = (IList)actual;
            Assert.True(list.Count == other.Count, $"{path}: {list.Count} vs {other.Count} items");
            for (var i = 0; i < list.Count; i++) AssertSameData(list[i], other[i], $"{path}[{i}]");
        }
        else
            foreach (var p in type.GetProperties()) AssertSameData(p.GetValue(expected), p.GetValue(actual), path + "." + p.Name);
    }

    [Fact]
    public void The_full_case_book_fills_every_field_of_every_form()
    {
        var book = FullCaseBook();
        var forms = typeof(Crf.CaseBook).GetProperties().ToList();
        Assert.Equal(Picares.Protocols.PicaresProtocol.Forms.All.Count, forms.Count);
        foreach (var property in forms)
        {
            var value = property.GetValue(book)!;
            foreach (var form in value is IList list ? list.Cast<object>() : new[] { value })
                Assert.All(form.GetType().GetProperties(), p => Assert.NotNull(p.GetValue(form)));
        }
    }

    [Fact]
    public void The_case_book_round_trips_through_JsonSerializer_and_the_generated_context()
    {
        var book = FullCaseBook();
        var json = JsonSerializer.Serialize(book, Crf.Json.Default.CaseBook);
        var back = JsonSerializer.Deserialize(json, Crf.Json.Default.CaseBook);
        AssertSameData(book, back);
        Assert.Equal(json, JsonSerializer.Serialize(back!, Crf.Json.Default.CaseBook));

        var collected = CrfJson.Read(json, Crf.Json.Default.CaseBook);
        Assert.Empty(collected.Problems);
        AssertSameData(book, collected.Value);
    }

    [Fact]
    public void Every_form_round_trips_through_its_own_type_info()
    {
        var book = FullCaseBook();
        var context = Crf.Json.Default;
        foreach (var property in typeof(Crf.CaseBook).GetProperties())
        {
            var value = property.GetValue(book)!;
            var form = value is IList list ? list[1]! : value;
            var typeInfo = (JsonTypeInfo)typeof(Crf.Json).GetProperty(form.GetType().Name)!.GetValue(context)!;
            Assert.Equal(form.GetType(), typeInfo.Type);
            var json = JsonSerializer.Serialize(form, typeInfo);
            AssertSameData(form, JsonSerializer.Deserialize(json, typeInfo));
        }
    }

    [Fact]
    public void Every_code_of_every_code_list_is_written_as_the_protocol_code_and_read_back()
    {
        var context = Crf.Json.Default;
        var lists = Picares.Protocols.PicaresProtocol.CodeLists.All;
        Assert.NotEmpty(lists);
        foreach (var list in lists)
        {
            var enumType = typeof(Crf).GetNestedType(Picares.Dsl.Compiler.Emit.CSharp.Identifier(list.Name))!;
            var typeInfo = (JsonTypeInfo)typeof(Crf.Json).GetProperty(enumType.Name)!.GetValue(context)!;
            var values = Enum.GetValues(enumType);
            Assert.Equal(list.Codes.Count, values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                var json = JsonSerializer.Serialize(values.GetValue(i), typeInfo);
                Assert.Equal(JsonSerializer.Serialize(list.Codes[i].Code), json);
                Assert.Equal(values.GetValue(i), JsonSerializer.Deserialize(json, typeInfo));
            }
        }
    }

    [Fact]
    public void Json_uses_protocol_names_codes_iso_dates_and_quantities_with_units()
    {
        var book = new Crf.CaseBook { Vitals = new Crf.Vitals { Weight = new Quantity(154.3, "lb") }, Baseline = new Crf.Baseline { Ecog = Crf.Ecog._1 } };
        book.TumorAssessment.Add(new Crf.TumorAssessment { AssessmentDate = new DateTime(2026, 2, 16), OverallResponse = Crf.Response.PR });
        book.Surgery = new Crf.Surgery { MajorSurgery = true, MajorSurgeryEnd = new DateTime(2026, 1, 2, 14, 30, 0) };
        var json = JsonSerializer.Serialize(book, Crf.Json.Default.CaseBook);
        Assert.Contains("\"Vitals\":{\"weight\":{\"value\":154.3,\"unit\":\"lb\"}}", json, StringComparison.Ordinal);
        Assert.Contains("\"Baseline\":{\"ecog\":\"1\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"TumorAssessment\":[{\"assessment_date\":\"2026-02-16\",\"overall_response\":\"PR\"}]", json, StringComparison.Ordinal);
        Assert.Contains("\"major_surgery_end\":\"2026-01-02T14:30:00\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("AdverseEvents", json, StringComparison.Ordinal); // empty forms are omitted
    }

    [Fact]
    public void Subjects_round_trip_with_anchor_dates()
    {
        var subject = new Crf.Subject { Id = "PIC-001" };
        subject.Anchors.FirstDose = new DateTime(2026, 1, 5);
        subject.Anchors.Consent = new DateTime(2025, 12, 20);
        subject.Forms.AdverseEvents.Add(new Crf.AdverseEvents { Term = "Rash", Grade = 2, OnsetDate = new DateTime(2026, 2, 1), Related = true });
        var subjects = new List<Crf.Subject> { subject, new Crf.Subject { Id = "PIC-002" } };
        var json = JsonSerializer.Serialize(subjects, Crf.Json.Default.Subjects);
        Assert.Contains("\"anchors\":{\"consent\":\"2025-12-20\",\"first_dose\":\"2026-01-05\"}", json, StringComparison.Ordinal);
        AssertSameData(subjects, JsonSerializer.Deserialize(json, Crf.Json.Default.Subjects));
    }

    [Fact]
    public void The_context_resolves_only_its_own_types_and_combines_with_other_resolvers()
    {
        Assert.Null(Crf.Json.Default.GetTypeInfo(typeof(string)));   // no fallback to reflection
        Assert.NotNull(Crf.Json.Default.GetTypeInfo(typeof(Crf.CaseBook)));

        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(Crf.Json.Default, new DefaultJsonTypeInfoResolver()) };
        var byId = new Dictionary<string, Crf.CaseBook> { ["PIC-001"] = FullCaseBook() };
        var json = JsonSerializer.Serialize(byId, options);
        AssertSameData(byId["PIC-001"], JsonSerializer.Deserialize<Dictionary<string, Crf.CaseBook>>(json, options)!["PIC-001"]);
    }

    [Fact]
    public void Values_json_cannot_hold_or_that_are_not_codes_are_not_written()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new Crf.Baseline { Ecog = (Crf.Ecog)42 }, Crf.Json.Default.Baseline));
        Assert.ThrowsAny<Exception>(() => JsonSerializer.Serialize(new Crf.Biospecimens { Tmb = double.NaN }, Crf.Json.Default.Biospecimens));
    }
}
