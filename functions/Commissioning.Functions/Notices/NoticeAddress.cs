using System.Text.RegularExpressions;
using Commissioning.Domain.Notices;

namespace Commissioning.Functions.Notices;

/// <summary>
/// The parts of a notice's address, checked the same way by every notice function: the council (as every feature
/// checks it) and the ocid, the contracting process's id, which is also how the notice is stored.
/// </summary>
public static partial class NoticeAddress
{
    public const string OcidRule =
        "must be an ocid: 'ocds-', the publisher's six-character prefix, '-' and the process's own id in letters, digits and hyphens, e.g. ocds-h6vhtk-06f17d";

    /// <summary>
    /// An ocid as stored: Bluetail's <c>ocds-b5fd17raw-</c> (and its other variants) read as the Contracts Finder ocid,
    /// then letters, digits and hyphens only, which a table key and a URL carry as they are.
    /// </summary>
    public static bool TryNormaliseOcid(string? value, out string ocid)
    {
        ocid = Ocids.Normalise(value ?? string.Empty);
        return OcidPattern().IsMatch(ocid);
    }

    /// <summary>The council and ocid of a notice's address and its optional <c>?version=</c>; every bad part is added to <paramref name="errors"/>.</summary>
    public static NoticeVersionAddress Version(string council, string ocid, HttpRequest request, Dictionary<string, string[]> errors)
    {
        var code = AddressParts.Council(council, errors);
        if (!TryNormaliseOcid(ocid, out var normalised))
        {
            errors["route.ocid"] = [OcidRule];
        }

        return new NoticeVersionAddress(code, normalised, AddressParts.Version(request.Query("version"), errors));
    }

    /// <summary>
    /// The version address of a request that takes nothing else: false with every bad part in <paramref name="invalid"/>
    /// (a 400 naming each), as the notice functions answer it.
    /// </summary>
    public static bool TryVersion(string council, string ocid, HttpRequest request, out NoticeVersionAddress address,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? invalid) =>
        AddressParts.TryRead(errors => Version(council, ocid, request, errors), out address, out invalid);

    [GeneratedRegex("^ocds-[A-Za-z0-9]{6}-[A-Za-z0-9-]{1,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex OcidPattern();
}

/// <summary>A notice version's address: the latest when <see cref="Version"/> is null.</summary>
public sealed record NoticeVersionAddress(string Council, string Ocid, int? Version)
{
    /// <summary>404: the council has no such notice, or no such version of it.</summary>
    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound() => ApiProblem.NotFound(Version is null
        ? $"Council {Council} has no imported notice {Ocid}."
        : $"Council {Council} has no version {Version} of notice {Ocid}.");
}
