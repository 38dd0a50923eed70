using Commissioning.Domain.Notices;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>Alerts on notices: the regime gate, VAT and the threshold side, and what a notice can never show (design: notices.md §5.3, §8, §9).</summary>
public class NoticeAlertTests
{
    /// <summary>An FTS below-threshold open competition of the given value in five lots, stated not to be light touch.</summary>
    private static JsonObject BelowThresholdRoute(JsonObject value) => BelowThresholdRoute(value, []);

    /// <summary>As above; <paramref name="specialRegime"/> null leaves light touch unstated.</summary>
    private static JsonObject BelowThresholdRoute(JsonObject value, string[]? specialRegime)
        => FtsTenderWith(r =>
        {
            r.Tender()["procurementMethodDetails"] = "Below threshold - open competition";
            r.Tender()["value"] = value;
            if (specialRegime is not null)
            {
                r.Tender()["specialRegime"] = new JsonArray([.. specialRegime.Select(s => (JsonNode)s)]);
            }
        });

    private static JsonObject Gross(decimal amount) => new() { ["amountGross"] = amount, ["currency"] = "GBP" };
    private static JsonObject Net(decimal amount) => new() { ["amount"] = amount, ["currency"] = "GBP" };

    private static List<string> AlertIds(NoticeScorecard card) => [.. card.Scorecard.Alerts.Select(a => a.Id)];

    [Fact]
    public void ABelowThresholdRouteWithAGrossValueAboveTheThresholdRaisesA1()
    {
        var card = ScoreRelease(BelowThresholdRoute(Gross(250_000)));
        Assert.Equal(["A1"], AlertIds(card));
        Assert.Empty(card.WithheldAlerts);
    }

    [Fact]
    public void ANetAmountAlreadyAboveTheThresholdRaisesA1BecauseVatOnlyAdds()
    {
        var card = ScoreRelease(BelowThresholdRoute(Net(210_000)));
        Assert.Equal(["A1"], AlertIds(card));
    }

    [Fact]
    public void ANetAmountThatVatCouldLiftOverTheThresholdRaisesNoAlertAndSaysWhy()
    {
        var card = ScoreRelease(BelowThresholdRoute(Net(200_000)));
        Assert.Empty(card.Scorecard.Alerts);
        Assert.Contains(card.Notes, n => n.StartsWith("The value of £200,000 (net of VAT) is close enough to the goods and services (councils) threshold of £207,720 that VAT could put it on either side", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenTheNoticeDoesNotSayWhetherTheLightTouchRegimeAppliesA1NeedsTheLightTouchThresholdToo()
    {
        var card = ScoreRelease(BelowThresholdRoute(Gross(300_000), specialRegime: null));
        Assert.Empty(card.Scorecard.Alerts);
        var withheld = Assert.Single(card.WithheldAlerts);
        Assert.Equal("A1", withheld.Id);
        Assert.Equal("the notice does not say whether the light-touch regime applies, and against the light-touch threshold of £663,540 the value could be below it", withheld.Reason);

        Assert.Equal(["A1"], AlertIds(ScoreRelease(BelowThresholdRoute(Gross(700_000), specialRegime: null))));
    }

    /// <summary>A Contracts Finder tender published after the Act came into force: VAT basis never stated, no lots structure.</summary>
    private static JsonObject ContractsFinderAfterTheAct(decimal amount) => ReleaseNodeWith(r =>
    {
        var tender = r.Tender();
        tender["datePublished"] = "2025-06-02T09:00:00Z";
        tender["tenderPeriod"] = new JsonObject { ["endDate"] = "2025-07-07T12:00:00Z" };
        tender["procurementMethodDetails"] = "Open procedure (below threshold)";
        tender["value"] = new JsonObject { ["amount"] = amount, ["currency"] = "GBP" };
    });

    private static JsonObject ReleaseNodeWith(Action<JsonObject> change)
    {
        var release = ReleaseNode(ContractsFinder2025, "ocds-b5fd17-7445ba73-19af-4b2c-9156-bc70b3b4ee87");
        change(release);
        return release;
    }

    [Fact]
    public void AnUnstatedVatAmountOnAContractsFinderNoticeUnderTheActRaisesOnlyWhatVatCannotReverse()
    {
        var above = ScoreRelease(ContractsFinderAfterTheAct(700_000));
        Assert.Equal(NoticeRegime.ProcurementAct2023, above.Source.Regime.Regime);
        Assert.Equal(["A1"], AlertIds(above));
        // Contracts Finder has no lots structure, so "one lot above the threshold" cannot be concluded.
        Assert.Contains(above.WithheldAlerts, a => a.Id == "A7" && a.Reason.StartsWith("one lot cannot be concluded", StringComparison.Ordinal));

        var close = ScoreRelease(ContractsFinderAfterTheAct(190_000));
        Assert.Empty(close.Scorecard.Alerts);
        Assert.Contains(close.Notes, n => n.Contains("(VAT not stated)", StringComparison.Ordinal) && n.Contains("VAT could put it on either side", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A6")]
    [InlineData("A8")]
    public void ABelowThresholdAlertOnANetAmountIsWithheldWhatever(string id)
    {
        // No notice field can raise A6 or A8; if a change to the engine ever did, the lens still withholds them.
        var notice = MapRelease(BelowThresholdRoute(Net(200_000)));
        var alert = new ComplianceAlert(id, "an alert", "raised", "basis");
        var (kept, withheld) = NoticeScoring.ApplyAlerts([alert], notice, Lens, Rubric, new DateOnly(2026, 9, 3));
        Assert.Empty(kept);
        Assert.Equal(id, Assert.Single(withheld).Id);
    }

    [Fact]
    public void AlertsNoNoticeCanSupportAreWithheldAndTheOthersNeedWhatTheyRead()
    {
        var notice = MapRelease(BelowThresholdRoute(Gross(250_000)));
        ComplianceAlert[] raised = [.. new[] { "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10" }.Select(id => new ComplianceAlert(id, id, "raised", "basis"))];
        var (kept, withheld) = NoticeScoring.ApplyAlerts(raised, notice, Lens, Rubric, new DateOnly(2026, 9, 3));
        Assert.Equal(["A1", "A2", "A3", "A7"], kept.Select(a => a.Id));
        Assert.Equal(["A4", "A5", "A6", "A8", "A9", "A10"], withheld.Select(a => a.Id));
        Assert.Equal("payment terms are never published in a notice", withheld.Single(a => a.Id == "A4").Reason);

        var noTerm = MapRelease(FtsTenderWith(r => { foreach (var lot in r.Tender()["lots"]!.AsArray()) { lot!.AsObject().Remove("contractPeriod"); } }));
        Assert.Null(noTerm.Plan.Budget!.TermMonths);
        Assert.Equal("A3", Assert.Single(NoticeScoring.ApplyAlerts([raised[2]], noTerm, Lens, Rubric, new DateOnly(2026, 9, 3)).Withheld).Id);
    }

    [Fact]
    public void AnUndividedFtsTenderAboveTheThresholdRaisesA7UnlessItGivesItsReason()
    {
        var undivided = FtsTenderWith(r =>
        {
            r.Tender()["lots"] = new JsonArray(new JsonObject { ["id"] = "LOT-0000", ["status"] = "active" });
            r.Tender()["specialRegime"] = new JsonArray(); // stated not light touch, so the goods and services threshold applies
        });
        Assert.Equal(["A7"], AlertIds(ScoreRelease(undivided)));

        var withReason = ScoreRelease(undivided.Also(r => r.Tender()["lotDetails"] = new JsonObject { ["noLotsDivisionRationale"] = "One installation team must build every exhibit." }));
        Assert.Empty(withReason.Scorecard.Alerts);
        Assert.Equal("One installation team must build every exhibit.", withReason.Plan.Procurement!.NoLotsReason);
        Assert.Equal(CriterionStatus.Met, withReason.Criterion("L2").Status);
    }

    [Fact]
    public void ANoticeUnderThe2015RegulationsRaisesNoProcurementActAlert()
    {
        var card = ScoreRelease(BelowThresholdRoute(Gross(250_000)).Also(r => r.Tender()["legalBasis"] = new JsonObject { ["scheme"] = "CELEX", ["id"] = "32014L0024" }));
        Assert.Empty(card.Scorecard.Alerts);
        Assert.Equal("A1", Assert.Single(card.WithheldAlerts).Id);
        Assert.StartsWith("not raised: legal basis CELEX 32014L0024", card.WithheldAlerts[0].Reason, StringComparison.Ordinal);
        Assert.Equal("Published under the Public Contracts Regulations 2015. Judged against the rubric as if commissioned today; no Procurement Act alerts are raised.", card.Banner);
    }

    [Fact]
    public void AScottishAuthorityRaisesNoProcurementActAlertEvenOnFindATender()
    {
        var card = ScoreRelease(BelowThresholdRoute(Gross(250_000)).Also(r => r["parties"]![0]!["address"]!["region"] = "UKM82"));
        Assert.Equal(NoticeRegime.PublicContractsScotlandRegulations2015, card.Source.Regime.Regime);
        Assert.Empty(card.Scorecard.Alerts);
        Assert.Equal("A1", Assert.Single(card.WithheldAlerts).Id);
        Assert.StartsWith("Published in Scotland", card.Banner, StringComparison.Ordinal);
    }

    [Fact]
    public void NoticesOfScotlandWalesAndBeforeTheActRaiseNoAlertAndSaySoFirst()
    {
        foreach (var file in new[] { Glasgow, NeathPortTalbot, Sunderland, Mopac, Brent })
        {
            var card = Scorecard(file);
            Assert.Empty(card.Scorecard.Alerts);
            Assert.False(card.Source.Regime.AlertsOn);
            Assert.NotNull(card.Banner);
        }
        var luton = Scorecard(ContractsFinder2025, "ocds-b5fd17-7445ba73-19af-4b2c-9156-bc70b3b4ee87");
        Assert.Equal("A7", Assert.Single(luton.WithheldAlerts).Id);
        Assert.StartsWith("Published before the Procurement Act 2023 came into force on 24 February 2025.", luton.Banner, StringComparison.Ordinal);
        Assert.Contains(luton.Notes, n => n == "The rubric holds only Procurement Act thresholds; for a notice of 2025-01-16 they are not the thresholds then in force.");
    }

    [Fact]
    public void AWelshAuthorityUnderTheActKeepsItsAlertsWithANote()
    {
        var card = ScoreRelease(BelowThresholdRoute(Gross(250_000)).Also(r =>
            r["parties"]![0]!["details"] = JsonNode.Parse("""{"classifications": [{"scheme": "UK_CA_DEVOLVED_REGULATIONS", "id": "GB-WLS"}]}""")));
        Assert.Equal(["A1"], AlertIds(card));
        Assert.Contains(card.Notes, n => n.StartsWith("A Welsh authority: under the Procurement Act with Welsh provisions", StringComparison.Ordinal));
    }
}

internal static class JsonObjectChanges
{
    public static JsonObject Also(this JsonObject release, Action<JsonObject> change)
    {
        change(release);
        return release;
    }
}
