using System.Text.Json;
using Commissioning.Functions.Summaries;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Summaries;

/// <summary>What councillors receive, what is stored, and what the summary endpoints answer.</summary>
public sealed class SummaryContentTests(SummaryServers servers) : IClassFixture<SummaryServers>, IAsyncLifetime
{
    private const string Council = "E07000243";
    private const string Hostile = "<script>alert('x')</script> Youth hubs & [links](javascript:alert(1))";
    private readonly SummaryApp _app = new(servers, new FakeClock(SummaryData.Utc(2026, 2, 9, 8, 5)));
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _http = _app.CreateClient();
        _http.DefaultRequestHeaders.Add("X-Api-Key", SummaryApp.AdminKey);
        await servers.RegisterAsync(SummaryData.Council(Council, "Stevenage <Borough>", "ward.one@stevenage.example"));
        await servers.RegisterAsync(SummaryData.Council("E06000055", "Bedford", "cabinet@bedford.example"));
        await servers.RegisterAsync(SummaryData.Council(ArchivedCouncil, "North Hertfordshire <District>", "leader@north-herts.example"));
    }

    private const string ArchivedCouncil = "E07000099";

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly IsoWeek Week = IsoWeek.Parse("2026-W06");

    private async Task SeedWeekAsync(string council = Council)
    {
        await servers.IndexAsync(council, Week,
            SummaryData.Entry("SBC-2026-014", Week, title: Hostile, local: 20, funding: 30, coDesign: 25, alerts: ["A4", "A5"], recommendations: ["P2", "L4"], principles: [(3, 20), (5, 80)]),
            SummaryData.Entry("SBC-2026-015", Week, title: "Lunch clubs", local: 90, funding: 80, coDesign: 70, alerts: ["A4"], recommendations: ["P2"], principles: [(3, 30), (5, 90)]));
        await servers.IndexAsync(council, Week.AddWeeks(-2), SummaryData.Entry("SBC-2026-009", Week.AddWeeks(-2), local: 40, funding: 40, coDesign: 40));
        await servers.IndexAsync(council, Week.AddWeeks(-5), SummaryData.Entry("SBC-2025-100", Week.AddWeeks(-5), local: 0, funding: 0, coDesign: 0));
    }

    [Fact]
    public async Task TheEmailListsTheWeeksPlansWithLinksAndEscapesEveryPlanText()
    {
        await SeedWeekAsync();

        var result = await _app.Sender.SendAsync((await servers.Councils.GetAsync(Council, default))!, Week, default);

        Assert.Equal(CouncilSummaryOutcome.Sent, result.Outcome);
        var mail = (await servers.MailDev.MessagesAsync()).Single(m => m.Subject == "Keep it Local weekly summary: Stevenage <Borough>, week 2026-W06");
        Assert.Equal(["ward.one@stevenage.example"], mail.To);
        Assert.Equal($"weekly-summary.{Council}.2026-W06@advisor.example.gov.uk", mail.MessageId?.Trim('<', '>'));

        Assert.DoesNotContain("<script>", mail.Html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Youth hubs &amp; [links](javascript:alert(1))", mail.Html);
        Assert.Contains("Stevenage &lt;Borough&gt;", mail.Html);
        Assert.Contains("<title>Weekly summary: Stevenage &lt;Borough&gt;, 2026-W06 — Keep it Local</title>", mail.Html);
        // Links open the web pages (which ask for the reader's key), not the API (which wants it in a header).
        Assert.Contains($"href=\"{SummaryApp.PublicBaseUrl}/api/app/scorecard?council={Council}&amp;reference=SBC-2026-014&amp;version=1\"", mail.Html);
        Assert.Contains($"href=\"{SummaryApp.PublicBaseUrl}/api/app/scorecard?council={Council}&amp;reference=SBC-2026-014&amp;version=1#guidance-heading\"", mail.Html);
        Assert.Contains($"href=\"{SummaryApp.PublicBaseUrl}/api/app/council?code={Council}#summaries-heading\"", mail.Html);
        Assert.DoesNotContain("/api/plans/", mail.Html);
        Assert.Contains("2 plans were submitted: 1 green, 0 amber, 1 red.", mail.Html);
        // Dimensions: this week (20+90)/2=55, (30+80)/2=55, (25+70)/2=48 against 40 from W04 (W01 is outside the four weeks).
        Assert.Contains("<td style=\"padding: 4px 8px 4px 0;\">Local by default</td><td align=\"right\">55</td><td align=\"right\">40</td><td align=\"right\">+15</td>", mail.Html);
        Assert.Contains("Previous four weeks (1 plans)", mail.Html);
        Assert.Contains("<strong>A4 Alert A4 title</strong>", mail.Html);
        Assert.Contains("P2 Criterion P2 title: 2 plans", mail.Html);
        Assert.Contains("Served strongly (average 70 or more): 5 Principle 5 title (85).", mail.Html);
        Assert.Contains("Served weakly (average below 40): 3 Principle 3 title (25).", mail.Html);

        // The text part is plain text, not Markdown: the title as written, no escapes, no link syntax, bare URLs.
        Assert.Contains("* " + Hostile + "\n", mail.Text.ReplaceLineEndings("\n"));
        Assert.Contains($"  Scorecard: {SummaryApp.PublicBaseUrl}/api/app/scorecard?council={Council}&reference=SBC-2026-014&version=1\n", mail.Text.ReplaceLineEndings("\n"));
        Assert.Contains("2 plans were submitted: 1 green, 0 amber, 1 red.", mail.Text);
        Assert.Contains("* Local by default: 55 (previously 40, +15)", mail.Text);
        Assert.StartsWith("Keep it Local weekly summary\n", mail.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("}}", mail.Text);
        Assert.DoesNotContain("**", mail.Text);
        Assert.DoesNotContain("](http", mail.Text);
        Assert.DoesNotContain("\\", mail.Text);

        var storedHtml = await servers.Blobs.GetBlobContainerClient("summaries").GetBlobClient($"{Council}/2026-W06.html").DownloadContentAsync();
        var storedMarkdown = await servers.Blobs.GetBlobContainerClient("summaries").GetBlobClient($"{Council}/2026-W06.md").DownloadContentAsync();
        Assert.Equal(mail.Html.TrimEnd(), storedHtml.Value.Content.ToString().TrimEnd());
        Assert.Equal("text/markdown; charset=utf-8", storedMarkdown.Value.Details.ContentType);
        Assert.Contains("[Lunch clubs](https://advisor.example.gov.uk/api/app/scorecard?council=E07000243&reference=SBC-2026-015&version=1)", storedMarkdown.Value.Content.ToString());
    }

    [Fact]
    public async Task AWeekWithoutPlansSaysSoBriefly()
    {
        var quiet = IsoWeek.Parse("2026-W03");

        var result = await _app.Sender.SendAsync((await servers.Councils.GetAsync("E06000055", default))!, quiet, default);

        Assert.Equal(CouncilSummaryOutcome.Sent, result.Outcome);
        var mail = (await servers.MailDev.MessagesAsync()).Single(m => m.Subject == "Keep it Local weekly summary: Bedford, week 2026-W03");
        Assert.Contains("<p>No plans were submitted this week.</p>", mail.Html);
        Assert.DoesNotContain("Alerts needing attention", mail.Html);
    }

    [Fact]
    public async Task AStoredSummaryIsReturnedInEitherFormat()
    {
        await SeedWeekAsync(ArchivedCouncil);
        await _app.Sender.SendAsync((await servers.Councils.GetAsync(ArchivedCouncil, default))!, Week, default);

        var html = await _http.GetAsync($"/api/summaries/{ArchivedCouncil}/2026-W06");
        var markdown = await _http.GetAsync($"/api/summaries/{ArchivedCouncil}/2026-W06?format=md");

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.False(html.Headers.Contains("X-Summary-Preview"));
        Assert.Contains("&lt;script&gt;", await html.Content.ReadAsStringAsync());
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("**Keep it Local weekly summary: North Hertfordshire <District>, week 2026-W06**".Replace("<", "&lt;").Replace(">", "&gt;"), await markdown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APastWeekNeverSentIsPreviewedWithoutBeingStoredOrSent()
    {
        var past = IsoWeek.Parse("2025-W40");
        await servers.IndexAsync(Council, past, SummaryData.Entry("SBC-2025-002", past, title: "Warm spaces"));

        var response = await _http.GetAsync($"/api/summaries/{Council}/2025-W40");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", response.Headers.GetValues("X-Summary-Preview").Single());
        Assert.Contains(">Warm spaces</a>", await response.Content.ReadAsStringAsync());
        Assert.False(await servers.Blobs.GetBlobContainerClient("summaries").GetBlobClient($"{Council}/2025-W40.html").ExistsAsync());
        Assert.DoesNotContain(await servers.MailDev.MessagesAsync(), m => m.Subject.EndsWith("2025-W40", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-W07", 404, "not-found")]   // the current week (Monday 9 February)
    [InlineData("2026-W30", 404, "not-found")]
    [InlineData("2026-W6", 400, "invalid-request")]
    public async Task TheCurrentOrAFutureWeekOrABadWeekIsAProblem(string week, int status, string type)
    {
        var response = await _http.GetAsync($"/api/summaries/{Council}/{week}");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://keep-it-local.example/problems/" + type, problem.GetProperty("type").GetString());
        if (status == 400)
        {
            Assert.Contains("2026-W6", problem.GetProperty("errors").GetProperty("route.isoWeek")[0].GetString());
        }
        else
        {
            Assert.Equal($"Week {week} has not ended in UK time; its summary is written on the Monday after it.", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task AnUnknownCouncilIsNotFound()
    {
        var response = await _http.GetAsync("/api/summaries/E99999999/2026-W05");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Not found", problem.GetProperty("title").GetString());
        Assert.Equal("No council is registered with code 'E99999999'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheAdminRunSendsOnceAndNeedsTheAdminKey()
    {
        var week = IsoWeek.Parse("2026-W04");
        await servers.IndexAsync("E06000055", week, SummaryData.Entry("BBC-4", week));

        using var nobody = _app.CreateClient();
        var anonymous = await nobody.PostAsync("/api/summaries/E06000055/run?week=2026-W04", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var problem = await anonymous.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unauthorized", problem.GetProperty("title").GetString());
        Assert.Equal("Send a key in the X-Api-Key header.", problem.GetProperty("detail").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/summaries/E06000055/run?week=2026-W04");
        var run = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var body = await run.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sent", body.GetProperty("outcome").GetString());
        Assert.Equal(1, body.GetProperty("recipients").GetInt32());
        Assert.Equal($"{SummaryApp.PublicBaseUrl}/api/summaries/E06000055/2026-W04?format=html", body.GetProperty("link").GetString());

        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/summaries/E06000055/run?week=2026-W04");
        var second = await _http.SendAsync(again);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Conflict", "https://keep-it-local.example/problems/conflict"), (conflict.GetProperty("title").GetString(), conflict.GetProperty("type").GetString()));
        Assert.StartsWith("The summary for E06000055 week 2026-W04 has already been sent", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await servers.MailDev.MessagesAsync(), m => m.Subject.EndsWith("2026-W04", StringComparison.Ordinal));
    }
}
