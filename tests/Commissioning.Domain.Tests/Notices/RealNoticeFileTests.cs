using Commissioning.Domain.Notices;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>Every real file shipped in samples/notices goes through the whole path: read, compile, map, score, lens.</summary>
public class RealNoticeFileTests
{
    public static TheoryData<string> Files => [.. AllFiles.Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal))];

    public static TheoryData<string> NoticeFiles => [.. AllFiles.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)
        || (f.EndsWith(".json", StringComparison.Ordinal) && !f.StartsWith("extensions/", StringComparison.Ordinal) && f != "release-schema.json"))];

    [Fact]
    public void TheSamplesHoldEveryShippedNoticeFile()
    {
        Assert.Equal(13, NoticeFiles.Count);
        Assert.Contains("SOURCES.md", AllFiles);
        Assert.Contains("fts/README.md", AllFiles);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryFileIsReadWithoutAnExceptionAndEveryTenderIsScoredOrReportedWithItsReason(string file)
    {
        var read = Read(file);
        if (read.Batch is null)
        {
            // The schemas shipped beside the notices are JSON but not OCDS data: a typed problem, not an exception.
            Assert.True(file == "release-schema.json" || file.StartsWith("extensions/", StringComparison.Ordinal), $"{file}: {read.Problem}");
            Assert.IsType<UnreadableNotice>(read.Problem);
            return;
        }
        var results = Assess(read.Batch);
        Assert.NotEmpty(results);
        Assert.Equal(read.Batch.Processes.Count, results.Count);
        foreach (var result in results)
        {
            if (result.Status == NoticeProcessStatus.Scored)
            {
                Assert.NotNull(result.Scorecard);
                Assert.Null(result.Reason);
            }
            else
            {
                Assert.Null(result.Scorecard);
                Assert.False(string.IsNullOrWhiteSpace(result.Reason), $"{result.Ocid} is {result.Status} without a reason");
            }
        }
    }

    [Theory]
    [MemberData(nameof(NoticeFiles))]
    public void EveryMappedPlanIsAValidPlanThatThePlanParserAccepts(string file)
    {
        foreach (var result in Assess(file).Where(r => r.Scorecard is not null))
        {
            var parsed = PlanParser.Parse(DomainJson.Serialize(result.Scorecard!.Plan));
            Assert.True(parsed.IsValid, $"{result.Ocid}: {string.Join("; ", parsed.Problems)}");
        }
    }

    [Theory]
    [MemberData(nameof(NoticeFiles))]
    public void EveryCriterionANoticeDoesNotEvidenceBecomesAQuestionForCouncillors(string file)
    {
        foreach (var card in Assess(file).Select(r => r.Scorecard).OfType<NoticeScorecard>())
        {
            var unevidenced = card.Scorecard.Dimensions.SelectMany(d => d.Criteria).Where(c => c.Status == CriterionStatus.NotEvidenced).Select(c => c.Id).ToList();
            Assert.Equal(unevidenced, card.Questions.Select(q => q.CriterionId));
            Assert.All(card.Questions, q => Assert.EndsWith("?", q.Question, StringComparison.Ordinal));
            Assert.Equal(24 - unevidenced.Count, card.CriteriaEvidenced);
            Assert.Contains($"{card.CriteriaEvidenced} of 24 criteria could be read from the notice", card.Label, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(NoticeFiles))]
    public void NoCriterionANoticeCanNeverShowEarnsPointsOrEscapesNotEvidenced(string file)
    {
        var beyondNotices = Lens.Criteria.Where(c => c.Evidence == NoticeEvidence.None).Select(c => c.Id).ToHashSet();
        foreach (var card in Assess(file).Select(r => r.Scorecard).OfType<NoticeScorecard>())
        {
            foreach (var criterion in card.Scorecard.Dimensions.SelectMany(d => d.Criteria).Where(c => beyondNotices.Contains(c.Id)))
            {
                Assert.Equal(CriterionStatus.NotEvidenced, criterion.Status);
                Assert.Equal(0m, criterion.Points);
                Assert.StartsWith("A published notice cannot show this. Ask: ", criterion.Recommendation, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(NoticeFiles))]
    public void EveryNoticeScorecardIsLabelledAndAttributed(string file)
    {
        foreach (var card in Assess(file).Select(r => r.Scorecard).OfType<NoticeScorecard>())
        {
            Assert.Equal("notice-derived", card.Kind);
            Assert.StartsWith($"Scored from a published notice ({card.Source.PortalName} {card.Source.NoticeId}), not from a commissioning plan submitted by the council.", card.Label, StringComparison.Ordinal);
            Assert.StartsWith("Contains public sector information licensed under the Open Government Licence v", card.Source.Attribution, StringComparison.Ordinal);
            Assert.Equal(3, card.Dimensions.Count);
        }
    }

    [Fact]
    public void TheContractsFinderPageScoresItsTendersAndReportsItsAwardsAsOutcomeOnly()
    {
        var results = Assess(ContractsFinder2025);
        Assert.Equal(94, results.Count);
        Assert.Equal(38, results.Count(r => r.Status == NoticeProcessStatus.Scored));
        Assert.Equal(56, results.Count(r => r.Status == NoticeProcessStatus.OutcomeOnly));
        Assert.All(results.Where(r => r.Status == NoticeProcessStatus.OutcomeOnly), r => Assert.StartsWith("Outcome only, not scored", r.Reason, StringComparison.Ordinal));
    }
}
