using System.Text;
using Commissioning.Domain.Notices;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>One test per data-quality trap of notices.md §11 (traps 1–10 here, 11–20 in the other part).</summary>
public partial class DataQualityTrapTests
{
    private static JsonObject Value(decimal? net = null, decimal? gross = null, string currency = "GBP")
    {
        var value = new JsonObject { ["currency"] = currency };
        if (net is { } n)
        {
            value["amount"] = n;
        }
        if (gross is { } g)
        {
            value["amountGross"] = g;
        }
        return value;
    }

    [Fact]
    public void Trap01BluetailsRawPrefixIsStrippedAndItsVariantsAreOneProcessWhateverThePackageUriSays()
    {
        var raw = ReleaseNode(Sunderland);
        var match = raw.DeepClone().AsObject();
        match["ocid"] = "ocds-b5fd17bodsmatch-8a79c599-d165-4d72-a3d1-1dcb222a184f";
        match["id"] = "bodsmatch-variant";
        var process = Assert.Single(BatchOf(raw, match).Processes);
        Assert.Equal("ocds-b5fd17-8a79c599-d165-4d72-a3d1-1dcb222a184f", process.Ocid);
        Assert.Equal(["ocds-b5fd17raw-8a79c599-d165-4d72-a3d1-1dcb222a184f", "ocds-b5fd17bodsmatch-8a79c599-d165-4d72-a3d1-1dcb222a184f"], process.PublishedOcids);
        // The package uri names e3c97948-…, not the process: the ocid decides.
        Assert.DoesNotContain("e3c97948", Map(Sunderland).Source.Ocid, StringComparison.Ordinal);
    }

    [Fact]
    public void Trap02AnOlderTenderReleaseCarryingLaterAwardsGivesNoPublicationDateAndNoBidWindow()
    {
        var notice = Map(Sunderland);
        Assert.Null(notice.Source.PublicationDate);
        Assert.Null(notice.Plan.Procurement!.BidWindowDays);
        Assert.Null(notice.Plan.Procurement.PlannedTenderDate);
        var hint = Assert.Single(notice.Provenance.Hints, h => h.Field == "$.procurement.bidWindowDays");
        Assert.Contains("would be 84 days", hint.Text, StringComparison.Ordinal);
        Assert.Contains("not evidence", hint.Text, StringComparison.Ordinal);
        // The award (£860,000, 2020-08 to 2024-07) is outcome, never the plan's value or term.
        Assert.Equal(600_000m, notice.Plan.Budget!.TotalValue);
        Assert.Equal(35, notice.Plan.Budget.TermMonths);
    }

    [Fact]
    public void Trap03AnEmptyPublishedDateAtPackageLevelDoesNotStopTheRead()
    {
        var package = JsonNode.Parse(Package(ReleaseNode(FtsTender)))!.AsObject();
        package["publishedDate"] = "";
        var read = NoticeReader.ReadJson(Encoding.UTF8.GetBytes(package.ToJsonString()));
        Assert.Null(read.Problem);
        Assert.Equal(NoticeProcessStatus.Scored, Assess(read.Batch!).Single().Status);
    }

    [Fact]
    public void Trap04ZeroAndPlaceholderAndForeignAmountsAreUnknownValues()
    {
        var croydon = Map(CroydonOutcomes);
        Assert.Null(croydon.Plan.Budget!.TotalValue);
        Assert.Contains(croydon.Provenance.Notes, n => n == "The value is not known: $.tender.value.amount is 0, which means not stated.");
        Assert.DoesNotContain("$.budget.totalValue", croydon.Provenance.Fields.Select(f => f.Field));

        foreach (var value in new[] { Value(gross: 0), Value(net: 0.01m), Value(gross: 0.01m), Value(net: 250_000, gross: 300_000, currency: "AED") })
        {
            var notice = MapRelease(FtsTenderWith(r =>
            {
                r.Tender()["value"] = value;
                r.Tender()["lots"] = new JsonArray(new JsonObject { ["id"] = "LOT-0000", ["status"] = "active" });
            }));
            Assert.Null(notice.Plan.Budget?.TotalValue);
            Assert.Null(notice.Facts.ValueBasis);
        }
    }

    [Fact]
    public void Trap05AMinimumValueBesideTheWholeValueIsShownNotUsed()
    {
        var notice = MapRelease(FtsTenderWith(r =>
        {
            r.Tender()["value"] = Value(gross: 300_000);
            r.Tender()["minValue"] = Value(gross: 100_000);
        }));
        Assert.Equal(300_000m, notice.Plan.Budget!.TotalValue);
        var minimum = Assert.Single(notice.Provenance.Context, c => c.Path == "$.tender.minValue.amountGross");
        Assert.Equal("£100,000", minimum.Value);
        Assert.StartsWith("minimum value (shown, not interpreted", minimum.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Trap06ANetAmountIsNeverGrossedUpAndAGrossOneIsPreferred()
    {
        var net = MapRelease(FtsTenderWith(r => r.Tender()["value"] = Value(net: 54_393.6m)));
        Assert.Equal(54_393.6m, net.Plan.Budget!.TotalValue);
        Assert.Equal(VatBasis.Excluded, net.Facts.ValueBasis);
        Assert.Equal(["$.tender.value.amount"], net.Field("$.budget.totalValue").Paths);

        var both = MapRelease(FtsTenderWith(r => r.Tender()["value"] = Value(net: 54_393.6m, gross: 67_992m)));
        Assert.Equal(67_992m, both.Plan.Budget!.TotalValue);
        Assert.Equal(VatBasis.Included, both.Facts.ValueBasis);
    }

    [Theory]
    [InlineData(1080, 36)]
    [InlineData(3600, 120)]
    [InlineData(720, 24)]
    [InlineData(1000, 33)]
    public void Trap07DurationsInDaysAreMonthsOfThirtyDays(int days, int months)
    {
        var notice = MapRelease(FtsTenderWith(r =>
        {
            foreach (var lot in r.Tender()["lots"]!.AsArray())
            {
                lot!["contractPeriod"] = new JsonObject { ["durationInDays"] = days };
            }
        }));
        Assert.Equal(months, notice.Plan.Budget!.TermMonths);
        Assert.Null(notice.Plan.Budget.ExtensionMonths);
        Assert.Equal(MappingMethod.Converted, notice.Field("$.budget.termMonths").Method);
    }

    [Fact]
    public void Trap07DurationInMonthsIsTakenAsItIsAndMaxExtentDateGivesTheExtension()
    {
        var notice = MapRelease(FtsTenderWith(r =>
        {
            foreach (var lot in r.Tender()["lots"]!.AsArray())
            {
                lot!["contractPeriod"] = new JsonObject
                {
                    ["durationInMonths"] = 18,
                    ["endDate"] = "2028-05-03T23:59:59+01:00",
                    ["maxExtentDate"] = "2029-05-03T23:59:59+01:00",
                };
            }
        }));
        Assert.Equal(18, notice.Plan.Budget!.TermMonths);
        Assert.Equal(12, notice.Plan.Budget.ExtensionMonths);
        Assert.Equal(["$.tender.lots[0].contractPeriod.endDate", "$.tender.lots[0].contractPeriod.maxExtentDate"], notice.Field("$.budget.extensionMonths").Paths);
    }

    private static JsonObject Criterion(string name, string type, decimal weight) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["numbers"] = new JsonArray(new JsonObject { ["number"] = weight, ["weight"] = "percentageExact" }),
    };

    private static Weighting? WeightingOf(params JsonObject[] criteria) => MapRelease(FtsTenderWith(r =>
    {
        foreach (var lot in r.Tender()["lots"]!.AsArray())
        {
            lot!["awardCriteria"] = new JsonObject { ["criteria"] = new JsonArray([.. criteria.Select(c => (JsonNode)c.DeepClone())]) };
        }
    })).Plan.Procurement!.Weighting;

    [Fact]
    public void Trap08WeightsWrittenAsStringsAreRead()
    {
        var weighting = Map(Glasgow).Plan.Procurement!.Weighting!;
        Assert.Equal(70m, weighting.Quality);
        Assert.Equal(30m, weighting.Price);
    }

    [Fact]
    public void Trap08APartialListMapsOnlyWhatIsStatedAndNeverInfersQuality()
    {
        var weighting = WeightingOf(Criterion("Workforce", "quality", 17.5m), Criterion("Price", "cost", 30));
        Assert.Equal(30m, weighting!.Price);
        Assert.Null(weighting.Quality);
        Assert.Null(weighting.SocialValue);
    }

    [Fact]
    public void Trap08SocialValueTypedAsCostIsSocialValueAndPriceTypedAsCostIsPrice()
    {
        var weighting = WeightingOf(Criterion("Value", "cost", 10), Criterion("Social Value", "cost", 10), Criterion("Technical", "quality", 80));
        Assert.Equal(10m, weighting!.SocialValue);
        Assert.Equal(10m, weighting.Price);
        Assert.Equal(80m, weighting.Quality);
    }

    [Fact]
    public void Trap09SuitabilityFlagsNeverBecomeAReservationAnywhere()
    {
        foreach (var file in new[] { FtsTender, Sunderland, Brent, Mopac, Lancashire })
        {
            Assert.Null(Map(file).Plan.Procurement?.Reservation);
        }
        var luton = Map(ContractsFinder2025, "ocds-b5fd17-7445ba73-19af-4b2c-9156-bc70b3b4ee87");
        Assert.Null(luton.Plan.Procurement!.Reservation);
        Assert.Equal(["yes", "yes"], luton.Provenance.Context.Where(c => c.Name.StartsWith("buyer says suitable for", StringComparison.Ordinal)).Select(c => c.Value));
        Assert.All(Assess(Csv).Select(r => r.Scorecard).OfType<NoticeScorecard>(), c => Assert.Null(c.Plan.Procurement?.Reservation));
        Assert.All(Assess(Csv).Select(r => r.Scorecard).OfType<NoticeScorecard>(), c => Assert.NotEqual(CriterionStatus.Met, c.Criterion("L1").Status));
    }

    [Fact]
    public void Trap09FlagsOf2014AreShownAsPublishedAndAnEmptyCsvCellIsNotFalse()
    {
        var brent = Map(Brent);
        Assert.Contains(brent.Provenance.Context, c => c.Path == "$.tender.xClassifications.isSuitableForSme" && c.Value == "no");
        var leicester = Map(Csv, "ocds-b5fd17-0352a521-4cd7-4fc0-8ad6-cb4668990c6d");
        Assert.Contains(leicester.Provenance.Context, c => c.Path == "$.tender.xClassifications.isSuitableForSme" && c.Value == "yes");
        Assert.DoesNotContain(leicester.Provenance.Context, c => c.Path == "$.tender.xClassifications.isSuitableForVco");
    }

    [Fact]
    public void Trap10ContractsFinderLotsInProseAreAHintAndTheLotsStayUnknown()
    {
        var mopac = Map(Mopac);
        Assert.Null(mopac.Plan.Procurement!.Lots);
        Assert.True(mopac.HasHint("$.procurement.lots"));
        var card = Scorecard(Mopac);
        Assert.Equal(CriterionStatus.NotEvidenced, card.Criterion("L2").Status);
        Assert.Contains(card.WithheldAlerts, a => a.Id == "A7");
    }

    [Fact]
    public void Trap10AnUndividedFtsProcurementIsOneLotAndThatIsEvidence()
    {
        var notice = MapRelease(FtsTenderWith(r => r.Tender()["lots"] = new JsonArray(new JsonObject { ["id"] = "LOT-0000", ["status"] = "active" })));
        var lot = Assert.Single(notice.Plan.Procurement!.Lots!);
        Assert.Equal("LOT-0000", lot.Name);
        Assert.Null(lot.Value);
        Assert.Contains("one lot: the procurement is not divided", notice.Field("$.procurement.lots").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Trap10LotsWithoutValuesCannotBeSizedAndManySuppliersAreNotLots()
    {
        var card = ScoreRelease(FtsTenderWith(r =>
        {
            foreach (var lot in r.Tender()["lots"]!.AsArray())
            {
                lot!.AsObject().Remove("value");
            }
        }));
        Assert.Equal(CriterionStatus.NotEvidenced, card.Criterion("L3").Status);
        Assert.Equal(["$.procurement.lots[*].value"], card.Criterion("L3").MissingFields);
        Assert.Equal(0m, card.Criterion("L3").Points);
        Assert.StartsWith("The notice divides the work into 5 lots but gives none of them a value", card.Criterion("L3").Recommendation, StringComparison.Ordinal);
        Assert.Contains(card.Questions, q => q.CriterionId == "L3");
        // Croydon's award to 31 suppliers is not 31 lots.
        Assert.Null(Map(CroydonOutcomes).Plan.Procurement!.Lots);
    }
}
