using Commissioning.Functions.Notifications;
using Commissioning.Functions.Summaries;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commissioning.Domain;
using Commissioning.Domain.Councils;
using Commissioning.Functions.Access;
using Commissioning.Functions.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Councils;

/// <summary>Issued once: the key itself is not stored and cannot be shown again.</summary>
public sealed record IssuedCouncilKey(string Council, string KeyId, string Key, DateTimeOffset IssuedAt, string Note);

public static partial class CouncilEndpoints
{
    public static IServiceCollection AddCouncils(this IServiceCollection services)
    {
        services.AddSingleton<CouncilStore>();
        services.AddSingleton<ICouncilDirectory>(provider => provider.GetRequiredService<CouncilStore>());
        return services;
    }

    public static IEndpointRouteBuilder MapCouncils(this IEndpointRouteBuilder api)
    {
        var councils = api.MapGroup("/councils").WithTags("Councils");

        councils.MapPut("/{code}", PutCouncil).WithName("PutCouncil").RequireAuthorization(AccessPolicies.Admin)
            .Accepts<Council>("application/json");
        councils.MapGet("/{code}", GetCouncil).WithName("GetCouncil").RequireAuthorization(AccessPolicies.AnyKey);
        councils.MapPost("/{code}/keys", IssueKey).WithName("IssueCouncilKey").RequireAuthorization(AccessPolicies.Admin);
        return api;
    }

    private static async Task<Results<Created<Council>, Ok<Council>, ValidationProblem>> PutCouncil(
        string code, HttpRequest request, CouncilStore store, NotificationChannelValidator channels, CancellationToken cancellationToken)
    {
        if (!CouncilCode.TryNormalise(code, out var routeCode))
        {
            return ApiProblem.Invalid("route.code", CouncilCode.Rule);
        }

        Council? council;
        try
        {
            council = await JsonSerializer.DeserializeAsync<Council>(request.Body, DomainJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return ApiProblem.Invalid(ex.Path ?? "$", "cannot be read: " + FirstSentence(ex.Message));
        }

        if (council is null)
        {
            return ApiProblem.Invalid("$", "send the council record as a JSON object");
        }

        // Lists the document leaves out arrive as null from the serializer; a missing list is an empty one.
        council = council with
        {
            LocalPostcodeDistricts = council.LocalPostcodeDistricts ?? [],
            Neighbourhoods = council.Neighbourhoods ?? [],
            Councillors = council.Councillors ?? [],
            Channels = council.Channels ?? [],
        };
        var errors = Validate(council, routeCode);
        if (errors.Count == 0)
        {
            // Webhooks are checked when they are configured, not when the first post fails: the setting must exist and
            // hold an https URL on an allowed Teams or Slack host (the URL itself never appears in the answer).
            foreach (var problem in channels.Validate(council))
            {
                errors[problem.Path] = errors.TryGetValue(problem.Path, out var earlier) ? [.. earlier, problem.Message] : [problem.Message];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        council = council with
        {
            Code = routeCode,
            LocalPostcodeDistricts = [.. council.LocalPostcodeDistricts.Select(d => d.Trim().ToUpperInvariant()).Distinct()],
        };
        var created = await store.PutAsync(council, cancellationToken);
        return created ? TypedResults.Created($"/api/councils/{routeCode}", council) : TypedResults.Ok(council);
    }

    private static async Task<Results<Ok<Council>, ValidationProblem, ProblemHttpResult>> GetCouncil(
        string code, System.Security.Claims.ClaimsPrincipal user, CouncilStore store, CancellationToken cancellationToken)
    {
        if (!CouncilCode.TryNormalise(code, out var routeCode))
        {
            return ApiProblem.Invalid("route.code", CouncilCode.Rule);
        }

        if (!user.MayUse(routeCode))
        {
            return ApiProblem.Forbidden(routeCode);
        }

        var council = await store.GetAsync(routeCode, cancellationToken);
        return council is null ? ApiProblem.NotFound($"Council {routeCode} is not registered.") : TypedResults.Ok(council);
    }

    private static async Task<Results<Created<IssuedCouncilKey>, ValidationProblem, ProblemHttpResult>> IssueKey(
        string code, CouncilStore store, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!CouncilCode.TryNormalise(code, out var routeCode))
        {
            return ApiProblem.Invalid("route.code", CouncilCode.Rule);
        }

        if (await store.GetAsync(routeCode, cancellationToken) is null)
        {
            return ApiProblem.NotFound($"Council {routeCode} is not registered: PUT /api/councils/{routeCode} first.");
        }

        var key = CouncilKey.Issue(routeCode);
        var issuedAt = time.GetUtcNow();
        await store.AddKeyAsync(new CouncilKeyRecord(routeCode, key.KeyId, CouncilStore.Hash(key.Value), issuedAt), cancellationToken);
        LogKeyIssued(loggers.CreateLogger(typeof(CouncilEndpoints)), routeCode, key.KeyId);
        return TypedResults.Created($"/api/councils/{routeCode}",
            new IssuedCouncilKey(routeCode, key.KeyId, key.Value, issuedAt,
                "Store this key now: it is shown once. Send it in the X-Api-Key header."));
    }

    private static Dictionary<string, string[]> Validate(Council council, string routeCode)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CouncilCode.TryNormalise(council.Code, out var bodyCode))
        {
            errors["$.code"] = [CouncilCode.Rule];
        }
        else if (bodyCode != routeCode)
        {
            errors["$.code"] = [$"must be the council in the address ({routeCode})"];
        }

        if (string.IsNullOrWhiteSpace(council.Name) || council.Name.Length > 200)
        {
            errors["$.name"] = ["is required, 1–200 characters"];
        }

        for (var i = 0; i < council.LocalPostcodeDistricts.Count; i++)
        {
            if (!PostcodeDistrict().IsMatch(council.LocalPostcodeDistricts[i]?.Trim().ToUpperInvariant() ?? string.Empty))
            {
                errors[$"$.localPostcodeDistricts[{i}]"] = ["must be a postcode district (outward code) such as SG1"];
            }
        }

        for (var i = 0; i < council.Councillors.Count; i++)
        {
            var email = council.Councillors[i]?.Email;
            if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
            {
                errors[$"$.councillors[{i}].email"] = ["must be an email address"];
            }
        }

        for (var i = 0; i < council.Channels.Count; i++)
        {
            var webhook = council.Channels[i]?.Webhook;
            if (string.IsNullOrWhiteSpace(webhook) || !SettingName().IsMatch(webhook))
            {
                errors[$"$.channels[{i}].webhook"] = ["must be the name of the setting that holds the webhook URL (letters, digits, - and _), never the URL itself"];
            }
        }

        return errors;
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.') + ".";

    [GeneratedRegex("^[A-Z]{1,2}[0-9][0-9A-Z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodeDistrict();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex SettingName();

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Issued council key {KeyId} for {Council}")]
    private static partial void LogKeyIssued(ILogger logger, string council, string keyId);
}
