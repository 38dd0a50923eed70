using System.Globalization;
using System.Text.Json;
using Commissioning.Domain;
using Commissioning.Domain.Councils;
using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;
using Commissioning.Functions.Guidance;
using Commissioning.Functions.Tests.Infrastructure;
using RubricVersions = Commissioning.Domain.Rubrics.Rubrics;

namespace Commissioning.Functions.Tests.Guidance;

/// <summary>The guidance of every sample plan, as a commissioner reads it: plain Markdown, money in pounds.</summary>
public sealed class SampleGuidanceTests
{
    private readonly GuidanceRenderer _renderer = GuidanceExamples.Renderer();

    public static TheoryData<string> SampleNames { get; } =
        [.. Directory.EnumerateFiles(RepositoryPaths.Combine("samples", "plans"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    private static Council Stevenage { get; } =
        JsonSerializer.Deserialize(File.ReadAllText(RepositoryPaths.Combine("samples", "councils", "E07000243.json")), DomainJsonContext.Default.Council)!;

    private static (Plan Plan, Scorecard Scorecard) Scored(string sample)
    {
        var plan = JsonSerializer.Deserialize(File.ReadAllText(RepositoryPaths.Combine("samples", "plans", sample + ".json")), DomainJsonContext.Default.Plan)!;
        return (plan, ScoringEngine.Score(plan, RubricVersions.Current, Stevenage, new DateOnly(2026, 1, 15)));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void TheMarkdownGuidanceOfEverySampleReadsWithoutABackslash(string sample)
    {
        var (plan, scorecard) = Scored(sample);

        var markdown = _renderer.Render(plan, scorecard, 1, GuidanceExamples.Links).Markdown;

        Assert.DoesNotContain("\\", markdown, StringComparison.Ordinal);
        Assert.Contains($"# Guidance: {plan.Title}\n", markdown, StringComparison.Ordinal);
        Assert.All(scorecard.Recommendations, r => Assert.Contains($"**Would gain {GuidanceWording.Gain(r.Gain)}**", markdown, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void MoneyTheEvidenceQuotesIsInPoundsWhereverItAppears(string sample)
    {
        var (plan, scorecard) = Scored(sample);
        var amounts = new[] { plan.Budget?.TotalValue, plan.Budget?.MaximumAward, plan.Procurement?.MinimumAnnualTurnover, plan.Procurement?.Insurance?.PublicLiability }
            .Concat((plan.Procurement?.Lots ?? []).Select(l => l.Value))
            .OfType<decimal>()
            .Where(amount => amount > 0)
            .Select(amount => amount.ToString(CultureInfo.InvariantCulture))
            .ToHashSet();

        var page = GuidancePage.From(plan, scorecard, 1, GuidanceExamples.Links, null);
        var quoted = page.Recommendations.SelectMany(r => r.Evidence).Concat(page.Strengths.SelectMany(s => s.Evidence)).ToList();

        Assert.NotEmpty(quoted);
        Assert.DoesNotContain(quoted, e => amounts.Contains(e.Value));
    }

    [Fact]
    public void TheLargestLotIsQuotedInPoundsBesideTheTotalValue()
    {
        var (plan, scorecard) = Scored("large-outsourcing-single-lot");

        var page = GuidancePage.From(plan, scorecard, 1, GuidanceExamples.Links, null);
        var sizing = page.Recommendations.Single(r => r.CriterionId == "L3");

        Assert.Contains(new EvidenceItem("$.procurement.lots (largest value)", "£9,600,000"), sizing.Evidence);
        Assert.Contains(new EvidenceItem("annual value", "£1,371,429"), sizing.Evidence);
        Assert.Contains(new PlanFact("Total value", "£9,600,000 including VAT, whole term"), page.Facts);
    }
}
