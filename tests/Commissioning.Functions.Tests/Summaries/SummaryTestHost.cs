using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Commissioning.Functions.Councils;
using Commissioning.Functions.Storage;
using Commissioning.Functions.Summaries;
using Microsoft.Extensions.Caching.Memory;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Azure.Functions.Worker;

namespace Commissioning.Functions.Tests.Summaries;

/// <summary>A private Azurite and a private MailDev for one test class.</summary>
public sealed class SummaryServers : IAsyncLifetime
{
    public Azurite Azurite { get; private set; } = null!;
    public MailDev MailDev { get; private set; } = null!;

    public TableServiceClient Tables => new(Azurite.ConnectionString);
    public BlobServiceClient Blobs => new(Azurite.ConnectionString);

    public async Task InitializeAsync()
    {
        // One after the other: MailDev picks its free ports only once Azurite holds its own.
        Azurite = await Azurite.StartNewAsync();
        MailDev = await MailDev.StartNewAsync();
    }

    public async Task DisposeAsync()
    {
        await Azurite.DisposeAsync();
        await MailDev.DisposeAsync();
    }

    /// <summary>The council records as the API stores them.</summary>
    public CouncilStore Councils => new(Tables, Azurite.Provisioning(), new MemoryCache(new MemoryCacheOptions()), TimeProvider.System);

    public Task RegisterAsync(Council council) => Councils.PutAsync(council, CancellationToken.None);

    /// <summary>How far a council-week's summary got (the SummaryRuns row), and how many runs it took; null if never claimed.</summary>
    public async Task<(SummaryRunState State, int Attempts)?> RunStateAsync(string council, IsoWeek week)
    {
        var row = await Tables.GetTableClient(StorageLayout.SummaryRunsTable).GetEntityIfExistsAsync<TableEntity>(council, week.ToString());
        return row.HasValue && row.Value is { } value
            ? (Enum.Parse<SummaryRunState>(value.GetString("State")), value.GetInt32("Attempts") ?? 1)
            : null;
    }

    public Task IndexAsync(string council, IsoWeek week, params WeeklyPlanEntry[] entries) =>
        new PlansByWeekTable(Tables, Azurite.Provisioning()).UpsertWeekAsync(council, week, entries, CancellationToken.None);
}

/// <summary>The real handler (Program) against the test's Azurite and MailDev, with a clock the test controls.</summary>
public sealed class SummaryApp(SummaryServers servers, FakeClock clock, ISummaryAnnouncer? announcer = null, bool scheduler = false)
    : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-6d1f";
    public const string PublicBaseUrl = "https://advisor.example.gov.uk";

    public FakeClock Clock => clock;

    public WeeklySummarySender Sender => Services.GetRequiredService<WeeklySummarySender>();

    /// <summary>Every line the app logged, the timer function's report among them.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>Invokes the weekly summary's timer function as the host does, with the host's <see cref="TimerInfo"/>.</summary>
    public async Task FireTimerAsync(bool isPastDue, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = Services.CreateAsyncScope();
        var function = ActivatorUtilities.CreateInstance<WeeklySummaryFunction>(scope.ServiceProvider);
        await function.Run(new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus { Last = now.AddHours(-1), Next = now.AddHours(1), LastUpdated = now.AddHours(-1) },
        }, cancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("AzureWebJobsStorage", servers.Azurite.ConnectionString);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", servers.MailDev.SmtpPort.ToString());
        builder.UseSetting("Smtp:From", "summaries@advisor.example.gov.uk");
        builder.UseSetting("Commissioning:AdminKey", AdminKey);
        builder.UseSetting("Commissioning:PublicBaseUrl", PublicBaseUrl);
        // The runner's timer only when the test drives it (the real clock could otherwise fire it on a Monday).
        builder.UseSetting("AzureWebJobs:WeeklySummary:Disabled", scheduler ? "false" : "true");
        builder.UseSetting("AzureWebJobs:DeliverNotification:Disabled", "true");
        builder.UseSetting("AzureWebJobs:RecordUndeliveredNotification:Disabled", "true");
        builder.UseSetting("AzureWebJobs:WriteNarrative:Disabled", "true");
        builder.UseSetting("Summaries:Lease", "00:10:00");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            if (announcer is not null)
            {
                services.RemoveAll<ISummaryAnnouncer>();
                services.AddSingleton(announcer);
            }
        });
    }
}

/// <summary>Test data for summaries: councils with councillors, and index entries.</summary>
public static class SummaryData
{
    public static Council Council(string code, string name, params string[] councillorEmails) => new()
    {
        Code = code,
        Name = name,
        Councillors = [.. councillorEmails.Select((email, i) => new Councillor($"Councillor {i + 1}", null, email))],
    };

    public static WeeklyPlanEntry Entry(
        string reference,
        IsoWeek week,
        string? title = null,
        int local = 50,
        int funding = 50,
        int coDesign = 50,
        string[]? alerts = null,
        string[]? recommendations = null,
        (int Number, int Score)[]? principles = null)
    {
        var overall = (int)Math.Round((local + funding + coDesign) / 3m, MidpointRounding.AwayFromZero);
        return new WeeklyPlanEntry
        {
            Reference = reference,
            Title = title ?? $"Plan {reference}",
            Version = 1,
            SubmittedAt = new DateTimeOffset(week.Monday.AddDays(2).ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero),
            Overall = new OverallScore(overall, WeeklySummaryBuilder.BandFor(overall)),
            Dimensions = new DimensionScores(local, funding, coDesign),
            Category = Domain.Plans.ServiceCategory.Community,
            Alerts = [.. (alerts ?? []).Select(id => new AlertMention(id, $"Alert {id} title"))],
            TopRecommendations = [.. (recommendations ?? []).Select(id => new RecommendationMention(id, $"Criterion {id} title"))],
            Principles = [.. (principles ?? []).Select(p => new PrincipleScore(p.Number, $"Principle {p.Number} title", p.Score))],
        };
    }

    /// <summary>The UTC instant of a UK wall-clock time, worked out by hand in the tests that matter (not via the code under test).</summary>
    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}

/// <summary>Records announcements; can stand in for a crash after a number of councils.</summary>
public sealed class RecordingAnnouncer : ISummaryAnnouncer
{
    private readonly Lock _gate = new();
    private readonly List<SummaryAnnouncement> _announced = [];

    /// <summary>When set, the announcement with this 1-based number cancels the run (as if the process died).</summary>
    public int? CrashOnCall { get; set; }
    public CancellationTokenSource? RunToCancel { get; set; }
    private int _calls;

    public IReadOnlyList<SummaryAnnouncement> Announced
    {
        get
        {
            lock (_gate)
            {
                return [.. _announced];
            }
        }
    }

    public Task AnnounceAsync(SummaryAnnouncement announcement, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls++;
            if (_calls == CrashOnCall)
            {
                RunToCancel?.Cancel();
                throw new OperationCanceledException("simulated crash", cancellationToken);
            }

            _announced.Add(announcement);
        }

        return Task.CompletedTask;
    }
}
