using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Commissioning.Domain.Plans;

// One descriptor tree for the plan document: PlanParser validates against it and PlanSchema writes
// the published JSON Schema from it. A test proves it agrees with the C# records member by member,
// so the model, the validator and the schema cannot drift apart.

/// <summary>What a JSON value in a plan must look like. <see cref="Description"/> is plain English for the schema.</summary>
public abstract class Shape(string description)
{
    public string Description { get; } = description;
}

/// <summary>A JSON object with known fields; any other field is an error (docs/decisions/0003).</summary>
public sealed class ObjectShape : Shape
{
    internal ObjectShape(Type modelType, string description, Field[] fields, ObjectRule[] rules) : base(description)
    {
        if (fields.Length > 64) throw new ArgumentException("An object shape tracks its fields in a 64-bit mask.", nameof(fields));
        ModelType = modelType;
        Fields = fields;
        Rules = rules;
    }

    /// <summary>The record this object is read into.</summary>
    public Type ModelType { get; }
    public IReadOnlyList<Field> Fields { get; }

    /// <summary>Checks across fields that a JSON Schema cannot express; the service applies them, the schema only describes them.</summary>
    public IReadOnlyList<ObjectRule> Rules { get; }
}

/// <summary>A named field of an object. Missing (or <c>null</c>) optional fields are never errors.</summary>
public sealed class Field(string name, Shape shape, bool required)
{
    public string Name { get; } = name;
    public Shape Shape { get; } = shape;
    public bool Required { get; } = required;
    internal byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);
}

/// <summary>A semantic check over a whole object, outside the JSON Schema. <c>Check</c> returns a problem message or null.</summary>
public sealed class ObjectRule(string explanation, Func<JsonElement, string?> check)
{
    public string Explanation { get; } = explanation;
    public Func<JsonElement, string?> Check { get; } = check;
}

/// <summary>A string; length is counted in Unicode code points, as JSON Schema counts it.</summary>
public sealed class StringShape : Shape
{
    internal StringShape(string description, int minLength, int maxLength, string? pattern, string? patternHint, string? constant)
        : base(description)
    {
        MinLength = minLength;
        MaxLength = maxLength;
        Pattern = pattern;
        PatternHint = patternHint;
        Constant = constant;
        if (pattern is not null)
            PatternRegex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public int MinLength { get; }
    public int MaxLength { get; }
    /// <summary>An ECMA-262 regular expression (anchored) the whole string must match.</summary>
    public string? Pattern { get; }
    /// <summary>What the pattern means, in words, e.g. "a GSS code such as E07000243".</summary>
    public string? PatternHint { get; }
    /// <summary>The only value allowed, when there is one (schemaVersion).</summary>
    public string? Constant { get; }
    internal Regex? PatternRegex { get; }
}

/// <summary>One of a fixed set of words, taken from the enum's <see cref="JsonStringEnumMemberNameAttribute"/>s.</summary>
public sealed class EnumShape : Shape
{
    internal EnumShape(Type enumType, string description) : base(description)
    {
        EnumType = enumType;
        Words = WordsOf(enumType);
        Utf8Words = [.. Words.Select(Encoding.UTF8.GetBytes)];
        OneOfMessage = "must be one of " + string.Join(", ", Words);
    }

    public Type EnumType { get; }
    public IReadOnlyList<string> Words { get; }
    internal byte[][] Utf8Words { get; }
    internal string OneOfMessage { get; }

    /// <summary>The contract words of an enum, in declaration order; a member without a word is a programming error.</summary>
    public static IReadOnlyList<string> WordsOf(Type enumType) =>
        [.. enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{enumType.Name}.{f.Name} has no JsonStringEnumMemberName."))];
}

/// <summary>A number within bounds; <see cref="WholeNumber"/> for days, months and counts.</summary>
public sealed class NumberShape(string description, decimal minimum, decimal maximum, bool wholeNumber) : Shape(description)
{
    public decimal Minimum { get; } = minimum;
    public decimal Maximum { get; } = maximum;
    public bool WholeNumber { get; } = wholeNumber;
}

public sealed class BooleanShape(string description) : Shape(description);

/// <summary>A calendar date written yyyy-MM-dd, within <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
public sealed class DateShape(string description) : Shape(description)
{
    public DateOnly Earliest { get; } = new(2000, 1, 1);
    public DateOnly Latest { get; } = new(2100, 12, 31);
    /// <summary>The ECMA-262 pattern for the year range, so the schema states it too.</summary>
    public string Pattern => "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$";
}

/// <summary>A list of at most <see cref="MaxItems"/> items, each of shape <see cref="Items"/>.</summary>
public sealed class ArrayShape(string description, Shape items, int maxItems) : Shape(description)
{
    public Shape Items { get; } = items;
    public int MaxItems { get; } = maxItems;
}

/// <summary>The shape of a commissioning plan, version 1.0: the source of the published JSON Schema and of validation.</summary>
public static class PlanShape
{
    public const string SchemaVersion = "1.0";
    public const int NameLength = 200;
    public const int DescriptionLength = 5_000;
    public const int NarrativeLength = 20_000;
    public const int MaxListItems = 200;
    public const decimal MaxMoney = 1_000_000_000_000m;
    public const int MaxDays = 3_650;
    public const int MaxMonths = 600;
    public const int MaxWeeks = 520;
    public const int MaxCount = 1_000_000;

    public static ObjectShape Root { get; } = BuildPlan();

    /// <summary>The one name allowed at the top beside the fields: the schema an editor validates against.</summary>
    public const string SchemaReference = "$schema";

    private static ObjectShape BuildPlan()
    {
        var council = Object<CouncilRef>("The council that will fund the service.",
            Required("code", Text("The ONS GSS code of the local authority, e.g. E07000243 for Stevenage.",
                max: 9, pattern: "^[EWSN][0-9]{8}$", hint: "a GSS code such as E07000243")),
            Optional("name", Name("The council's name.")));

        var commissioner = Object<Commissioner>("The officer responsible for the plan.",
            Optional("name", Name("The commissioner's name.")),
            Optional("team", Name("The team or directorate.")),
            Optional("email", Text("A work email address for questions about the plan.",
                max: 254, pattern: "^[^@ ]+@[^@ ]+$", hint: "an email address")));

        var service = Object<Service>("What is being bought or funded, and where.",
            Optional("category", Enum<ServiceCategory>("The kind of service.")),
            Optional("description", Description("What the service does and for whom.")),
            Optional("lightTouch", Bool("True for a person-facing service under the light-touch regime.")),
            Optional("healthcareService", Bool("True when the service is in scope of the Provider Selection Regime (e.g. substance use, sexual health).")),
            Optional("neighbourhoods", List("Where it is delivered, by neighbourhood or ward.", Name("A neighbourhood or ward."))),
            Optional("linkedServices", List("Other services it links with across the whole system.", Name("A linked service."))));

        var budget = Object<Budget>("The money: how much, for how long and how it is paid.",
            Optional("totalValue", Money("The whole-term value including extensions, in GBP including VAT.")),
            Optional("termMonths", Months("The initial term in months.", minimum: 1)),
            Optional("extensionMonths", Months("The total of all possible extensions, in months.")),
            Optional("breakClause", Bool("True when the council can end the agreement early without cause.")),
            Optional("fundingModel", Enum<FundingModel>("How the money is given out.")),
            Optional("maximumAward", Money("For grant programmes, participatory budgeting rounds and community chests: the largest single award, in GBP.")),
            Optional("grantConsidered", Description("When a grant was not used: the recorded reason.")),
            Optional("paymentTermsDays", Days("Days from a valid invoice to payment.")),
            Optional("paymentSchedule", Enum<PaymentSchedule>("When providers are paid.")),
            Optional("paymentByResultsPercent", Percent("The share of payment that depends on results, 0–100.")),
            Optional("fullCostRecovery", Bool("True when overheads and core costs may be priced in.")),
            Optional("communityControlledPercent", Percent("The share of the budget whose use residents decide (a participatory budgeting round or grants panel), 0–100.")));

        var lot = Object<Lot>("A lot: part of the contract that can be awarded on its own.",
            Optional("name", Name("What the lot is called.")),
            Optional("value", Money("The lot's whole-term value in GBP including VAT.")),
            Optional("basis", Enum<LotBasis>("How the work is divided into lots.")));

        var insurance = Object<Insurance>("The insurance providers must hold.",
            Optional("publicLiability", Money("Public liability cover required, in GBP.")),
            Optional("requiredAt", Enum<InsuranceStage>("Whether cover must be in place to take part, or only on award.")));

        var weighting = Object<Weighting>("How tenders are scored, in percent.",
            [new ObjectRule(
                "When quality, price and social value are all given they must add up to 100 (checked by the service, not by this schema).",
                WeightingAddsUpTo100)],
            Optional("quality", Percent("The weight given to quality, 0–100.")),
            Optional("price", Percent("The weight given to price, 0–100.")),
            Optional("socialValue", Percent("The weight given to social value, 0–100.")));

        var socialValueMeasure = Object<SocialValueMeasure>("A social value measure bidders will be held to.",
            Optional("description", Description("What will be measured.")),
            Optional("local", Bool("True when the measure benefits the local area.")));

        var tupe = Object<Tupe>("Transfer of staff (TUPE).",
            Optional("applies", Bool("True when TUPE is likely to apply.")),
            Optional("informationAt", Enum<TupeInformationStage>("When staff transfer information is shared with bidders.")));

        var procurement = Object<Procurement>("How the provider will be chosen.",
            Optional("route", Enum<ProcurementRoute>("The procurement route under the Procurement Act 2023 or the Provider Selection Regime.")),
            Optional("plannedTenderDate", Date("When the opportunity is planned to go to market.")),
            Optional("reservation", Enum<Reservation>("Any reservation of the competition (e.g. to local suppliers or SMEs and VCSEs).")),
            Optional("reservationReason", Description("Why there is no reservation, when there is none.")),
            Optional("lots", List("The lots the work is divided into.", lot)),
            Optional("noLotsReason", Description("Why the work is not divided into lots, when it is not.")),
            Optional("consortiaWelcome", Bool("True when consortia and partnership bids are welcome.")),
            Optional("bidWindowDays", Days("Days bidders have to respond.")),
            Optional("selectionQuestionnaire", Bool("True when there is a pre-qualification or suitability stage.")),
            Optional("minimumAnnualTurnover", Money("The minimum annual turnover asked of bidders, in GBP.")),
            Optional("insurance", insurance),
            Optional("weighting", weighting),
            Optional("socialValueMeasures", List("The social value measures bidders will be held to.", socialValueMeasure)),
            Optional("localSpendTargetPercent", Percent("The target share of spend kept in the local area, 0–100.")),
            Optional("localDefinition", Description("What counts as local, e.g. \"Stevenage postcode districts SG1 and SG2\".")),
            Optional("scoredQuestions", Count("The number of scored questions in the tender.", max: 1_000)),
            Optional("wordLimitTotal", Count("The total word limit across all answers.")),
            Optional("tupe", tupe),
            Optional("noticePlanned", Bool("True when a below-threshold tender notice will be published for an advertised competition.")));

        var organisation = Object<EngagedOrganisation>("An organisation that took part.",
            Optional("name", Name("The organisation's name.")),
            Optional("type", Enum<OrganisationType>("What kind of organisation it is.")),
            Optional("postcode", Text("Where it is based: a UK postcode or postcode district, e.g. SG1 1HN or SG1.",
                max: 16, pattern: "^ *[A-Za-z]{1,2}[0-9][A-Za-z0-9]?( *[0-9][A-Za-z]{2})? *$",
                hint: "a UK postcode or postcode district such as SG1 1HN or SG1")));

        var engagementEvent = Object<EngagementEvent>("One market engagement event.",
            Optional("date", Date("When it took place.")),
            Optional("format", Enum<EngagementFormat>("What kind of event it was.")),
            Optional("organisations", List("The organisations that took part.", organisation)));

        var market = Object<Market>("Engagement with potential providers before going to market.",
            Optional("engagement", List("The market engagement events held.", engagementEvent)));

        var activity = Object<CoDesignActivity>("One co-design activity with residents.",
            Optional("stage", Enum<CycleStage>("The stage of the commissioning cycle it informed.")),
            Optional("method", Enum<CoDesignMethod>("How residents were involved.")),
            Optional("date", Date("When it took place.")),
            Optional("participants", Count("How many people took part.")),
            Optional("groups", List("Which groups of residents took part.", Name("A group, e.g. carers."))),
            Optional("accessibleFormats", Bool("True when accessible formats were offered.")));

        var evaluationPanel = Object<EvaluationPanel>("Residents' part in evaluating bids.",
            Optional("residentsScore", Bool("True when residents score bids.")),
            Optional("trained", Bool("True when resident evaluators are trained.")),
            Optional("conflictsDeclared", Bool("True when conflicts of interest are declared.")));

        var feedback = Object<Feedback>("Feedback to the people who took part.",
            Optional("published", Bool("True when a \"you said, we did\" response is published.")),
            Optional("withinWeeks", Weeks("How many weeks after the activity it is published.")));

        var coDesign = Object<CoDesign>("How residents and people with lived experience shape the service.",
            Optional("involvementLevel", Enum<InvolvementLevel>("The highest level of involvement across the cycle.")),
            Optional("activities", List("The co-design activities held.", activity)),
            Optional("evaluationPanel", evaluationPanel),
            Optional("socialValueConsultation", Enum<SocialValueConsultation>("Whether residents were asked what social value should mean here.")),
            Optional("feedback", feedback),
            Optional("outcomesCoDesigned", Bool("True when the outcomes were designed with residents.")),
            Optional("communityReviewMonths", Months("How often, in months, the community reviews the service.")));

        return Object<Plan>("A commissioning plan: one service a council intends to fund, described before it goes to market.",
            Required("schemaVersion", Text("The version of this document format; must be \"1.0\".",
                max: 3, constant: SchemaVersion)),
            Required("council", council),
            Required("reference", Text("The council's own reference for the plan, unique per council. Used in web addresses, so letters, digits, '.', '_' and '-' only.",
                max: 64, pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                hint: "1–64 letters, digits, '.', '_' or '-', starting with a letter or digit")),
            Required("title", Text("A short title for the plan.", min: 1, max: NameLength)),
            Optional("commissioner", commissioner),
            Optional("service", service),
            Optional("budget", budget),
            Optional("procurement", procurement),
            Optional("market", market),
            Optional("coDesign", coDesign),
            Optional("narrative", Text("Free text: anything the commissioner wants the reader of the guidance to know.", max: NarrativeLength)));
    }

    private static string? WeightingAddsUpTo100(JsonElement weighting)
    {
        decimal total = 0;
        foreach (var name in (ReadOnlySpan<string>)["quality", "price", "socialValue"])
        {
            if (!weighting.TryGetProperty(name, out var part) || part.ValueKind != JsonValueKind.Number) return null;
            total += part.GetDecimal();
        }
        return total == 100m ? null : $"must add up to 100 (is {total.ToString(CultureInfo.InvariantCulture)})";
    }

    private static ObjectShape Object<T>(string description, params Field[] fields) => new(typeof(T), description, fields, []);

    private static ObjectShape Object<T>(string description, ObjectRule[] rules, params Field[] fields) =>
        new(typeof(T), description, fields, rules);

    private static Field Required(string name, Shape shape) => new(name, shape, required: true);
    private static Field Optional(string name, Shape shape) => new(name, shape, required: false);

    private static StringShape Text(string description, int min = 0, int max = DescriptionLength,
        string? pattern = null, string? hint = null, string? constant = null) =>
        new(description, min, max, pattern, hint, constant);

    private static StringShape Name(string description) => Text(description, max: NameLength);
    private static StringShape Description(string description) => Text(description, max: DescriptionLength);
    private static EnumShape Enum<T>(string description) where T : struct, Enum => new(typeof(T), description);
    private static BooleanShape Bool(string description) => new(description);
    private static DateShape Date(string description) => new(description + " A date written yyyy-MM-dd.");
    private static NumberShape Money(string description) => new(description, 0, MaxMoney, wholeNumber: false);
    private static NumberShape Percent(string description) => new(description, 0, 100, wholeNumber: false);
    private static NumberShape Days(string description) => new(description, 0, MaxDays, wholeNumber: true);
    private static NumberShape Weeks(string description) => new(description, 0, MaxWeeks, wholeNumber: true);
    private static NumberShape Months(string description, int minimum = 0) => new(description, minimum, MaxMonths, wholeNumber: true);
    private static NumberShape Count(string description, int max = MaxCount) => new(description, 0, max, wholeNumber: true);
    private static ArrayShape List(string description, Shape items) => new(description, items, MaxListItems);
}
