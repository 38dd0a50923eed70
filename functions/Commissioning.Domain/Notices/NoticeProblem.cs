using System.Text.Json.Serialization;

namespace Commissioning.Domain.Notices;

/// <summary>Why a notice body could not be read at all. The API answers 413 for a limit and 400 for the rest.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NoticeLimitExceeded), "limit-exceeded")]
[JsonDerivedType(typeof(UnreadableNotice), "unreadable")]
public abstract record NoticeProblem(string Message);

/// <summary>The body is over one of <see cref="NoticeLimits"/>; the message states the limit.</summary>
/// <param name="Limit">Which limit.</param>
/// <param name="Allowed">The most allowed.</param>
/// <param name="Advice">What to send instead, when there is something better (e.g. the release package).</param>
public sealed record NoticeLimitExceeded(NoticeLimit Limit, long Allowed, string Message, string? Advice) : NoticeProblem(Message);

/// <summary>
/// The body is not JSON or CSV this service can read, or not OCDS. <see cref="Path"/> names the JSON path
/// (<c>$.releases[3]</c>); for CSV, <see cref="Row"/> and <see cref="Column"/> count from 1 with the header as row 1.
/// </summary>
public sealed record UnreadableNotice(string Message, string? Path = null, int? Row = null, int? Column = null) : NoticeProblem(Message);

public enum NoticeLimit
{
    [JsonStringEnumMemberName("body-bytes")] BodyBytes,
    [JsonStringEnumMemberName("releases")] Releases,
    [JsonStringEnumMemberName("processes")] Processes,
    [JsonStringEnumMemberName("releases-per-process")] ReleasesPerProcess,
}
