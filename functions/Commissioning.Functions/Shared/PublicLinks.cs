using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Shared;

/// <summary><c>Commissioning:PublicBaseUrl</c>: where readers reach the app, for links in emails and chat messages.</summary>
public sealed class PublicLinkOptions
{
    public const string Section = "Commissioning";

    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";
}

/// <summary>
/// Turns the app's root-relative addresses (<c>/api/plans/…</c>) into links a reader can follow from outside it, and
/// names the web pages a person opens from an email or a chat message. The API's own addresses need a key in a header,
/// which a link cannot carry; the pages ask for the reader's key and then show the same thing.
/// </summary>
public sealed class PublicLinks(IOptions<PublicLinkOptions> options)
{
    /// <summary>Where the scorecard page lists a version's guidance documents.</summary>
    public const string GuidanceSection = "guidance-heading";

    /// <summary>Where the councillors' page lists the weekly summaries.</summary>
    public const string SummariesSection = "summaries-heading";

    /// <summary>Where the councillors' page lists the council's imported notices.</summary>
    public const string NoticesSection = "notices-heading";

    public string BaseUrl { get; } = options.Value.PublicBaseUrl.TrimEnd('/');

    public string Absolute(string rootRelative) => BaseUrl + rootRelative;

    /// <summary>The scorecard page of a plan (a version, when given), optionally at one of its sections.</summary>
    public string ScorecardPage(string council, string reference, int? version = null, string? section = null) =>
        $"{BaseUrl}/api/app/scorecard?council={Uri.EscapeDataString(council)}&reference={Uri.EscapeDataString(reference)}"
        + (version is { } v ? $"&version={v.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")
        + (section is null ? "" : "#" + section);

    /// <summary>The councillors' page of a council, optionally at one of its sections.</summary>
    public string CouncilPage(string council, string? section = null) =>
        $"{BaseUrl}/api/app/council?code={Uri.EscapeDataString(council)}" + (section is null ? "" : "#" + section);
}
