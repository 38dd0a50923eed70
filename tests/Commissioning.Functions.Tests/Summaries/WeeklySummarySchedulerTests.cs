using Commissioning.Domain.Summaries;
using Commissioning.Functions.Summaries;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Summaries;

/// <summary>Standalone (no Functions host) the in-process scheduler wakes on the hour and runs the same code as the timer.</summary>
public sealed class WeeklySummarySchedulerTests(SummaryServers servers) : IClassFixture<SummaryServers>
{
    [Theory]
    [InlineData("2026-06-01T06:59:30Z", 3600.0 - 3570)]
    [InlineData("2026-06-01T07:00:00Z", 3600.0)]
    public void TheSchedulerSleepsUntilTheTopOfTheNextHour(string now, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), WeeklySummaryScheduler.UntilNextHour(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task TheInProcessSchedulerSendsAtEightLondonTimeAndNotAtSeven()
    {
        var lastWeek = IsoWeek.Parse("2026-W22");
        await servers.RegisterAsync(SummaryData.Council("E06000070", "Luton", "mayor@luton.example"));
        await servers.IndexAsync("E06000070", lastWeek, SummaryData.Entry("LBC-1", lastWeek));
        var clock = new FakeClock(SummaryData.Utc(2026, 6, 1, 5, 30));   // Monday 1 June 2026, 06:30 BST
        await using var app = new SummaryApp(servers, clock, scheduler: true);
        _ = app.Services;   // starts the host and its scheduler

        await WaitForTimerAsync(clock);
        clock.SetUtcNow(SummaryData.Utc(2026, 6, 1, 6));      // 07:00 BST: nothing due
        await WaitForTimerAsync(clock);
        Assert.Empty(await servers.MailDev.MessagesAsync());

        clock.SetUtcNow(SummaryData.Utc(2026, 6, 1, 7));      // 08:00 BST
        var mails = await servers.MailDev.WaitForAsync(1);
        Assert.Equal("Keep it Local weekly summary: Luton, week 2026-W22", Assert.Single(mails).Subject);
    }

    private static async Task WaitForTimerAsync(FakeClock clock)
    {
        for (var i = 0; i < 200 && clock.PendingTimers == 0; i++)
        {
            await Task.Delay(25);
        }

        Assert.True(clock.PendingTimers > 0, "the scheduler never went back to sleep");
    }
}
