namespace Commissioning.Domain.Notices;

/// <summary>
/// Turns a compiled OCDS release into a commissioning plan with provenance (design: notices.md §4–5). Pure: no clock,
/// no I/O. <paramref name="councilCode"/> always comes from the request, never from the notice; the buyer is exposed
/// on the result so the caller can check it against the council record (<see cref="NoticeBuyer.Matches"/>).
/// </summary>
public static class NoticeMapper
{
    /// <param name="notice">A process compiled by <see cref="NoticeCompiler"/>.</param>
    /// <param name="councilCode">The council the request is for (a GSS code).</param>
    /// <param name="licence">The package's licence (<see cref="NoticeBatch.Licence"/>).</param>
    /// <exception cref="InvalidOperationException">The process is not one to score: check <see cref="StatusOf"/> first.</exception>
    public static MappedNotice Map(CompiledNotice notice, string councilCode, string? licence)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentException.ThrowIfNullOrWhiteSpace(councilCode);
        var stage = NoticeStage.Of(notice);
        if (stage.Status != NoticeProcessStatus.Scored)
        {
            throw new InvalidOperationException($"Process {notice.Ocid} is not scored: {stage.Reason}");
        }
        return new NoticeMapping(notice, stage).Map(councilCode, licence);
    }

    /// <summary>Whether a compiled process is scored, outcome only or not scored, and why not.</summary>
    public static (NoticeProcessStatus Status, string? Reason) StatusOf(CompiledNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var stage = NoticeStage.Of(notice);
        return (stage.Status, stage.Reason);
    }
}
