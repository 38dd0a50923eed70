using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Summaries;

/// <summary>The timer fires hourly on Mondays (UTC); the code sends at 08:00 UK time, once, summer and winter alike.</summary>
public sealed class WeeklySummaryTimingTests(SummaryServers servers) : IClassFixture<SummaryServers>, IAsyncLifetime
{
    private readonly SummaryApp _app = new(servers, new FakeClock(SummaryData.Utc(2026, 1, 1, 0)));
    public async Task InitializeAsync()
    {
        _ = _app.Services;
        await servers.RegisterAsync(SummaryData.Council("E07000243", "Stevenage", "ward.one@stevenage.example", "ward.two@stevenage.example"));
        await servers.RegisterAsync(SummaryData.Council("E06000055", "Bedford", "cabinet@bedford.example"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Moves the clock and invokes the timer function with the host's TimerInfo; returns what it logged.</summary>
    private async Task<IReadOnlyList<string>> FireTimerAtAsync(DateTimeOffset utc, bool isPastDue = false)
    {
        _app.Clock.SetUtcNow(utc);
        var before = _app.Logs.Lines.Count;
        await _app.FireTimerAsync(isPastDue);
        return [.. _app.Logs.Lines.Skip(before)];
    }

    private async Task<IReadOnlyList<ReceivedMail>> MailsForAsync(IsoWeek week) =>
        [.. (await servers.MailDev.MessagesAsync()).Where(m => m.Subject.EndsWith($"week {week}", StringComparison.Ordinal))];

    [Theory]
    [InlineData(2026, 3, 23, 8)]   // GMT: 08:00 in London is 08:00 UTC
    [InlineData(2026, 3, 30, 7)]   // BST from 29 March: 08:00 in London is 07:00 UTC
    [InlineData(2026, 10, 19, 7)]  // still BST
    [InlineData(2026, 10, 26, 8)]  // GMT again from 25 October
    public async Task EightOClockInLondonOnTheMondaysAroundTheClockChangesSendsOnceAndTheHoursEitherSideDoNot(int year, int month, int day, int utcHourOfEightInLondon)
    {
        var monday = new DateOnly(year, month, day);
        var lastWeek = IsoWeek.Of(monday).AddWeeks(-1);
        await servers.IndexAsync("E07000243", lastWeek, SummaryData.Entry("SBC-1", lastWeek));
        await servers.IndexAsync("E06000055", lastWeek, SummaryData.Entry("BBC-1", lastWeek));

        var seven = await FireTimerAtAsync(SummaryData.Utc(year, month, day, utcHourOfEightInLondon - 1));
        Assert.Empty(await MailsForAsync(lastWeek));
        Assert.Contains(seven, l => l.Contains($"No weekly summary due at {monday:yyyy-MM-dd} 07:00 UK time", StringComparison.Ordinal));

        var eight = await FireTimerAtAsync(SummaryData.Utc(year, month, day, utcHourOfEightInLondon));
        var mails = await MailsForAsync(lastWeek);
        Assert.Equal(2, mails.Count);
        Assert.Equal(["cabinet@bedford.example"], mails.Single(m => m.Subject.Contains("Bedford")).To);
        Assert.Equal(["ward.one@stevenage.example", "ward.two@stevenage.example"], mails.Single(m => m.Subject.Contains("Stevenage")).To.Order());
        Assert.Contains(eight, l => l.EndsWith($"E07000243 {lastWeek}: Sent (2 recipients) ", StringComparison.Ordinal));

        var nine = await FireTimerAtAsync(SummaryData.Utc(year, month, day, utcHourOfEightInLondon + 1));
        Assert.Equal(2, (await MailsForAsync(lastWeek)).Count);
        Assert.Contains(nine, l => l.EndsWith($"E07000243 {lastWeek}: AlreadySent (0 recipients) ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APastDueRunLaterOnMondaySendsTheWeekThatWasMissedAndOnlyOnce()
    {
        var lastWeek = IsoWeek.Parse("2026-W05");
        await servers.IndexAsync("E07000243", lastWeek, SummaryData.Entry("SBC-5", lastWeek));

        // The host was down at 08:00 and 09:00 (GMT, 2 February 2026); the timer catches up at 10:00, past due.
        var late = await FireTimerAtAsync(SummaryData.Utc(2026, 2, 2, 10), isPastDue: true);
        Assert.Equal(2, (await MailsForAsync(lastWeek)).Count);
        Assert.Contains(late, l => l.Contains("Weekly summary timer (past due: True", StringComparison.Ordinal));

        await FireTimerAtAsync(SummaryData.Utc(2026, 2, 2, 11), isPastDue: true);
        Assert.Equal(2, (await MailsForAsync(lastWeek)).Count);
    }

    [Fact]
    public async Task APastDueRunOnTuesdaySendsTheWeekWhoseMondayWasMissedOnce()
    {
        var lastWeek = IsoWeek.Parse("2026-W06");
        await servers.IndexAsync("E07000243", lastWeek, SummaryData.Entry("SBC-6", lastWeek));

        // The host was down all of Monday 9 February; it comes back on Tuesday and the timer fires past due.
        await FireTimerAtAsync(SummaryData.Utc(2026, 2, 10, 8), isPastDue: true);
        Assert.Equal(2, (await MailsForAsync(lastWeek)).Count);

        // A run on Tuesday that is not past due is nothing (the rule is still Monday from 08:00), and no second send.
        var onTime = await FireTimerAtAsync(SummaryData.Utc(2026, 2, 10, 9));
        Assert.Contains(onTime, l => l.Contains("No weekly summary due", StringComparison.Ordinal));
        await FireTimerAtAsync(SummaryData.Utc(2026, 2, 10, 10), isPastDue: true);
        Assert.Equal(2, (await MailsForAsync(lastWeek)).Count);
    }

    [Fact]
    public async Task APastDueRunBeforeEightOnMondaySendsTheWeekBeforeNotTheOneJustEnded()
    {
        var weekBefore = IsoWeek.Parse("2026-W07");
        var justEnded = IsoWeek.Parse("2026-W08");
        await servers.IndexAsync("E07000243", weekBefore, SummaryData.Entry("SBC-7", weekBefore));
        await servers.IndexAsync("E07000243", justEnded, SummaryData.Entry("SBC-8", justEnded));

        // Monday 23 February 2026 at 07:00 GMT, past due: last Monday's summary (week 7) is the one missed.
        await FireTimerAtAsync(SummaryData.Utc(2026, 2, 23, 7), isPastDue: true);

        Assert.Equal(2, (await MailsForAsync(weekBefore)).Count);
        Assert.Empty(await MailsForAsync(justEnded));
    }
}
