using Commissioning.Domain.Plans;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Plans;

/// <summary>A submitted plan read from a request: the raw bytes as sent and the validated plan, or why it was refused.</summary>
public sealed partial record PlanDocument(byte[] Bytes, Plan Plan, string CouncilCode)
{
    /// <summary>SHA-256 of the plan's canonical JSON: formatting and member order do not make a new version.</summary>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DomainJson.Serialize(Plan))));

    /// <summary>The largest plan document accepted: 1 MiB (413 above it).</summary>
    public const int MaxBytes = 1024 * 1024;

    public const string ReferenceRule = "must be 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit (it becomes part of the plan's address)";

    public static bool IsValidReference(string? reference) => reference is not null && ReferencePattern().IsMatch(reference);

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes and validates them; a refusal is a 400, 413 or 415 ProblemDetails.
    /// A body declared as anything but JSON (<c>application/json</c> or <c>+json</c>) is refused unread.
    /// </summary>
    public static async Task<(PlanDocument? Document, ValidationProblem? Invalid, ProblemHttpResult? Refused)> ReadAsync(
        HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, null, ApiProblem.PayloadTooLarge(limit));
        }

        if (!IsJson(request.ContentType))
        {
            return (null, null, ApiProblem.Of(ApiProblem.UnsupportedMediaType,
                $"Send the plan as JSON with Content-Type: application/json (this request says {request.ContentType})."));
        }

        var bytes = await request.ReadBodyAsync(limit, cancellationToken);
        if (bytes is null)
        {
            return (null, null, ApiProblem.PayloadTooLarge(limit));
        }

        if (bytes.Length == 0)
        {
            return (null, ApiProblem.Invalid("$", "send the plan as a JSON document in the request body"), null);
        }

        var parsed = PlanParser.Parse(bytes);
        var errors = parsed.Problems
            .GroupBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);

        var plan = parsed.Plan;
        var council = string.Empty;
        if (plan is not null)
        {
            if (!errors.ContainsKey("$.council.code") && !Shared.CouncilCode.TryNormalise(plan.Council.Code, out council))
            {
                errors["$.council.code"] = [Shared.CouncilCode.Rule];
            }

            if (!errors.ContainsKey("$.reference") && !IsValidReference(plan.Reference))
            {
                errors["$.reference"] = [ReferenceRule];
            }
        }

        if (errors.Count > 0 || plan is null)
        {
            if (errors.Count == 0)
            {
                errors["$"] = ["the document is not a plan"];
            }

            return (null, ApiProblem.Invalid(errors), null);
        }

        return (new PlanDocument(bytes, plan, council), null, null);
    }

    /// <summary>True for no declared type and for JSON media types (application/json, application/…+json).</summary>
    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
               || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
