using System.Text.Json;
using static Commissioning.Domain.Tests.Plans.PlanDocuments;

namespace Commissioning.Domain.Tests.Plans;

public class PlanSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(PlanSchema.Json)!;

    [Fact]
    public void TheSchemaDeclaresDraft2020_12AndItsOwnAddress()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)Schema["$schema"]);
        Assert.Equal("https://keepitlocal.example/schemas/plan-1.0.json", (string?)Schema["$id"]);
        Assert.Equal("Commissioning plan 1.0", (string?)Schema["title"]);
        Assert.Equal(["schemaVersion", "council", "reference", "title"], Schema["required"]!.AsArray().Select(n => (string)n!));
        Assert.False((bool)Schema["additionalProperties"]!);
    }

    [Fact]
    public void TheSchemaIsGeneratedOnceAndCached()
    {
        Assert.Same(PlanSchema.Json, PlanSchema.Json);
    }

    [Fact]
    public void EveryFieldInTheSchemaIsDescribedAndEveryObjectIsClosed()
    {
        var undescribed = new List<string>();
        var open = new List<string>();
        Visit(Schema, "$");

        Assert.Empty(undescribed);
        Assert.Empty(open);

        void Visit(JsonNode node, string path)
        {
            if (node["description"] is null) undescribed.Add(path);
            if (node["properties"] is JsonObject properties)
            {
                if (node["additionalProperties"] is not JsonValue closed || (bool)closed) open.Add(path);
                foreach (var (name, child) in properties) Visit(child!, $"{path}.{name}");
            }
            if (node["items"] is JsonObject items) Visit(items, path + "[]");
        }
    }

    [Fact]
    public void LimitsAreWrittenAsSchemaKeywords()
    {
        var budget = Schema["properties"]!["budget"]!["properties"]!;
        Assert.Equal("""{"description":"The whole-term value including extensions, in GBP including VAT.","type":["number","null"],"minimum":0,"maximum":1000000000000}""",
            budget["totalValue"]!.ToJsonString());
        Assert.Equal("""["integer","null"]""", budget["termMonths"]!["type"]!.ToJsonString());
        Assert.Equal(1, (int)budget["termMonths"]!["minimum"]!);
        Assert.Equal(600, (int)budget["termMonths"]!["maximum"]!);

        var council = Schema["properties"]!["council"]!;
        Assert.Equal("object", (string?)council["type"]);
        Assert.Equal("^[EWSN][0-9]{8}$", (string?)council["properties"]!["code"]!["pattern"]);
        Assert.Equal("1.0", (string?)Schema["properties"]!["schemaVersion"]!["const"]);

        var date = Schema["properties"]!["procurement"]!["properties"]!["plannedTenderDate"]!;
        Assert.Equal("date", (string?)date["format"]);

        var lots = Schema["properties"]!["procurement"]!["properties"]!["lots"]!;
        Assert.Equal(200, (int)lots["maxItems"]!);
        Assert.Equal("object", (string?)lots["items"]!["type"]);
        Assert.Equal(20_000, (int)Schema["properties"]!["narrative"]!["maxLength"]!);
    }

    [Fact]
    public void EnumWordsComeFromTheEnumsAndOptionalOnesAllowNull()
    {
        var category = Schema["properties"]!["service"]!["properties"]!["category"]!;

        Assert.Equal(
            ["adult-social-care", "children-and-families", "health", "public-health", "housing-support", "advice", "youth",
             "community", "environment", "leisure-and-culture", "employment-and-skills", "other", null],
            category["enum"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void TheWeightingRuleIsDescribedAsCheckedByTheServiceNotTheSchema()
    {
        var weighting = Schema["properties"]!["procurement"]!["properties"]!["weighting"]!;

        Assert.Contains("must add up to 100 (checked by the service, not by this schema)", (string?)weighting["description"], StringComparison.Ordinal);
    }

    public static TheoryData<string> ValidPlans() => ["full", "minimal", "nulls", "whole number with a decimal point", "200 emoji title"];

    private static string ValidPlan(string name) => name switch
    {
        "full" => Full,
        "minimal" => Minimal,
        "nulls" => FullWith(Set("commissioner", null), Set("budget.totalValue", null), Set("service.category", null), Set("market.engagement", null)),
        "whole number with a decimal point" => FullWith(Set("budget.termMonths", JsonNode.Parse("36.0"))),
        "200 emoji title" => FullWith(Set("title", string.Concat(Enumerable.Repeat("🏘", 200)))),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(ValidPlans))]
    public void TheSchemaAndTheParserBothAcceptTheValidPlans(string name)
    {
        var json = ValidPlan(name);

        Assert.Empty(JsonSchemaSubset.FailingPaths(PlanSchema.Json, json));
        Assert.Empty(PlanParser.Parse(json).Problems);
    }

    [Theory]
    [MemberData(nameof(BadPlans.Names), MemberType = typeof(BadPlans))]
    public void TheSchemaAndTheParserFailTheSameBadDocumentAtTheSamePaths(string name)
    {
        var bad = BadPlans.Named(name);

        var schemaPaths = JsonSchemaSubset.FailingPaths(PlanSchema.Json, bad.Json);
        var parserPaths = PlanParser.Parse(bad.Json).Problems.Select(p => p.Path).ToHashSet();

        if (bad.OutsideSchema)
        {
            // A semantic check the schema only describes: the schema accepts what the parser refuses.
            Assert.Empty(schemaPaths);
            Assert.NotEmpty(parserPaths);
        }
        else
        {
            Assert.Equal(parserPaths.Order(StringComparer.Ordinal), schemaPaths.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void TheSubsetValidatorRefusesKeywordsItDoesNotImplement()
    {
        // So the agreement tests cannot pass by ignoring a keyword the schema starts to use.
        Assert.Throws<NotSupportedException>(() => JsonSchemaSubset.FailingPaths("""{"oneOf": []}""", "{}"));
    }

    [Fact]
    public void TheSchemaIsValidJsonThatReadsBackIndented()
    {
        using var document = JsonDocument.Parse(PlanSchema.Json);

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.Contains("\n  \"$id\"", PlanSchema.Json, StringComparison.Ordinal);
    }
}
