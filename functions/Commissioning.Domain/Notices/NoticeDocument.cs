namespace Commissioning.Domain.Notices;

/// <summary>
/// A notice document inside a release (<c>documents[]</c> in planning, tender, awards or contracts): FTS marks the
/// notice itself with <c>noticeType</c> (UK1–UK17) on exactly one document, in whichever section it belongs to.
/// </summary>
public sealed record NoticeDocument(string Path, string? Id, string? NoticeType, string? DocumentType, string? DatePublished, string? Url);
