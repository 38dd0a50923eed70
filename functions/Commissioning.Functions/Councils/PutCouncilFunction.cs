using System.Text.Json;
using Commissioning.Functions.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Councils;

/// <summary><c>PUT /api/councils/{code}</c>: register or update a council (admin).</summary>
public sealed class PutCouncilFunction(CouncilStore store, NotificationChannelValidator channels)
{
    [Function("PutCouncil")]
    [Access(Callers.Admin)]
    [ApiSummary("Registers a council, or replaces its record: local postcode districts, councillors, channels, and the buyer identifiers and names its published notices carry.")]
    [ApiBody(typeof(Council))]
    public async Task<Results<Created<Council>, Ok<Council>, ValidationProblem>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "councils/{code}")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
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
        var errors = CouncilRecordRules.Validate(council, routeCode);
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
            BuyerIdentifiers = council.BuyerIdentifiers is { } identifiers ? [.. identifiers.Select(i => i.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)] : null,
            BuyerNames = council.BuyerNames is { } names ? [.. names.Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)] : null,
        };
        var created = await store.PutAsync(council, cancellationToken);
        return created ? TypedResults.Created($"/api/councils/{routeCode}", council) : TypedResults.Ok(council);
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.') + ".";
}
