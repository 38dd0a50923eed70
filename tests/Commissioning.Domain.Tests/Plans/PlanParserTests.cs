using System.Text;
using static Commissioning.Domain.Tests.Plans.PlanDocuments;

namespace Commissioning.Domain.Tests.Plans;

public class PlanParserTests
{
    private static string[] Problems(PlanParseResult result) => [.. result.Problems.Select(p => p.ToString())];

    [Theory]
    [MemberData(nameof(BadPlans.Names), MemberType = typeof(BadPlans))]
    public void EachBadDocumentIsRefusedWithExactlyItsProblemsByPath(string name)
    {
        var bad = BadPlans.Named(name);

        var result = PlanParser.Parse(bad.Json);

        Assert.Null(result.Plan);
        Assert.False(result.IsValid);
        Assert.Equal(bad.Problems, Problems(result));
    }

    [Fact]
    public void ADocumentWithSixDifferentProblemsReportsAllSixInDocumentOrder()
    {
        var result = PlanParser.Parse(BadPlans.Named("six problems at once").Json);

        Assert.Equal(6, result.Problems.Count);
        Assert.Equal(
            ["$.service.category", "$.budget.totalValue", "$.procurement.plannedTenderDate",
             "$.procurement.noticePlaned", "$.coDesign.activities[2].participants", "$.title"],
            result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void ParsingTheSameBadDocumentTwiceGivesTheSameProblemsInTheSameOrder()
    {
        var json = BadPlans.Named("six problems at once").Json;

        Assert.Equal(Problems(PlanParser.Parse(json)), Problems(PlanParser.Parse(json)));
    }

    [Fact]
    public void TheFullPlanIsValidAndReadsIntoTheRecords()
    {
        var result = PlanParser.Parse(Full);

        Assert.True(result.IsValid, string.Join("\n", Problems(result)));
        var plan = result.Plan!;
        Assert.Equal("E07000243", plan.Council.Code);
        Assert.Equal("SBC-2026-014", plan.Reference);
        Assert.Equal(ServiceCategory.Community, plan.Service!.Category);
        Assert.Equal(480000m, plan.Budget!.TotalValue);
        Assert.Equal(36, plan.Budget.TermMonths);
        Assert.Equal(FundingModel.Mixed, plan.Budget.FundingModel);
        Assert.Equal(ProcurementRoute.BelowThresholdOpen, plan.Procurement!.Route);
        Assert.Equal(new DateOnly(2026, 3, 2), plan.Procurement.PlannedTenderDate);
        Assert.Equal(Reservation.LocalAreaAndSmeVcse, plan.Procurement.Reservation);
        Assert.Equal([240000m, 240000m], plan.Procurement.Lots!.Select(l => l.Value!.Value));
        Assert.Equal(InsuranceStage.Award, plan.Procurement.Insurance!.RequiredAt);
        Assert.Equal(10m, plan.Procurement.Weighting!.SocialValue);
        Assert.Equal(TupeInformationStage.Engagement, plan.Procurement.Tupe!.InformationAt);
        Assert.Equal("SG1 2BB", plan.Market!.Engagement![1].Organisations![1].Postcode);
        Assert.Equal(OrganisationType.Public, plan.Market.Engagement[2].Organisations![0].Type);
        Assert.Equal(CoDesignMethod.LivedExperienceGroup, plan.CoDesign!.Activities![1].Method);
        Assert.Equal(6, plan.CoDesign.Feedback!.WithinWeeks);
        Assert.StartsWith("The hubs replace", plan.Narrative, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFullPlanSurvivesARoundTripThroughTheRecords()
    {
        var plan = PlanParser.Parse(Full).Plan!;

        var written = DomainJson.Serialize(plan);
        var reread = PlanParser.Parse(written);

        Assert.True(reread.IsValid, string.Join("\n", Problems(reread)));
        Assert.Equal(written, DomainJson.Serialize(reread.Plan!));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Full), JsonNode.Parse(written)),
            "Writing the records back out should reproduce every field of plan-full.json.");
    }

    [Fact]
    public void AMinimalPlanWithOnlyTheRequiredFieldsIsValid()
    {
        var result = PlanParser.Parse(Minimal);

        Assert.True(result.IsValid, string.Join("\n", Problems(result)));
        Assert.Equal("Community litter picking grants", result.Plan!.Title);
        Assert.Null(result.Plan.Service);
        Assert.Null(result.Plan.Budget);
    }

    [Fact]
    public void NullOptionalFieldsCountAsMissingNotAsErrors()
    {
        var json = FullWith(
            Set("commissioner", null),
            Set("budget.totalValue", null),
            Set("service.category", null),
            Set("procurement.plannedTenderDate", null),
            Set("procurement.lots[0].basis", null),
            Set("market.engagement", null),
            Set("narrative", null));

        var result = PlanParser.Parse(json);

        Assert.True(result.IsValid, string.Join("\n", Problems(result)));
        Assert.Null(result.Plan!.Commissioner);
        Assert.Null(result.Plan.Budget!.TotalValue);
        Assert.Null(result.Plan.Service!.Category);
        Assert.Null(result.Plan.Procurement!.Lots![0].Basis);
        Assert.Null(result.Plan.Market!.Engagement);
    }

    [Fact]
    public void AWholeNumberWrittenWithADecimalPointIsAcceptedAsJsonSchemaAcceptsIt()
    {
        var result = PlanParser.Parse(FullWith(Set("budget.termMonths", JsonNode.Parse("36.0")), Set("procurement.bidWindowDays", JsonNode.Parse("3.5e1"))));

        Assert.True(result.IsValid, string.Join("\n", Problems(result)));
        Assert.Equal(36, result.Plan!.Budget!.TermMonths);
        Assert.Equal(35, result.Plan.Procurement!.BidWindowDays);
    }

    [Fact]
    public void TextLengthsAreCountedInCharactersNotBytes()
    {
        var title = string.Concat(Enumerable.Repeat("🏘", 200)); // 200 characters, 800 bytes, 400 UTF-16 units

        var result = PlanParser.Parse(FullWith(Set("title", title)));

        Assert.True(result.IsValid, string.Join("\n", Problems(result)));
        Assert.Equal(title, result.Plan!.Title);
    }

    [Fact]
    public void EscapedTextIsMeasuredAfterUnescaping()
    {
        var json = Full.Replace("\"title\": \"Neighbourhood wellbeing hubs\"",
            "\"title\": \"" + string.Concat(Enumerable.Repeat("\\u00e9", 200)) + "\"", StringComparison.Ordinal);

        var result = PlanParser.Parse(json);

        Assert.True(result.IsValid, string.Join("\n", Problems(result)));
        Assert.Equal(new string('é', 200), result.Plan!.Title);
    }

    [Fact]
    public void SomethingThatIsNotJsonIsOneProblemAtTheRootWithLineAndPosition()
    {
        var result = PlanParser.Parse("{\n  \"schemaVersion\": \"1.0\",\n  \"title\" \"no colon\"\n}");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("not valid JSON (line 3, position 11): ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Plan);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plan")]
    [InlineData("{\"schemaVersion\": \"1.0\",}")]
    [InlineData("{} {}")]
    [InlineData("{\"title\": \"unterminated")]
    public void TruncatedOrMalformedJsonIsReportedAsNotValidJson(string json)
    {
        var problem = Assert.Single(PlanParser.Parse(json).Problems);

        Assert.Equal("$", problem.Path);
        Assert.StartsWith("not valid JSON (line 1, position ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArrayAtTheRootIsRefusedAsNotAPlan()
    {
        var result = PlanParser.Parse($"[{Full}]");

        Assert.Equal(["$: must be a JSON object holding one plan, not a list"], Problems(result));
    }

    [Fact]
    public void ATwoMegabyteStringIsAProblemNamedByItsPathNotACrash()
    {
        var result = PlanParser.Parse(FullWith(Set("narrative", new string('x', 2 * 1024 * 1024))));

        Assert.Equal(["$.narrative: must be at most 20,000 characters (is 2,097,152)"], Problems(result));
    }

    [Fact]
    public void ADocumentOverFourMegabytesIsRefusedBeforeParsing()
    {
        var json = FullWith(Set("narrative", new string('x', PlanParser.MaxDocumentBytes)));

        var problem = Assert.Single(PlanParser.Parse(json).Problems);

        Assert.Equal("$", problem.Path);
        Assert.Contains("the most accepted is 4,194,304", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(33)]
    [InlineData(100_000)]
    public void DeepNestingIsOneClearProblemAtTheRootNotAnException(int depth)
    {
        var json = "{\"narrative\": " + new string('[', depth) + new string(']', depth) + "}";

        var result = PlanParser.Parse(json);

        Assert.Equal(["$: nested more than 32 levels deep; a plan needs far fewer"], Problems(result));
    }

    [Fact]
    public void NestingJustWithinTheLimitIsJudgedOnItsFields()
    {
        var json = "{\"narrative\": " + new string('[', 31) + new string(']', 31) + "}";

        var result = PlanParser.Parse(json);

        Assert.Equal("$.narrative: must be a string", Problems(result)[0]);
    }

    [Fact]
    public void AFieldGivenTwiceIsAProblemEvenThoughJsonReadersWouldKeepTheLast()
    {
        var json = Full.Replace("\"title\": \"Neighbourhood wellbeing hubs\",",
            "\"title\": \"Neighbourhood wellbeing hubs\", \"title\": \"Something else\",", StringComparison.Ordinal);

        Assert.Equal(["$.title: appears more than once"], Problems(PlanParser.Parse(json)));
    }

    [Fact]
    public void BytesThatAreNotUtf8AreOneProblemAtTheRootNotACrash()
    {
        var bytes = Encoding.UTF8.GetBytes(Minimal);
        var title = Minimal.IndexOf("litter", StringComparison.Ordinal);
        bytes[title] = 0xFF;

        var result = PlanParser.Parse(bytes);

        Assert.Equal([$"$: not valid UTF-8 text (at byte {title + 1}); save the document as UTF-8"], Problems(result));
    }

    [Theory]
    [InlineData("schemaVersion", "\"1.\\ud800\"", "$.schemaVersion")]
    [InlineData("narrative", "\"Broken \\ud800 text\"", "$.narrative")]
    [InlineData("commissioner", "{\"name\": \"A. \\udc00fficer\"}", "$.commissioner.name")]
    [InlineData("procurement", "{\"route\": \"open\\ud800\"}", "$.procurement.route")]
    [InlineData("procurement", "{\"plannedTenderDate\": \"2026-03-0\\ud800\"}", "$.procurement.plannedTenderDate")]
    public void TextWithAnUnpairedSurrogateEscapeIsAProblemAtItsPath(string field, string value, string path)
    {
        var json = (field == "schemaVersion" ? Minimal.Replace("\"schemaVersion\": \"1.0\",", "", StringComparison.Ordinal) : Minimal)[..^2]
            + $",\n  \"{field}\": {value}\n}}";

        Assert.Equal([$"{path}: must be valid Unicode text (it has an unpaired \\u surrogate escape)"], Problems(PlanParser.Parse(json)));
    }

    [Fact]
    public void ASchemaReferenceAtTheTopIsAllowedAndChangesNothing()
    {
        var json = "{\n  \"$schema\": \"https://advisor.example/api/schema/plan\"," + Minimal.TrimStart()[1..];

        var withReference = PlanParser.Parse(json);

        Assert.Empty(Problems(withReference));
        Assert.Equal(PlanParser.Parse(Minimal).Plan!.Reference, withReference.Plan!.Reference);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{\"url\": \"x\"}")]
    public void ASchemaReferenceThatIsNotAStringIsNamed(string value)
    {
        var json = Minimal[..^2] + $",\n  \"$schema\": {value}\n}}";

        Assert.Equal(["$.$schema: must be a string: the address of the schema your editor checks this plan against"], Problems(PlanParser.Parse(json)));
    }

    [Fact]
    public void ASchemaReferenceBelowTheTopIsAnUnknownField()
    {
        var json = Minimal.Replace("\"council\": {", "\"council\": {\"$schema\": \"x\", ", StringComparison.Ordinal);

        Assert.Equal(["$.council.$schema: unknown field"], Problems(PlanParser.Parse(json)));
    }

    [Fact]
    public void AnUnknownFieldWhoseNameIsNotUnicodeIsNamedAsWritten()
    {
        var json = Minimal[..^2] + ",\n  \"ti\\ud800tle\": 1\n}";

        Assert.Equal(["$['ti\\\\ud800tle']: unknown field"], Problems(PlanParser.Parse(json)));
    }

    [Fact]
    public void EscapedTextIsJudgedByWhatItMeans()
    {
        var json = FullWith(Set("title", "x")).Replace("\"title\":\"x\"", "\"title\":\"\\u0048ubs\"", StringComparison.Ordinal)
            .Replace("\"2026-03-02\"", "\"\\u0032026-03-02\"", StringComparison.Ordinal)
            .Replace("\"community\"", "\"comm\\u0075nity\"", StringComparison.Ordinal);

        var result = PlanParser.Parse(json);

        Assert.True(result.IsValid, string.Join("\n", Problems(result)));
        Assert.Equal("Hubs", result.Plan!.Title);
        Assert.Equal(new DateOnly(2026, 3, 2), result.Plan.Procurement!.PlannedTenderDate);
        Assert.Equal(ServiceCategory.Community, result.Plan.Service!.Category);
    }

    [Fact]
    public void ALeadingByteOrderMarkIsIgnored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Minimal)).ToArray();

        Assert.True(PlanParser.Parse(bytes).IsValid);
    }

    [Fact]
    public void AnObjectWithTheWrongTypeEverywhereListsEveryFieldAndEveryMissingRequiredOne()
    {
        var json = """{"schemaVersion": 1, "council": "Stevenage", "reference": 14, "title": false, "budget": {"totalValue": "lots", "termMonths": true}}""";

        Assert.Equal(
            [
                "$.schemaVersion: must be \"1.0\"",
                "$.council: must be an object",
                "$.reference: must be a string",
                "$.title: must be a string",
                "$.budget.totalValue: must be a number",
                "$.budget.termMonths: must be a whole number",
            ],
            Problems(PlanParser.Parse(json)));
    }

    [Fact]
    public void AnEmptyObjectNamesEachRequiredField()
    {
        Assert.Equal(
            ["$.schemaVersion: is required", "$.council: is required", "$.reference: is required", "$.title: is required"],
            Problems(PlanParser.Parse("{}")));
    }

    [Fact]
    public void AHopelessDocumentIsCutOffAfterFiveHundredProblems()
    {
        var unknown = string.Join(",", Enumerable.Range(0, 1_000).Select(i => $"\"field{i}\": {i}"));
        var result = PlanParser.Parse(Full[..^2] + "," + unknown + "}");

        Assert.Equal(501, result.Problems.Count);
        Assert.Equal("$.field0: unknown field", result.Problems[0].ToString());
        Assert.Equal("$: more than 500 problems; fix these and submit again to see the rest", result.Problems[^1].ToString());
    }
}
