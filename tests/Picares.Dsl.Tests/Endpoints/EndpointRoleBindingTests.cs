using System.Linq;
using Picares.Dsl.Compiler;
using Picares.Dsl.Tests.Infrastructure;
using Xunit;

namespace Picares.Dsl.Tests.Endpoints;

/// <summary>The binder gives each data field of a derived endpoint its part, by type, and reports what is missing.</summary>
public class EndpointRoleBindingTests
{
    private static string[] Roles(string endpoint) =>
        ProtocolCompiler.Compile(Repository.Picares).Model!.Endpoints.Single(e => e.Name == endpoint).Roles
            .Select(r => $"{r.Role}={r.Form}.{r.Field}").ToArray();

    [Fact]
    public void Picares_endpoints_get_their_roles()
    {
        Assert.Equal(new[] { "grade=AdverseEvents.grade", "term=AdverseEvents.term", "onset=AdverseEvents.onset_date" }, Roles("Safety"));
        Assert.Equal(new[] { "response=TumorAssessment.overall_response", "response_date=TumorAssessment.assessment_date" }, Roles("ORR"));
        Assert.Equal(new[]
        {
            "response=TumorAssessment.overall_response", "response_date=TumorAssessment.assessment_date",
            "status=SurvivalStatus.vital_status", "death_date=SurvivalStatus.death_date", "status_date=SurvivalStatus.contact_date",
            "new_therapy=SubsequentTherapy.start_date",
        }, Roles("PFS"));
        Assert.Equal(new[] { "status=SurvivalStatus.vital_status", "death_date=SurvivalStatus.death_date", "status_date=SurvivalStatus.contact_date" }, Roles("OS"));
        Assert.Empty(Roles("PdL1Correlation")); // correlations are not derived
    }

    [Fact]
    public void Pfs_without_survival_data_cannot_derive_death()
    {
        var text = Repository.Picares.Replace(
            "data TumorAssessment.assessment_date, TumorAssessment.overall_response, SurvivalStatus.vital_status, SurvivalStatus.death_date",
            "data TumorAssessment.assessment_date, TumorAssessment.overall_response");
        Assert.NotEqual(Repository.Picares, text);
        var diagnostic = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics, d => d.Id.StartsWith("PIC20", System.StringComparison.Ordinal));
        Assert.Equal("PIC2015", diagnostic.Id);
        Assert.Contains("event 'death'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_survival_form_whose_only_date_is_the_date_of_death_is_told_so()
    {
        var text = Repository.Picares.Replace("  field contact_date date required \"Date of contact\"\n", "");
        Assert.NotEqual(Repository.Picares, text);
        var diagnostic = Assert.Single(ProtocolCompiler.Compile(text).Diagnostics, d => d.Id == "PIC2014" && d.Message.StartsWith("Endpoint OS ", System.StringComparison.Ordinal));
        Assert.Equal("Endpoint OS needs the date of each SurvivalStatus record, but form SurvivalStatus has no date field but SurvivalStatus.death_date " +
            "(the date of death); add a date field that dates each record to the form and list it among the endpoint's data", diagnostic.Message);
    }

    [Fact]
    public void The_listed_date_of_a_form_with_several_dates_dates_its_records()
    {
        string Protocol(string data) => TestProtocols.With(
            "codelist Recist { code CR \"a\"; code PR \"b\"; code SD \"c\"; code PD \"d\"; code NE \"e\"; code NA \"n/a\" }\n" +
            "form Tumor { repeating; field scan date; field read date; field response code Recist }\nvisit Scan { every 6 weeks from first_dose; max 4; collect Tumor }\n" +
            $"endpoint A primary \"a\" {{ kind objective_response; data {data} }}\n");
        var model = ProtocolCompiler.Compile(Protocol("Tumor.read, Tumor.response")).Model;
        Assert.NotNull(model);
        Assert.Contains(model!.Endpoints.Single(e => e.Name == "A").Roles, r => r.Role == "response_date" && r.Field == "read");
        Assert.Contains(ProtocolCompiler.Compile(Protocol("Tumor.read, Tumor.response, Tumor.scan")).Diagnostics, d => d.Id == "PIC2016");
        Assert.Contains(ProtocolCompiler.Compile(Protocol("Tumor.response")).Diagnostics, d => d.Id == "PIC2014");
    }
}
