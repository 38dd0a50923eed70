using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Plans;

/// <summary>
/// The parts of a plan's address (route and query values), checked the same way by every plan function: every bad
/// one is reported, by name (<c>route.council</c>, <c>query.version</c> …).
/// </summary>
public static class PlanAddress
{
    /// <summary>
    /// The council, reference and optional <c>?version=</c> of a plan version's address, normalised; every bad part
    /// is added to <paramref name="errors"/>.
    /// </summary>
    public static PlanVersionAddress Version(string council, string reference, HttpRequest request, Dictionary<string, string[]> errors)
    {
        var code = Council(council, errors);
        Reference(reference, errors);
        return new PlanVersionAddress(code, reference, Version(request.Query("version"), errors));
    }

    public static string Council(string value, Dictionary<string, string[]> errors)
    {
        if (!CouncilCode.TryNormalise(value, out var code))
        {
            errors["route.council"] = [CouncilCode.Rule];
        }

        return code;
    }

    public static void Reference(string value, Dictionary<string, string[]> errors)
    {
        if (!PlanDocument.IsValidReference(value))
        {
            errors["route.reference"] = [PlanDocument.ReferenceRule];
        }
    }

    public static int? Version(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
        {
            return number;
        }

        errors["query.version"] = ["must be a version number: a whole number from 1"];
        return null;
    }

    /// <summary>A storage continuation token as a URL-safe opaque string.</summary>
    public static string EncodeToken(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    public static bool TryDecodeToken(string token, out string? decoded)
    {
        decoded = null;
        if (token.Length is 0 or > 2000 || !Base64Url.IsValid(token))
        {
            return false;
        }

        decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        return decoded.Length > 0 && !decoded.Any(char.IsControl);
    }
}

/// <summary>A plan version's address: the latest when <see cref="Version"/> is null.</summary>
public sealed record PlanVersionAddress(string Council, string Reference, int? Version)
{
    /// <summary>404: the council has no such plan, or no such version of it.</summary>
    public ProblemHttpResult NotFound() => ApiProblem.NotFound(Version is null
        ? $"Council {Council} has no plan {Reference}."
        : $"Council {Council} has no version {Version} of plan {Reference}.");
}
