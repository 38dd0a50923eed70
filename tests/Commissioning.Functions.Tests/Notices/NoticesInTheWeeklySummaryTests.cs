using Commissioning.Functions.Summaries;
using Commissioning.Functions.Tests.Summaries;

namespace Commissioning.Functions.Tests.Notices;

/// <summary>
/// The weekly summary's "notices scored this week": the notices imported in that ISO week, by import date, in a section
/// of their own, escaped, and counted in none of the plan figures; the email and the stored Markdown alike.
/// </summary>
public sealed class NoticesInTheWeeklySummaryTests(SummaryServers servers) : IClassFixture<SummaryServers>, IAsyncLifetime
{
    private const string Council = "E07000118";
    private const string Hostile = "<script>alert('x')</script> Aids & [links](javascript:alert(1))";
    private static readonly IsoWeek Week = IsoWeek.Parse("2026-W06");
    private readonly FakeClock _clock = new(SummaryData.Utc(2026, 2, 4, 10, 0));   // Wednesday of 2026-W06
    private SummaryApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = new SummaryApp(servers, _clock);
        _http = _app.CreateClient();
        _http.DefaultRequestHeaders.Add("X-Api-Key", SummaryApp.AdminKey);
        await servers.RegisterAsync(SummaryData.Council(Council, "Chorley Council", "leader@chorley.example") with
        {
            BuyerNames = ["Lancashire County Council", "London Borough of Brent"],
        });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task TheSummaryListsTheWeeksImportedNoticesInTheirOwnSectionEscapedAndCountsNoneAsAPlan()
    {
        await servers.IndexAsync(Council, Week, SummaryData.Entry("CHO-2026-001", Week, title: "Lunch clubs", local: 90, funding: 80, coDesign: 70));
        var hostile = NoticeFiles.Node(NoticeFiles.Lancashire);
        hostile["releases"]![0]!["tender"]!["title"] = Hostile;
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"/api/notices/{Council}", NoticeFiles.Json(hostile.ToJsonString()))).StatusCode);
        _clock.SetUtcNow(SummaryData.Utc(2026, 2, 5, 9, 0));
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"/api/notices/{Council}", NoticeFiles.Content(NoticeFiles.Brent))).StatusCode);
        _clock.SetUtcNow(SummaryData.Utc(2026, 2, 9, 0, 30));   // the next week: not this summary's
        var later = NoticeFiles.Node(NoticeFiles.Lancashire);
        later["releases"]![0]!["ocid"] = "ocds-b5fd17raw-00000000-0000-0000-0000-000000000001";
        later["releases"]![0]!["tender"]!["title"] = "Imported the week after";
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"/api/notices/{Council}", NoticeFiles.Json(later.ToJsonString()))).StatusCode);
        _clock.SetUtcNow(SummaryData.Utc(2026, 2, 9, 8, 5));

        var result = await _app.Sender.SendAsync((await servers.Councils.GetAsync(Council, default))!, Week, default);

        Assert.Equal(CouncilSummaryOutcome.Sent, result.Outcome);
        var mail = (await servers.MailDev.MessagesAsync()).Single(m => m.Subject.Contains("Chorley Council", StringComparison.Ordinal));
        var html = mail.Html;
        Assert.Contains("1 plan was submitted: 1 green, 0 amber, 0 red.", html);
        Assert.Contains("<td style=\"padding: 4px 8px 4px 0;\">Local by default</td><td align=\"right\">90</td>", html);
        Assert.Contains("<h2 style=\"font-size: 18px;\">Notices scored this week</h2>", html);
        Assert.Contains("2 published notices were imported this week. Each is scored from a published notice, not from a commissioning plan submitted by the council", html);
        Assert.True(html.IndexOf("Notices scored this week", StringComparison.Ordinal) > html.IndexOf("Keep it Local principles", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Aids &amp; [links](javascript:alert(1))", html);
        Assert.True(html.IndexOf("&lt;script&gt;", StringComparison.Ordinal) < html.IndexOf("Brent Volunteer Centre", StringComparison.Ordinal), "by import date");
        Assert.DoesNotContain("Imported the week after", html);
        // A link a reader can open: the council's page, where the notices are listed with their guidance (the API needs a key in a header).
        Assert.Contains($"href=\"{SummaryApp.PublicBaseUrl}/api/app/council?code={Council}#notices-heading\"", html);
        Assert.DoesNotContain("/api/notices/", html);

        var text = mail.Text;
        Assert.Contains("NOTICES SCORED THIS WEEK (2)", text);
        Assert.Contains("* Brent Volunteer Centre", text);
        Assert.Contains($"{SummaryApp.PublicBaseUrl}/api/app/council?code={Council}#notices-heading", text);
        Assert.Contains("band withheld", html);

        var markdown = await _http.GetStringAsync($"/api/summaries/{Council}/{Week}?format=md");
        Assert.Contains("**Notices scored this week** (2: scored from published notices, not plans submitted by the council, and not counted above)", markdown);
        Assert.Contains("- [Brent Volunteer Centre](", markdown);
        Assert.DoesNotContain("<script>", markdown);
    }

    [Fact]
    public async Task AWeekWithNoNoticesHasNoNoticesSection()
    {
        await servers.RegisterAsync(SummaryData.Council("E07000119", "Fylde Council", "leader@fylde.example"));
        await servers.IndexAsync("E07000119", Week, SummaryData.Entry("FYL-1", Week));
        _clock.SetUtcNow(SummaryData.Utc(2026, 2, 9, 8, 5));

        var markdown = await _http.GetStringAsync($"/api/summaries/E07000119/{Week}?format=md");
        var html = await _http.GetStringAsync($"/api/summaries/E07000119/{Week}?format=html");

        Assert.DoesNotContain("Notices scored this week", markdown);
        Assert.DoesNotContain("Notices scored this week", html);
        Assert.Contains("\n\n[Read the full summary]", markdown);
    }
}
