namespace Commissioning.Domain.Notices;

/// <summary>The outcome of reading a notice body: the batch, or the one problem that stopped the read.</summary>
public sealed record NoticeReadResult(NoticeBatch? Batch, NoticeProblem? Problem)
{
    public bool IsRead => Batch is not null;

    internal static NoticeReadResult Failed(NoticeProblem problem) => new(null, problem);
}
