using System.Text;
using Commissioning.Functions.Summaries;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Summaries;

/// <summary>One summary per council and week, whatever happens to the runs that send it.</summary>
public sealed class ExactlyOnceTests(SummaryServers servers) : IClassFixture<SummaryServers>
{
    private static readonly string[] Codes = ["E06000001", "E06000002", "E06000003", "E06000004"];

    private async Task RegisterCouncilsWithPlansAsync(IsoWeek week)
    {
        foreach (var code in Codes)
        {
            await servers.RegisterAsync(SummaryData.Council(code, $"Council {code}", $"leader@{code.ToLowerInvariant()}.example"));
            await servers.IndexAsync(code, week, SummaryData.Entry($"{code}-P1", week));
        }
    }

    private async Task<Dictionary<string, int>> MailsPerCouncilAsync(IsoWeek week) =>
        (await servers.MailDev.MessagesAsync())
            .Where(m => m.Subject.EndsWith($"week {week}", StringComparison.Ordinal))
            .GroupBy(m => m.To.Single())
            .ToDictionary(g => g.Key, g => g.Count());

    private static Dictionary<string, int> OnceEach() => Codes.ToDictionary(c => $"leader@{c.ToLowerInvariant()}.example", _ => 1);

    [Fact]
    public async Task TwoInstancesFiredAtTheSameMomentSendOneSummaryPerCouncil()
    {
        var week = IsoWeek.Parse("2026-W10");
        await RegisterCouncilsWithPlansAsync(week);
        var monday = SummaryData.Utc(2026, 3, 9, 8);
        await using var first = new SummaryApp(servers, new FakeClock(monday));
        await using var second = new SummaryApp(servers, new FakeClock(monday));

        // Two instances' timer invocations at once (as if the host's single-instance lock had lapsed).
        await Task.WhenAll(first.FireTimerAsync(isPastDue: false), second.FireTimerAsync(isPastDue: false));

        Assert.Equal(OnceEach(), await MailsPerCouncilAsync(week));
        foreach (var code in Codes)
        {
            var record = await servers.RunStateAsync(code, week);
            Assert.Equal(SummaryRunState.Sent, record?.State);
        }
    }

    [Fact]
    public async Task ARunKilledHalfwayIsFinishedByTheNextRunsWithoutRepeatingAnyEmail()
    {
        var week = IsoWeek.Parse("2026-W11");
        await RegisterCouncilsWithPlansAsync(week);
        var announcer = new RecordingAnnouncer { CrashOnCall = 2 };
        var clock = new FakeClock(SummaryData.Utc(2026, 3, 16, 8));
        await using var app = new SummaryApp(servers, clock, announcer);

        // First run: council 1 is sent; council 2 is emailed, then the process "dies" before the chat hand-off.
        using var killed = new CancellationTokenSource();
        announcer.RunToCancel = killed;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.Sender.RunDueAsync(isPastDue: false, killed.Token));
        Assert.Equal(2, (await MailsPerCouncilAsync(week)).Count);
        Assert.Equal(["E06000001"], announcer.Announced.Select(a => a.Council.Code));

        // A restart a minute later: councils 3 and 4 are sent; council 2 is still leased to the dead run.
        clock.Advance(TimeSpan.FromMinutes(1));
        var restart = await app.Sender.RunDueAsync(isPastDue: false, CancellationToken.None);
        Assert.Equal(
            [CouncilSummaryOutcome.AlreadySent, CouncilSummaryOutcome.HeldElsewhere, CouncilSummaryOutcome.Sent, CouncilSummaryOutcome.Sent],
            restart.Councils.Select(c => c.Outcome));

        // The next hourly run, after the lease expired: council 2 is finished from where it stopped, with no second email.
        clock.Advance(TimeSpan.FromHours(1));
        var nextHour = await app.Sender.RunDueAsync(isPastDue: false, CancellationToken.None);
        Assert.Equal(
            [CouncilSummaryOutcome.AlreadySent, CouncilSummaryOutcome.Sent, CouncilSummaryOutcome.AlreadySent, CouncilSummaryOutcome.AlreadySent],
            nextHour.Councils.Select(c => c.Outcome));
        Assert.Equal(0, nextHour.Councils[1].Recipients);

        Assert.Equal(OnceEach(), await MailsPerCouncilAsync(week));
        Assert.Equal(Codes, announcer.Announced.Select(a => a.Council.Code).Order());
        var resumed = await servers.RunStateAsync("E06000002", week);
        Assert.Equal((SummaryRunState.Sent, 2), (resumed?.State, resumed?.Attempts));
    }

    [Fact]
    public async Task ACouncilWhoseDeliveryFailsIsRetriedNextRunWhileTheOthersAreSent()
    {
        var week = IsoWeek.Parse("2026-W12");
        await RegisterCouncilsWithPlansAsync(week);
        var clock = new FakeClock(SummaryData.Utc(2026, 3, 23, 8));
        var flaky = new FlakyAnnouncer("E06000003");
        await using var app = new SummaryApp(servers, clock, flaky);

        var first = await app.Sender.RunDueAsync(isPastDue: false, CancellationToken.None);
        Assert.Equal(CouncilSummaryOutcome.Failed, first.Councils.Single(c => c.Council == "E06000003").Outcome);

        flaky.Healthy = true;
        clock.Advance(TimeSpan.FromHours(1));
        var second = await app.Sender.RunDueAsync(isPastDue: false, CancellationToken.None);
        Assert.Equal(CouncilSummaryOutcome.Sent, second.Councils.Single(c => c.Council == "E06000003").Outcome);
        Assert.Equal(OnceEach(), await MailsPerCouncilAsync(week));
    }

    private sealed class FlakyAnnouncer(string failingCouncil) : ISummaryAnnouncer
    {
        public bool Healthy { get; set; }

        public Task AnnounceAsync(SummaryAnnouncement announcement, CancellationToken cancellationToken) =>
            !Healthy && announcement.Council.Code == failingCouncil
                ? throw new HttpRequestException("Teams answered 503")
                : Task.CompletedTask;
    }
}
