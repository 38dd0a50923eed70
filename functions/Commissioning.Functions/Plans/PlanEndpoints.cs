using System.Security.Claims;
using System.Text;
using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;
using Commissioning.Functions.Access;
using Commissioning.Functions.Councils;
using Commissioning.Functions.Problems;
using Commissioning.Functions.Storage;
using Commissioning.Functions.Summaries;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Plans;

/// <summary>
/// Submitting, scoring, reading and listing plans, and their guidance. Every route needs a key: the admin key or a key
/// of the plan's council.
/// </summary>
public static class PlanEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddOptions<PlanOptions>().BindConfiguration(PlanOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<PlansByWeekTable>();   // the week index the store writes (shared with the summaries)
        services.AddSingleton<PlanStore>();
        services.AddSingleton<PlanSubmission>();
        services.AddSingleton<PlanNarratives>();
        services.AddSingleton<Advisor.IStoredPlanReader>(provider => provider.GetRequiredService<PlanNarratives>());
        services.AddSingleton<Advisor.INarrativeStore>(provider => provider.GetRequiredService<PlanNarratives>());
        return services;
    }

    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans").RequireAuthorization(AccessPolicies.AnyKey);

        plans.MapPost("", SubmitPlan).WithName("SubmitPlan").Accepts<Plan>("application/json")
            .WithSummary("Score a plan, store it as a new version with its guidance, and return the scorecard with links.");
        plans.MapPost("/score", ScorePlan).WithName("ScorePlan").Accepts<Plan>("application/json")
            .WithSummary("Score a plan without storing anything (a draft check).");
        plans.MapGet("/{council}", ListPlans).WithName("ListPlans")
            .WithSummary("A council's plans, optionally those submitted in one ISO week (?week=2026-W05) or in one band, a page at a time.");
        plans.MapGet("/{council}/{reference}", GetPlan).WithName("GetPlan")
            .WithSummary("A plan's scorecard (the latest version, or ?version=n) and its version history.");
        plans.MapGet("/{council}/{reference}/guidance", GetGuidance).WithName("GetGuidance")
            .WithSummary("The guidance document of a plan version, as HTML (?format=html) or Markdown (?format=md).");
        return api;
    }

    private static async Task<Results<Created<SubmittedPlan>, Ok<SubmittedPlan>, ValidationProblem, ProblemHttpResult>> SubmitPlan(
        HttpRequest request,
        ClaimsPrincipal user,
        PlanSubmission submission,
        IOptions<PlanOptions> options,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(char.IsControl)))
        {
            return ApiProblem.Invalid("header.Idempotency-Key", "must be 1–200 printable characters");
        }

        var (document, invalid, tooLarge) = await PlanDocument.ReadAsync(request, options.Value.MaxDocumentBytes, cancellationToken);
        if (document is null)
        {
            return tooLarge is not null ? tooLarge : invalid!;
        }

        if (!user.MayUse(document.CouncilCode))
        {
            return ApiProblem.Forbidden(document.CouncilCode);
        }

        var outcome = await submission.SubmitAsync(document, idempotencyKey, cancellationToken);
        var summary = outcome.Stored.Summary;
        var body = new SubmittedPlan(summary.Council, summary.Reference, summary.Version, outcome.Created, summary.SubmittedAt,
            outcome.Stored.Scorecard, PlanLinks.For(summary.Council, summary.Reference, summary.Version));
        return outcome.Created ? TypedResults.Created(body.Links.Scorecard, body) : TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<Scorecard>, ValidationProblem, ProblemHttpResult>> ScorePlan(
        HttpRequest request, ClaimsPrincipal user, PlanSubmission submission, IOptions<PlanOptions> options, CancellationToken cancellationToken)
    {
        var (document, invalid, tooLarge) = await PlanDocument.ReadAsync(request, options.Value.MaxDocumentBytes, cancellationToken);
        if (document is null)
        {
            return tooLarge is not null ? tooLarge : invalid!;
        }

        if (!user.MayUse(document.CouncilCode))
        {
            return ApiProblem.Forbidden(document.CouncilCode);
        }

        return TypedResults.Ok(await submission.ScoreAsync(document, cancellationToken));
    }

    private static async Task<Results<Ok<PlanDetails>, ValidationProblem, ProblemHttpResult>> GetPlan(
        string council, string reference, string? version, ClaimsPrincipal user, PlanStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var code = Council(council, errors);
        Reference(reference, errors);
        var number = Version(version, errors);
        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        if (!user.MayUse(code))
        {
            return ApiProblem.Forbidden(code);
        }

        var record = await store.GetAsync(code, reference, number, cancellationToken);
        if (record is null)
        {
            return ApiProblem.NotFound(number is null
                ? $"Council {code} has no plan {reference}."
                : $"Council {code} has no version {number} of plan {reference}.");
        }

        var summary = record.Version.Summary;
        return TypedResults.Ok(new PlanDetails(code, reference, summary.Title, summary.Version, record.Latest.Version, summary.SubmittedAt,
            record.Version.Scorecard, PlanLinks.For(code, reference, summary.Version),
            [.. record.History.Select(PlanListItem.From)]));
    }

    private static async Task<Results<Ok<PlanList>, ValidationProblem, ProblemHttpResult>> ListPlans(
        string council, string? week, string? band, string? pageSize, string? continuationToken,
        ClaimsPrincipal user, PlanStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var code = Council(council, errors);
        string? isoWeek = null;
        if (week is not null && !PlanCalendar.TryParseIsoWeek(week, out isoWeek))
        {
            errors["query.week"] = ["must be an ISO week such as 2026-W05"];
        }

        Band? bandFilter = null;
        if (band is not null)
        {
            if (BandWords.TryParse(band, out var parsed))
            {
                bandFilter = parsed;
            }
            else
            {
                errors["query.band"] = ["must be red, amber or green"];
            }
        }

        var size = 50;
        if (pageSize is not null && (!int.TryParse(pageSize, out size) || size is < 1 or > 1000))
        {
            errors["query.pageSize"] = ["must be a whole number from 1 to 1000"];
        }

        string? storageToken = null;
        if (continuationToken is not null && !TryDecodeToken(continuationToken, out storageToken))
        {
            errors["query.continuationToken"] = ["is not a token this service issued; start again without it"];
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        if (!user.MayUse(code))
        {
            return ApiProblem.Forbidden(code);
        }

        PlanPage page;
        try
        {
            page = await store.ListAsync(code, isoWeek, bandFilter, size, storageToken, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 400)
        {
            return ApiProblem.Invalid("query.continuationToken", "is not a token this service issued; start again without it");
        }

        var token = page.ContinuationToken is null ? null : EncodeToken(page.ContinuationToken);
        var next = token is null ? null : NextLink(code, isoWeek, band, size, token);
        return TypedResults.Ok(new PlanList(code, isoWeek, bandFilter, size, [.. page.Plans.Select(PlanListItem.From)], token, next));
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetGuidance(
        string council, string reference, string? format, string? version, HttpContext context, PlanStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var code = Council(council, errors);
        Reference(reference, errors);
        var number = Version(version, errors);
        var kind = (format ?? "html").Trim().ToLowerInvariant() switch
        {
            "html" => GuidanceFormat.Html,
            "md" or "markdown" => GuidanceFormat.Markdown,
            _ => (GuidanceFormat?)null,
        };
        if (kind is null)
        {
            errors["query.format"] = ["must be html or md"];
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        if (!context.User.MayUse(code))
        {
            return ApiProblem.Forbidden(code);
        }

        var record = await store.GetAsync(code, reference, number, cancellationToken);
        var stored = record is null ? null : await store.ReadGuidanceAsync(code, reference, record.Version.Summary.Version, kind!.Value, cancellationToken);
        if (stored is null)
        {
            return ApiProblem.NotFound(number is null
                ? $"Council {code} has no plan {reference}."
                : $"Council {code} has no version {number} of plan {reference}.");
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        return TypedResults.Text(stored.ToString(), kind == GuidanceFormat.Html ? "text/html" : "text/markdown", Encoding.UTF8);
    }

    // ---- route and query values: every bad one is reported, by name ----

    private static string Council(string value, Dictionary<string, string[]> errors)
    {
        if (!CouncilCode.TryNormalise(value, out var code))
        {
            errors["route.council"] = [CouncilCode.Rule];
        }

        return code;
    }

    private static void Reference(string value, Dictionary<string, string[]> errors)
    {
        if (!PlanDocument.IsValidReference(value))
        {
            errors["route.reference"] = [PlanDocument.ReferenceRule];
        }
    }

    private static int? Version(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1)
        {
            return number;
        }

        errors["query.version"] = ["must be a version number: a whole number from 1"];
        return null;
    }

    private static string EncodeToken(string token) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecodeToken(string token, out string? decoded)
    {
        decoded = null;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        var buffer = new byte[base64.Length];
        if (token.Length is 0 or > 2000 || !Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        decoded = Encoding.UTF8.GetString(buffer, 0, written);
        return decoded.Length > 0 && !decoded.Any(char.IsControl);
    }

    private static string NextLink(string council, string? week, string? band, int size, string token)
    {
        var query = new List<string> { $"pageSize={size}", $"continuationToken={Uri.EscapeDataString(token)}" };
        if (week is not null)
        {
            query.Insert(0, $"week={week}");
        }

        if (band is not null)
        {
            query.Insert(0, $"band={Uri.EscapeDataString(band.Trim().ToLowerInvariant())}");
        }

        return $"/api/plans/{council}?{string.Join('&', query)}";
    }
}
