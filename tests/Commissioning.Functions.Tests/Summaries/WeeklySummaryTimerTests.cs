using Commissioning.Functions.Hosting;
using Commissioning.Functions.Hosting.Local;
using Commissioning.Functions.Summaries;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Functions.Tests.Summaries;

/// <summary>
/// The weekly summary's timer function as the local runner fires it: from its NCRONTAB schedule (hourly on Mondays,
/// UTC, from the setting the attribute names), leaving the 08:00-London decision to the code.
/// </summary>
public sealed class WeeklySummaryTimerTests(SummaryServers servers) : IClassFixture<SummaryServers>
{
    [Fact]
    public void TheTimersScheduleComesFromItsSettingAndFiresHourlyOnMondaysInUtc()
    {
        var timer = Assert.Single(FunctionCatalog.App.Timers);
        Assert.Equal(("WeeklySummary", "%WeeklySummarySchedule%"), (timer.Name, timer.Schedule));
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["WeeklySummarySchedule"] = "0 0 * * * 1" }).Build();
        var scheduler = new TimerScheduler(FunctionCatalog.App, configuration, null!, null!, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<TimerScheduler>.Instance);

        var schedule = scheduler.Schedule(timer);

        var sunday = new DateTime(2026, 5, 31, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), schedule.GetNextOccurrence(sunday));
        Assert.Equal(new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc), schedule.GetNextOccurrence(new DateTime(2026, 6, 1, 7, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 6, 8, 0, 0, 0, DateTimeKind.Utc), schedule.GetNextOccurrence(new DateTime(2026, 6, 1, 23, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void ATimerWhoseScheduleSettingIsMissingStopsWithTheSettingsName()
    {
        var timer = Assert.Single(FunctionCatalog.App.Timers);
        var scheduler = new TimerScheduler(FunctionCatalog.App, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), null!, null!,
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<TimerScheduler>.Instance);

        var error = Assert.Throws<InvalidOperationException>(() => scheduler.Schedule(timer));

        Assert.Contains("WeeklySummarySchedule", error.Message);
    }

    [Fact]
    public async Task TheLocalRunnersTimerSendsAtEightLondonTimeAndNotAtSeven()
    {
        var lastWeek = IsoWeek.Parse("2026-W22");
        await servers.RegisterAsync(SummaryData.Council("E06000070", "Luton", "mayor@luton.example"));
        await servers.IndexAsync("E06000070", lastWeek, SummaryData.Entry("LBC-1", lastWeek));
        var clock = new FakeClock(SummaryData.Utc(2026, 6, 1, 5, 30));   // Monday 1 June 2026, 06:30 BST
        await using var app = new SummaryApp(servers, clock, scheduler: true);
        _ = app.Services;   // starts the runner and its timers

        await WaitForTimerAsync(clock);
        clock.SetUtcNow(SummaryData.Utc(2026, 6, 1, 6));      // 07:00 BST: the timer fires, nothing is due
        await WaitForTimerAsync(clock);
        Assert.Empty(await servers.MailDev.MessagesAsync());

        clock.SetUtcNow(SummaryData.Utc(2026, 6, 1, 7));      // 08:00 BST
        var mails = await servers.MailDev.WaitForAsync(1);
        Assert.Equal("Keep it Local weekly summary: Luton, week 2026-W22", Assert.Single(mails).Subject);
    }

    [Fact]
    public async Task TwoRunnersWhoseTimersFireAtTheSameMomentSendOneSummaryPerCouncil()
    {
        var lastWeek = IsoWeek.Parse("2026-W48");
        await servers.RegisterAsync(SummaryData.Council("E06000071", "Southend", "leader@southend.example"));
        await servers.IndexAsync("E06000071", lastWeek, SummaryData.Entry("SOS-1", lastWeek));
        var start = SummaryData.Utc(2026, 11, 30, 7, 59);   // Monday 30 November 2026, 07:59 GMT
        var clocks = new[] { new FakeClock(start), new FakeClock(start) };
        await using var one = new SummaryApp(servers, clocks[0], scheduler: true);
        await using var other = new SummaryApp(servers, clocks[1], scheduler: true);
        _ = one.Services;
        _ = other.Services;
        await WaitForTimerAsync(clocks[0]);
        await WaitForTimerAsync(clocks[1]);

        await Task.WhenAll(clocks.Select(c => Task.Run(() => c.SetUtcNow(SummaryData.Utc(2026, 11, 30, 8)))));

        await MailsEndingAsync("Southend, week 2026-W48");
        await Task.Delay(1_000);
        Assert.Single(await MailsEndingAsync("Southend, week 2026-W48"));
    }

    [Fact]
    public async Task ARunnerThatWasDownAtEightSendsTheMissedSummaryOnceWhenItStartsAgain()
    {
        var lastWeek = IsoWeek.Parse("2026-W46");
        await servers.RegisterAsync(SummaryData.Council("E06000072", "Thurrock", "leader@thurrock.example"));
        await servers.IndexAsync("E06000072", lastWeek, SummaryData.Entry("THU-1", lastWeek));
        // The schedule monitor last saw the timer due at 08:00 on Monday 16 November; the runner comes back on Tuesday.
        await new TimerScheduleStore(servers.Blobs, servers.Azurite.Provisioning()).WriteAsync("WeeklySummary", new Microsoft.Azure.Functions.Worker.ScheduleStatus
        {
            Last = new DateTime(2026, 11, 16, 7, 0, 0, DateTimeKind.Utc),
            Next = new DateTime(2026, 11, 16, 8, 0, 0, DateTimeKind.Utc),
            LastUpdated = new DateTime(2026, 11, 16, 7, 0, 0, DateTimeKind.Utc),
        }, CancellationToken.None);
        var clock = new FakeClock(SummaryData.Utc(2026, 11, 17, 9, 30));

        await using (var app = new SummaryApp(servers, clock, scheduler: true))
        {
            _ = app.Services;
            await MailsEndingAsync("Thurrock, week 2026-W46");
            await WaitForTimerAsync(clock);
            Assert.Contains(app.Logs.Lines, l => l.Contains("Weekly summary timer (past due: True", StringComparison.Ordinal));
        }

        // Started again the same day: the status now says the next occurrence is next Monday, so nothing is past due.
        await using (var again = new SummaryApp(servers, clock, scheduler: true))
        {
            _ = again.Services;
            await WaitForTimerAsync(clock);
        }

        Assert.Single(await MailsEndingAsync("Thurrock, week 2026-W46"));
    }

    /// <summary>The mails whose subject ends so, once there is at least one (10 s at most).</summary>
    private async Task<IReadOnlyList<ReceivedMail>> MailsEndingAsync(string subjectEnd)
    {
        for (var i = 0; i < 200; i++)
        {
            var mails = (await servers.MailDev.MessagesAsync()).Where(m => m.Subject.EndsWith(subjectEnd, StringComparison.Ordinal)).ToList();
            if (mails.Count > 0)
            {
                return mails;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no mail ending '{subjectEnd}' within 10 s");
    }

    private static async Task WaitForTimerAsync(FakeClock clock)
    {
        for (var i = 0; i < 400 && clock.PendingTimers == 0; i++)
        {
            await Task.Delay(25);
        }

        Assert.True(clock.PendingTimers > 0, "the timer never went back to sleep");
    }
}
