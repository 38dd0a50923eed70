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

    /// <summary>The version address of a request that takes nothing else: false with a 400 naming every bad part in <paramref name="invalid"/>.</summary>
    public static bool TryVersion(string council, string reference, HttpRequest request, out PlanVersionAddress address,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ValidationProblem? invalid) =>
        AddressParts.TryRead(errors => Version(council, reference, request, errors), out address, out invalid);

    public static string Council(string value, Dictionary<string, string[]> errors) => AddressParts.Council(value, errors);

    public static void Reference(string value, Dictionary<string, string[]> errors)
    {
        if (!PlanDocument.IsValidReference(value))
        {
            errors["route.reference"] = [PlanDocument.ReferenceRule];
        }
    }

    public static int? Version(string? value, Dictionary<string, string[]> errors) => AddressParts.Version(value, errors);
}

/// <summary>A plan version's address: the latest when <see cref="Version"/> is null.</summary>
public sealed record PlanVersionAddress(string Council, string Reference, int? Version)
{
    /// <summary>404: the council has no such plan, or no such version of it.</summary>
    public ProblemHttpResult NotFound() => ApiProblem.NotFound(Version is null
        ? $"Council {Council} has no plan {Reference}."
        : $"Council {Council} has no version {Version} of plan {Reference}.");
}
