using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commissioning.Functions.Tests.EndToEnd;

/// <summary>
/// The weekly summary reads what the submission path wrote: plans submitted through the API in one ISO week appear in
/// that week's summary with their bands, and not in the next week's.
/// </summary>
public sealed class WeeklySummaryFromSubmissionsTests : IAsyncLifetime
{
    private const string Council = CommissioningApi.DemoCouncil;
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));   // Wednesday of 2026-W10
    private Azurite _azurite = null!;
    private CommissioningApi _api = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartNewAsync();
        _api = new CommissioningApi(_azurite, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
        }, new Dictionary<string, string?>());
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private static string Sample(string file, string reference)
    {
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file)))!.AsObject();
        plan["reference"] = reference;
        return plan.ToJsonString();
    }

    [Fact]
    public async Task PlansSubmittedThroughTheApiAppearInTheirWeeksSummary()
    {
        using var council = await _api.CouncilAsync(Council);
        Assert.Equal(HttpStatusCode.Created, (await council.PostAsync("/api/plans", TestPlans.Content(Sample("community-grants-round.json", "WK10-GRANTS")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await council.PostAsync("/api/plans", TestPlans.Content(Sample("large-outsourcing-single-lot.json", "WK10-OUTSOURCE")))).StatusCode);
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));   // Tuesday of 2026-W11
        Assert.Equal(HttpStatusCode.Created, (await council.PostAsync("/api/plans", TestPlans.Content(Sample("participatory-budgeting-round.json", "WK11-PB")))).StatusCode);
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.Zero));   // both weeks have ended

        var week10 = await council.GetStringAsync($"/api/summaries/{Council}/2026-W10?format=md");
        var week11 = await council.GetStringAsync($"/api/summaries/{Council}/2026-W11?format=md");

        Assert.Contains("WK10-GRANTS", week10);
        Assert.Contains("WK10-OUTSOURCE", week10);
        Assert.DoesNotContain("WK11-PB", week10);
        Assert.Contains("WK11-PB", week11);
        Assert.DoesNotContain("WK10-GRANTS", week11);
        Assert.Contains("A5", week10);   // the outsourcing plan's alert needs attention
    }

    [Fact]
    public async Task AWeeksSummaryShowsAPlansLatestVersionThatWeekAndAVersionSubmittedTheWeekAfterOnlyInThatWeek()
    {
        using var council = await _api.CouncilAsync(Council);
        async Task<int> Submit(string title)
        {
            var plan = JsonNode.Parse(Sample("community-grants-round.json", "WK10-REVISED"))!.AsObject();
            plan["title"] = title;
            var response = await council.PostAsync("/api/plans", TestPlans.Content(plan.ToJsonString()));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>();
        }

        Assert.Equal(1, await Submit("First draft of the grants round"));
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero));   // Thursday of 2026-W10
        Assert.Equal(2, await Submit("Revised grants round"));
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));   // Tuesday of 2026-W11
        Assert.Equal(3, await Submit("Grants round for next year"));
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.Zero));

        var week10 = await council.GetStringAsync($"/api/summaries/{Council}/2026-W10?format=md");
        var week11 = await council.GetStringAsync($"/api/summaries/{Council}/2026-W11?format=md");

        Assert.Contains("[Revised grants round]", week10);
        Assert.Contains("(WK10-REVISED v2)", week10);
        Assert.DoesNotContain("First draft of the grants round", week10);
        Assert.Contains("1 plan was submitted", week10);
        Assert.Contains("[Grants round for next year]", week11);
        Assert.Contains("(WK10-REVISED v3)", week11);
        Assert.DoesNotContain("Revised grants round", week11);
    }
}
