using System.Collections.Generic;
using System.Linq;

namespace Picares.Dsl.Compiler.Diagnostics;

/// <summary>
/// Every diagnostic the PICARES.Dsl compiler reports. IDs are stable and never reused:
/// PIC0xxx text and syntax, PIC1xxx declarations and names, PIC2xxx types and units,
/// PIC3xxx schedule, PIC4xxx consistency of the protocol with itself, PIC9xxx internal. Each is documented in docs/diagnostics.md and
/// tracked in AnalyzerReleases.*.md.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Syntax = "PICARES.Syntax", Declarations = "PICARES.Declarations",
        Types = "PICARES.Types", Schedule = "PICARES.Schedule", Consistency = "PICARES.Consistency", Internal = "PICARES.Internal";

    // ---- PIC0xxx: text and syntax -------------------------------------------------------------
    /// <summary>PIC0001</summary>
    public static readonly DiagnosticDescriptor UnexpectedCharacter = new("PIC0001", "Unexpected character",
        "Unexpected character {0}{1}", Severity.Error, Syntax);
    /// <summary>PIC0002</summary>
    public static readonly DiagnosticDescriptor UnterminatedString = new("PIC0002", "Unterminated string",
        "This string is not closed; end it with '\"' on the same line", Severity.Error, Syntax);
    /// <summary>PIC0003</summary>
    public static readonly DiagnosticDescriptor InvalidEscape = new("PIC0003", "Invalid escape sequence",
        "Invalid escape sequence '{0}'; use \\\" \\\\ \\n \\t or \\u{{XXXX}}", Severity.Error, Syntax);
    /// <summary>PIC0004</summary>
    public static readonly DiagnosticDescriptor UnterminatedComment = new("PIC0004", "Unterminated comment",
        "This comment is not closed; end it with '*/'", Severity.Error, Syntax);
    /// <summary>PIC0005</summary>
    public static readonly DiagnosticDescriptor Expected = new("PIC0005", "Syntax error",
        "Expected {0} but found {1}", Severity.Error, Syntax);
    /// <summary>PIC0006</summary>
    public static readonly DiagnosticDescriptor UnclosedBlock = new("PIC0006", "Unclosed block",
        "This '{{' is never closed; add '}}' at the end of the {0} block", Severity.Error, Syntax);
    /// <summary>PIC0007</summary>
    public static readonly DiagnosticDescriptor UnexpectedCloseBrace = new("PIC0007", "Unmatched closing brace",
        "This '}}' closes no block; remove it or add the '{{' it belongs to", Severity.Error, Syntax);
    /// <summary>PIC0008</summary>
    public static readonly DiagnosticDescriptor InvalidNumber = new("PIC0008", "Invalid number",
        "'{0}' is not a usable number: write at most 30 digits with an optional decimal point, such as 40 or 2.5", Severity.Error, Syntax);
    /// <summary>PIC0009</summary>
    public static readonly DiagnosticDescriptor TooManyErrors = new("PIC0009", "Too many errors",
        "More than {0} errors in this file; fix the ones above and build again", Severity.Error, Syntax);

    // ---- PIC1xxx: declarations and names ------------------------------------------------------
    /// <summary>PIC1001</summary>
    public static readonly DiagnosticDescriptor UnknownDeclaration = new("PIC1001", "Unknown declaration",
        "Unknown declaration '{0}'; a protocol declares: {2}{1}", Severity.Error, Declarations);
    /// <summary>PIC1002</summary>
    public static readonly DiagnosticDescriptor UnknownStatement = new("PIC1002", "Unknown statement",
        "'{0}' is not a statement of {1}; it takes: {3}{2}", Severity.Error, Declarations);
    /// <summary>PIC1003</summary>
    public static readonly DiagnosticDescriptor BadArguments = new("PIC1003", "Wrong arguments",
        "'{0}' takes {1}; write it as: {2}", Severity.Error, Declarations);
    /// <summary>PIC1004</summary>
    public static readonly DiagnosticDescriptor DuplicateName = new("PIC1004", "Duplicate name",
        "'{1}' is already declared at line {2} ({0}); give this one another name", Severity.Error, Declarations);
    /// <summary>PIC1005</summary>
    public static readonly DiagnosticDescriptor UnknownName = new("PIC1005", "Unknown name",
        "Unknown {0} '{1}'{2}", Severity.Error, Declarations);
    /// <summary>PIC1006</summary>
    public static readonly DiagnosticDescriptor MissingStatement = new("PIC1006", "Missing statement",
        "{0} needs '{1}'; add it, for example: {2}", Severity.Error, Declarations);
    /// <summary>PIC1007</summary>
    public static readonly DiagnosticDescriptor RepeatedStatement = new("PIC1007", "Repeated statement",
        "'{0}' is already given in this {1} at line {2}; keep one", Severity.Error, Declarations);
    /// <summary>PIC1008</summary>
    public static readonly DiagnosticDescriptor UnknownValue = new("PIC1008", "Unknown value",
        "'{0}' is not a valid {1}; use one of: {3}{2}", Severity.Error, Declarations);
    /// <summary>PIC1009</summary>
    public static readonly DiagnosticDescriptor MissingStudy = new("PIC1009", "No study declaration",
        "This file declares no study; start it with: study <Name> {{ title \"...\" }}", Severity.Error, Declarations);
    /// <summary>PIC1010</summary>
    public static readonly DiagnosticDescriptor SecondStudy = new("PIC1010", "More than one study",
        "A protocol file declares one study, and '{0}' is already declared at line {1}; move this one to its own file", Severity.Error, Declarations);
    /// <summary>PIC1011</summary>
    public static readonly DiagnosticDescriptor CriterionWithoutRule = new("PIC1011", "Criterion without a rule",
        "Criterion {0} neither computes nor is attested; add 'when <condition>' or 'attested_by investigator'", Severity.Error, Declarations);
    /// <summary>PIC1012</summary>
    public static readonly DiagnosticDescriptor UnexpectedBlock = new("PIC1012", "Unexpected block",
        "'{0}' takes no {{ }} block; move its contents into the enclosing declaration", Severity.Error, Declarations);
    /// <summary>PIC1013</summary>
    public static readonly DiagnosticDescriptor UnknownAnnotation = new("PIC1013", "Unknown annotation",
        "Unknown annotation '@{0}'; the only annotation is @assumed \"why this is assumed\"", Severity.Error, Declarations);
    /// <summary>PIC1014</summary>
    public static readonly DiagnosticDescriptor AssumptionWithoutReason = new("PIC1014", "Assumption without a reason",
        "@assumed needs the reason in quotes, such as @assumed \"standard dosing; not in the registry record\"", Severity.Error, Declarations);
    /// <summary>PIC1015</summary>
    public static readonly DiagnosticDescriptor CriterionIdPrefix = new("PIC1015", "Criterion id does not match its category",
        "{0} criterion '{1}' should be numbered with '{2}' (such as {2}1) so the id tells its category", Severity.Warning, Declarations);
    /// <summary>PIC1017</summary>
    public static readonly DiagnosticDescriptor CSharpNameCollision = new("PIC1017", "Names collide in the generated C#",
        "'{0}' and '{1}' (line {2}) both become the C# name {3}; rename one of them", Severity.Error, Declarations);
    /// <summary>PIC1016</summary>
    public static readonly DiagnosticDescriptor EmptyText = new("PIC1016", "Empty text",
        "{0} must not be empty; write the text as it stands in the protocol", Severity.Error, Declarations);
    /// <summary>
    /// PIC1018: the MSBuild property PicaresProtocolNamespace is not a C# namespace. Reported by the generator, which
    /// checks the name with Roslyn, once per build and at no location; the code is then generated in the default
    /// namespace (<c>{2}</c>).
    /// </summary>
    public static readonly DiagnosticDescriptor InvalidNamespaceOption = new("PIC1018", "Invalid namespace for the generated C#",
        "PicaresProtocolNamespace '{0}' is not a C# namespace: {1}; set it to C# identifiers separated by dots, such as Company.Trials.Protocols, or remove it; the code is generated in {2} meanwhile",
        Severity.Error, Declarations);

    // ---- PIC2xxx: types and units -------------------------------------------------------------
    /// <summary>PIC2001</summary>
    public static readonly DiagnosticDescriptor UnknownUnit = new("PIC2001", "Unknown unit",
        "Unknown unit '{0}': units are case-sensitive, such as kg, mg/m2, mL, days, weeks, months{1}", Severity.Error, Types);
    /// <summary>PIC2002</summary>
    public static readonly DiagnosticDescriptor IncompatibleDimensions = new("PIC2002", "Incompatible units",
        "Cannot {0} {1} and {2}: their units measure different things; give both in units of the same kind", Severity.Error, Types);
    /// <summary>PIC2003</summary>
    public static readonly DiagnosticDescriptor CalendarVersusFixed = new("PIC2003", "Calendar and fixed durations mixed",
        "Cannot {0} a calendar duration ({1}) with a fixed one ({2}): a month is not a fixed number of days; use days or weeks on both sides, or compare dates", Severity.Error, Types);
    /// <summary>PIC2004</summary>
    public static readonly DiagnosticDescriptor BadOperands = new("PIC2004", "Operator not applicable",
        "Operator '{0}' cannot be applied to {1} and {2}{3}", Severity.Error, Types);
    /// <summary>PIC2005</summary>
    public static readonly DiagnosticDescriptor WrongType = new("PIC2005", "Wrong type",
        "Expected {0} here, but this is {1}{2}", Severity.Error, Types);
    /// <summary>PIC2006</summary>
    public static readonly DiagnosticDescriptor MissingUnit = new("PIC2006", "Missing unit",
        "This number needs a unit: it stands for {0}; write it as, for example, {1} {2}", Severity.Error, Types);
    /// <summary>PIC2007</summary>
    public static readonly DiagnosticDescriptor UnknownCode = new("PIC2007", "Unknown code",
        "'{0}' is not a code of code list {1}; its codes are: {3}{2}", Severity.Error, Types);
    /// <summary>PIC2008</summary>
    public static readonly DiagnosticDescriptor UnknownFunction = new("PIC2008", "Unknown function",
        "Unknown function '{0}'; the functions are: {2}{1}", Severity.Error, Types);
    /// <summary>PIC2009</summary>
    public static readonly DiagnosticDescriptor InvertedRange = new("PIC2009", "Inverted range",
        "The range {0}..{1} is empty: its lower bound is above its upper bound; swap them", Severity.Error, Types);
    /// <summary>PIC2010</summary>
    public static readonly DiagnosticDescriptor WrongArity = new("PIC2010", "Wrong number of arguments",
        "{0} takes {1} argument(s) but is given {2}", Severity.Error, Types);
    /// <summary>PIC2011</summary>
    public static readonly DiagnosticDescriptor UnitNotAllowedHere = new("PIC2011", "Unit not allowed",
        "'{0}' takes a {1}, but '{2}' measures {3}; {4}", Severity.Error, Types);
    /// <summary>PIC2012</summary>
    public static readonly DiagnosticDescriptor EndpointDataMissingRole = new("PIC2012", "Endpoint data lack a field its kind needs",
        "Endpoint {0} ({1}) needs {2} among its data, such as 'data {3}'", Severity.Error, Types);
    /// <summary>PIC2013</summary>
    public static readonly DiagnosticDescriptor NotRecistCoded = new("PIC2013", "Response field not coded as RECIST 1.1",
        "{0} is coded with code list {1}, which lacks the RECIST 1.1 codes {2}: endpoint {3} derives a best overall response and needs a field coded CR, PR, SD, PD and NE", Severity.Error, Types);
    /// <summary>PIC2014</summary>
    public static readonly DiagnosticDescriptor EndpointRecordWithoutDate = new("PIC2014", "Endpoint record without a date",
        "Endpoint {0} needs the date of each {1} record, but form {1} has {2}; {3}", Severity.Error, Types);
    /// <summary>PIC2015</summary>
    public static readonly DiagnosticDescriptor EndpointNotDerivable = new("PIC2015", "Endpoint event or censoring not derivable",
        "Endpoint {0} cannot derive {1} from its data: {2}", Severity.Error, Types);
    /// <summary>PIC2016</summary>
    public static readonly DiagnosticDescriptor EndpointRoleAmbiguous = new("PIC2016", "Several fields for one endpoint role",
        "{0} and {1} could both be the {2} of endpoint {3}; list only one of them among its data", Severity.Error, Types);

    // ---- PIC3xxx: schedule --------------------------------------------------------------------
    /// <summary>PIC3001</summary>
    public static readonly DiagnosticDescriptor DayZero = new("PIC3001", "Day 0 does not exist",
        "There is no study day 0: Day 1 is the anchor date and the day before it is Day -1; use day 1 or day -1", Severity.Error, Schedule);
    /// <summary>PIC3002</summary>
    public static readonly DiagnosticDescriptor BadWindow = new("PIC3002", "Window does not contain the nominal day",
        "The window {0}..{1} must run from zero or earlier to zero or later around the nominal day, such as -3..+3 days", Severity.Error, Schedule);
    /// <summary>PIC3003</summary>
    public static readonly DiagnosticDescriptor UnboundedRepeat = new("PIC3003", "Repeating visit never stops",
        "Visit {0} repeats with no end; add 'until <event>', 'max <count>' or both", Severity.Error, Schedule);
    /// <summary>PIC3004</summary>
    public static readonly DiagnosticDescriptor WindowWiderThanInterval = new("PIC3004", "Window wider than the repeat interval",
        "The window of {0} spans {1} days but the visit repeats every {2} days, so consecutive windows overlap; narrow the window", Severity.Error, Schedule);
    /// <summary>PIC3005</summary>
    public static readonly DiagnosticDescriptor OverlappingWindows = new("PIC3005", "Overlapping visit windows",
        "The window of {0} (days {1}..{2}) overlaps the window of {3} (days {4}..{5}) on the same anchor; narrow one of them", Severity.Warning, Schedule);
    /// <summary>PIC3006</summary>
    public static readonly DiagnosticDescriptor VisitWithoutTiming = new("PIC3006", "Visit without timing",
        "Visit {0} has no timing; add 'day <n>', 'every <duration>', 'at <anchor> + <duration>' or 'unscheduled'", Severity.Error, Schedule);

    // ---- PIC4xxx: consistency of the protocol with itself ------------------------------------
    /// <summary>PIC4001</summary>
    public static readonly DiagnosticDescriptor CriterionDataTooLate = new("PIC4001", "Criterion reads data not collected before the eligibility decision",
        "{0} reads {1}, but {2}; the eligibility decision is made on {3}. Add 'collect {4}' to a visit on or before that day, such as the screening visit", Severity.Error, Consistency);
    /// <summary>PIC4002</summary>
    public static readonly DiagnosticDescriptor EndpointDataOutsideTimeFrame = new("PIC4002", "Endpoint data not collected in its time frame",
        "Endpoint {0} reads {1}, but {2}; collect {3} at a scheduled visit on or after {4}", Severity.Error, Consistency);
    /// <summary>PIC4003</summary>
    public static readonly DiagnosticDescriptor EndpointEventNotFollowed = new("PIC4003", "Endpoint event not followed up",
        "Endpoint {0} ends at {1}, but {2} is collected only at visits that stop before it ({3}), so the event goes unobserved; collect {2} at a repeating visit that runs until {1}, such as a survival follow-up{4}", Severity.Warning, Consistency);
    /// <summary>PIC4004</summary>
    public static readonly DiagnosticDescriptor NobodyEligible = new("PIC4004", "No subject can be eligible",
        "No subject can be eligible: {0}; correct the bound of one of them", Severity.Error, Consistency);
    /// <summary>PIC4005</summary>
    public static readonly DiagnosticDescriptor ImpliedCriterion = new("PIC4005", "Criterion implied by others",
        "{0} checks nothing: every subject who meets {1} also meets it ({2}); remove it or correct its bound", Severity.Warning, Consistency);
    /// <summary>PIC4006</summary>
    public static readonly DiagnosticDescriptor ExclusionNeverApplies = new("PIC4006", "Exclusion never applies",
        "{0} can never exclude anyone the other rules admit: it needs {1}, but {2} {3}; remove it or correct its bound", Severity.Warning, Consistency);
    /// <summary>PIC4007</summary>
    public static readonly DiagnosticDescriptor AgeCriterionDisagrees = new("PIC4007", "Age criterion disagrees with the population",
        "{0} bounds the age ({1}) differently from the population's age {2} (line {3}); state the age range once, in 'population', or make them agree", Severity.Warning, Consistency);
    /// <summary>PIC4008</summary>
    public static readonly DiagnosticDescriptor EnrollmentDoesNotFitArms = new("PIC4008", "Enrollment does not fit the arms",
        "Enrollment {0} {1}; {2}", Severity.Warning, Consistency);
    /// <summary>PIC4009</summary>
    public static readonly DiagnosticDescriptor AllocationDoesNotFitArms = new("PIC4009", "Design does not fit the arms",
        "{0}; {1}", Severity.Error, Consistency);
    /// <summary>PIC4010</summary>
    public static readonly DiagnosticDescriptor SoftLimitOutsideHardLimit = new("PIC4010", "Soft limit outside the hard limit",
        "The soft limit {0} of {1} reaches outside its hard limit {2}, so values that must be rejected would only be queried; keep the soft limit within {2}", Severity.Error, Consistency);
    /// <summary>PIC4011</summary>
    public static readonly DiagnosticDescriptor FormNeverCollected = new("PIC4011", "Form never collected",
        "Form {0} is collected at no visit; add 'collect {0}' to the visits that fill it, or remove it", Severity.Warning, Consistency);
    /// <summary>PIC4012</summary>
    public static readonly DiagnosticDescriptor FieldNeverRead = new("PIC4012", "Field never read",
        "Field {0} is read by no criterion, endpoint, condition or randomization; make sure the protocol needs it, or remove it", Severity.Info, Consistency);
    /// <summary>PIC4013</summary>
    public static readonly DiagnosticDescriptor CodeListNeverUsed = new("PIC4013", "Code list never used",
        "Code list {0} is the type of no field; use it in a field ('field <name> code {0}') or remove it", Severity.Warning, Consistency);
    /// <summary>PIC4014</summary>
    public static readonly DiagnosticDescriptor VisitDoesNothing = new("PIC4014", "Visit collects nothing",
        "Visit {0} collects no form and lists no activity; add 'collect <Form>' or 'activity \"...\"', or remove it", Severity.Warning, Consistency);
    /// <summary>PIC4015</summary>
    public static readonly DiagnosticDescriptor VisitNeverHappens = new("PIC4015", "Visit can never happen",
        "Visit {0} can never happen: {1}; {2}", Severity.Error, Consistency);
    /// <summary>PIC4016</summary>
    public static readonly DiagnosticDescriptor TimelineCycle = new("PIC4016", "Timeline order in a cycle",
        "The timeline order is circular: {0}; remove one of these 'follows' clauses", Severity.Error, Consistency);
    /// <summary>PIC4018</summary>
    public static readonly DiagnosticDescriptor DateAfterEligibilityDecision = new("PIC4018", "Criterion reads a date not known at the eligibility decision",
        "{0} reads the date of {1}, which the timeline orders at or after the eligibility decision on {2}, so it may not be known when eligibility is decided; measure from {3} or an earlier anchor, or decide eligibility later with 'eligibility_at'", Severity.Warning, Consistency);
    /// <summary>PIC4019</summary>
    public static readonly DiagnosticDescriptor StableDiseaseMinimumTooLong = new("PIC4019", "Stable disease minimum longer than the first assessment allows",
        "Endpoint {0} counts stable disease only from {1} days after {2}, but visit {3} may assess {4} {5} days after {2} (day {6} from {2}), inside its window; stable disease read that early would be NE; use 'stable_disease_minimum {5} days' or less, or narrow the visit's window", Severity.Warning, Consistency);
    /// <summary>PIC4020</summary>
    public static readonly DiagnosticDescriptor AssessmentGapShorterThanSchedule = new("PIC4020", "Gap for censoring shorter than the assessment schedule",
        "Endpoint {0} censors an event more than {1} days after the last adequate assessment or the start, but at visit {2}, which collects {3}, {4}; an event found on time would be censored; use at least {5} days: 'censor_after_gap {6} days' also lets one missed assessment pass", Severity.Warning, Consistency);
    /// <summary>PIC4021</summary>
    public static readonly DiagnosticDescriptor StratumDataTooLate = new("PIC4021", "Stratification factor not collected before randomization",
        "Randomization stratifies by {0}, but {1}; a subject is randomized by study day 1 ({2}) at the latest. Add 'collect {3}' to a visit on or before that day, such as the screening visit", Severity.Warning, Consistency);
    /// <summary>PIC4022</summary>
    public static readonly DiagnosticDescriptor SameDayCollection = new("PIC4022", "Form collected twice on one day",
        "Occurrence {1} of visit {0} ({2}) falls {3}, and both collect {4}: a subject would fill {4} twice that day; {5}", Severity.Warning, Consistency);
    /// <summary>PIC4023</summary>
    public static readonly DiagnosticDescriptor CriterionReadsUnaskedField = new("PIC4023", "Criterion reads a field not always asked",
        "Criterion {0} reads {1}, which is asked only when {2}: for a subject it is not asked of, the value stays missing and the criterion unknown, so the subject stays pending; say what holds without it: {3}", Severity.Warning, Consistency);
    /// <summary>PIC4024</summary>
    public static readonly DiagnosticDescriptor FieldsAskedInACircle = new("PIC4024", "Fields asked only when each other is answered",
        "Fields {0} are each asked only when another of them is answered ({1}), so none is ever asked; make one of the conditions read a field asked unconditionally", Severity.Warning, Consistency);
    /// <summary>PIC4025</summary>
    public static readonly DiagnosticDescriptor CriterionReadsRepeatingForm = new("PIC4025", "Criterion reads a repeating form",
        "Criterion {0} reads {1}, a field of the repeating form {2}, which holds a value per record: which record decides cannot be told, so the screening input taken from the CRF data leaves it missing and the criterion stays unknown; collect the value for eligibility on a form that does not repeat (a screening form), and read it from there", Severity.Warning, Consistency);
    /// <summary>PIC4026</summary>
    public static readonly DiagnosticDescriptor SingleRecordFormCollectedRepeatedly = new("PIC4026", "Form of one record collected repeatedly",
        "Form {0} holds one record per subject, but {1}: each new record replaces the last, and whatever reads the form sees only the latest; collect it at one visit, and give the others a repeating form of their own (a record per visit), or, if nothing reads it for eligibility, mark it 'repeating'", Severity.Warning, Consistency);
    /// <summary>PIC4017</summary>
    public static readonly DiagnosticDescriptor DeathNotTerminal = new("PIC4017", "Death is not a terminal event",
        "Event {0} is not marked terminal, so visit {1} is still planned for a subject after it; {2}", Severity.Warning, Consistency);

    // ---- PIC9xxx: internal --------------------------------------------------------------------
    /// <summary>PIC9999</summary>
    public static readonly DiagnosticDescriptor InternalError = new("PIC9999", "Internal compiler error",
        "The PICARES.Dsl compiler failed on this file ({0}); please report it with the file attached", Severity.Error, Internal);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById =
        typeof(DiagnosticDescriptors).GetFields()
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToDictionary(d => d.Id);

    /// <summary>Every descriptor, ordered by ID.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = ById.Values.OrderBy(d => d.Id, System.StringComparer.Ordinal).ToList();

    /// <summary>The descriptor with this ID.</summary>
    public static DiagnosticDescriptor Get(string id) => ById[id];
}
