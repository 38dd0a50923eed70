using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Councils;

/// <summary>What a key is issued for: its role (commissioner unless said) and a note saying who holds it.</summary>
public sealed record KeyRequest(
    [property: JsonPropertyName("role")] KeyRole? Role,
    [property: JsonPropertyName("note")] string? Note);

/// <summary>Issued once: the key itself is not stored and cannot be shown again.</summary>
public sealed record IssuedCouncilKey(string Council, string KeyId, string Key, KeyRole Role, string Note, DateTimeOffset IssuedAt, string Message);

/// <summary><c>POST /api/councils/{code}/keys</c>: issue a key for a council (admin), for a role; it is shown once.</summary>
public sealed partial class IssueCouncilKeyFunction(CouncilStore store, CouncilKeyStore keys, TimeProvider time, ILogger<IssueCouncilKeyFunction> logger)
{
    public const int MaxNoteLength = 200;

    [Function("IssueCouncilKey")]
    [Access(Callers.Admin)]
    [ApiSummary("Issues a key for a council, for commissioners (the default) or councillors. The key is in this answer only: it is stored as a hash and cannot be shown again.")]
    [ApiBody(typeof(KeyRequest))]
    [ApiResponse(StatusCodes.Status404NotFound, "No council is registered with this code.")]
    public async Task<Results<Created<IssuedCouncilKey>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "councils/{code}/keys")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CouncilCode.TryNormalise(code, out var routeCode))
        {
            errors["route.code"] = [CouncilCode.Rule];
        }

        var wanted = await ReadAsync(request, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        if (await store.GetAsync(routeCode, cancellationToken) is null)
        {
            return ApiProblem.NotFound($"Council {routeCode} is not registered: PUT /api/councils/{routeCode} first.");
        }

        var role = wanted.Role ?? KeyRole.Commissioner;
        var note = wanted.Note?.Trim() ?? string.Empty;
        var key = CouncilKey.Issue(routeCode);
        var issuedAt = time.GetUtcNow();
        await keys.AddKeyAsync(new CouncilKeyRecord(routeCode, key.KeyId, CouncilKeyStore.Hash(key.Value), issuedAt, role, note), cancellationToken);
        LogKeyIssued(logger, routeCode, key.KeyId, AccessPolicies.RoleOf(role));
        return TypedResults.Created($"/api/councils/{routeCode}/keys",
            new IssuedCouncilKey(routeCode, key.KeyId, key.Value, role, note, issuedAt, "Store this key now: it is shown once. Send it in the X-Api-Key header."));
    }

    /// <summary>The request body, which may be absent or empty (a commissioner's key with no note).</summary>
    private static async Task<KeyRequest> ReadAsync(HttpRequest request, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return new KeyRequest(null, null);
        }

        try
        {
            var wanted = JsonSerializer.Deserialize(buffer.ToArray(), CouncilsJson.Default.KeyRequest) ?? new KeyRequest(null, null);
            if (wanted.Note is { } note && (note.Length > MaxNoteLength || note.Any(char.IsControl)))
            {
                errors["$.note"] = [$"must be at most {MaxNoteLength} printable characters"];
            }

            return wanted;
        }
        catch (JsonException ex)
        {
            errors[ex.Path ?? "$"] = [ex.Path == "$.role" ? "must be commissioner or councillor" : "cannot be read: send {\"role\": \"commissioner\" or \"councillor\", \"note\": \"…\"}"];
            return new KeyRequest(null, null);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Issued council key {KeyId} for {Council} ({Role})")]
    private static partial void LogKeyIssued(ILogger logger, string council, string keyId, string role);
}

[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(KeyRequest))]
internal sealed partial class CouncilsJson : JsonSerializerContext;
