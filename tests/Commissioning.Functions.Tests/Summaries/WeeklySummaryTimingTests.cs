using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Commissioning.Domain.Summaries;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Summaries;

/// <summary>The timer fires hourly on Mondays (UTC); the code sends at 08:00 UK time, once, summer and winter alike.</summary>
public sealed class WeeklySummaryTimingTests(SummaryServers servers) : IClassFixture<SummaryServers>, IAsyncLifetime
{
    private readonly SummaryApp _app = new(servers, new FakeClock(SummaryData.Utc(2026, 1, 1, 0)));
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _http = _app.CreateClient();
        await servers.RegisterAsync(SummaryData.Council("E07000243", "Stevenage", "ward.one@stevenage.example", "ward.two@stevenage.example"));
        await servers.RegisterAsync(SummaryData.Council("E06000055", "Bedford", "cabinet@bedford.example"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The exact body the Functions host POSTs for a timer invocation.</summary>
    public static string HostTimerPayload(bool isPastDue, DateTimeOffset utcNow)
    {
        var pastDue = isPastDue ? "true" : "false";
        var last = utcNow.AddHours(-1).ToString("O");
        var next = utcNow.AddHours(1).ToString("O");
        const string template = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"LAST","Next":"NEXT","LastUpdated":"LAST"},"IsPastDue":PAST_DUE}},"Metadata":{"timer":{"Schedule":{"AdjustForDST":true},"IsPastDue":PAST_DUE},"sys":{"MethodName":"WeeklySummary","UtcNow":"NOW","RandGuid":"0f5b3b5e-6c1a-4a55-9d1e-5b3cf7d1d001"}}}
            """;
        return template.Replace("LAST", last).Replace("NEXT", next).Replace("PAST_DUE", pastDue).Replace("NOW", utcNow.ToString("O"));
    }

    private async Task<JsonElement> FireTimerAtAsync(DateTimeOffset utc, bool isPastDue = false)
    {
        _app.Clock.SetUtcNow(utc);
        using var content = new StringContent(HostTimerPayload(isPastDue, utc), Encoding.UTF8, "application/json");
        var response = await _http.PostAsync("/WeeklySummary", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
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
        Assert.Contains(seven.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains($"No weekly summary due at {monday:yyyy-MM-dd} 07:00 UK time"));

        var eight = await FireTimerAtAsync(SummaryData.Utc(year, month, day, utcHourOfEightInLondon));
        var mails = await MailsForAsync(lastWeek);
        Assert.Equal(2, mails.Count);
        Assert.Equal(["cabinet@bedford.example"], mails.Single(m => m.Subject.Contains("Bedford")).To);
        Assert.Equal(["ward.one@stevenage.example", "ward.two@stevenage.example"], mails.Single(m => m.Subject.Contains("Stevenage")).To.Order());
        Assert.Contains(eight.GetProperty("Logs").EnumerateArray(), l => l.GetString() == $"E07000243 {lastWeek}: Sent (2 recipients)");

        var nine = await FireTimerAtAsync(SummaryData.Utc(year, month, day, utcHourOfEightInLondon + 1));
        Assert.Equal(2, (await MailsForAsync(lastWeek)).Count);
        Assert.Contains(nine.GetProperty("Logs").EnumerateArray(), l => l.GetString() == $"E07000243 {lastWeek}: AlreadySent (0 recipients)");
    }

    [Fact]
    public async Task APastDueRunLaterOnMondaySendsTheWeekThatWasMissedAndOnlyOnce()
    {
        var lastWeek = IsoWeek.Parse("2026-W05");
        await servers.IndexAsync("E07000243", lastWeek, SummaryData.Entry("SBC-5", lastWeek));

        // The host was down at 08:00 and 09:00 (GMT, 2 February 2026); the timer catches up at 10:00, past due.
        var late = await FireTimerAtAsync(SummaryData.Utc(2026, 2, 2, 10), isPastDue: true);
        Assert.Equal(2, (await MailsForAsync(lastWeek)).Count);
        Assert.Contains(late.GetProperty("Logs").EnumerateArray(), l => l.GetString() == "Timer invocation (past due: True).");

        await FireTimerAtAsync(SummaryData.Utc(2026, 2, 2, 11), isPastDue: true);
        Assert.Equal(2, (await MailsForAsync(lastWeek)).Count);
    }

    [Fact]
    public async Task APastDueRunOnTuesdaySendsNothingTheAdminRunIsTheWayToCatchUp()
    {
        var lastWeek = IsoWeek.Parse("2026-W06");
        await servers.IndexAsync("E07000243", lastWeek, SummaryData.Entry("SBC-6", lastWeek));

        var tuesday = await FireTimerAtAsync(SummaryData.Utc(2026, 2, 10, 8), isPastDue: true);

        Assert.Empty(await MailsForAsync(lastWeek));
        Assert.Contains(tuesday.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.StartsWith("No weekly summary due", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheHostsTimerPayloadIsAnsweredWithOutputsLogsAndANullReturnValue()
    {
        _app.Clock.SetUtcNow(SummaryData.Utc(2026, 2, 4, 12));
        using var content = new StringContent(HostTimerPayload(false, SummaryData.Utc(2026, 2, 4, 12)), Encoding.UTF8, "application/json");

        var response = await _http.PostAsync("/WeeklySummary", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Empty(body.RootElement.GetProperty("Outputs").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("ReturnValue").ValueKind);
        Assert.Equal(
            ["Timer invocation (past due: False).", "No weekly summary due at 2026-02-04 12:00 UK time."],
            body.RootElement.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()));
    }
}
