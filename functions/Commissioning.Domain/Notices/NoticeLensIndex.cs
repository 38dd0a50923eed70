using System.Runtime.CompilerServices;

namespace Commissioning.Domain.Notices;

/// <summary>
/// What a lens says that does not change from notice to notice, worked out once per lens value: its entries by id,
/// the advice for criteria no notice can show, and every plan field no notice carries. Kept beside the lens (not in
/// it), so a lens changed with <c>with</c> gets its own.
/// </summary>
internal sealed class NoticeLensIndex
{
    private static readonly ConditionalWeakTable<NoticeLens, NoticeLensIndex> Indexes = new();

    private readonly Dictionary<string, CriterionLens> criteria;
    private readonly Dictionary<string, AlertLens> alerts;
    private readonly Dictionary<string, string> cannotShow;

    private NoticeLensIndex(NoticeLens lens)
    {
        criteria = lens.Criteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        alerts = lens.Alerts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        cannotShow = lens.Criteria.Where(c => c.Evidence == NoticeEvidence.None)
            .ToDictionary(c => c.Id, c => Wording.Fill(lens.Texts.CannotShow, [("question", c.Question)]), StringComparer.Ordinal);
        NotInNotice = [.. lens.NeverInNotice.Concat(lens.Criteria.SelectMany(c => c.NeverInNotice)).Distinct(StringComparer.Ordinal)];
        Version = lens.Version;
    }

    public static NoticeLensIndex Of(NoticeLens lens) => Indexes.GetValue(lens, l => new NoticeLensIndex(l));

    private string Version { get; }

    /// <summary>Every plan field no notice can carry.</summary>
    public IReadOnlyList<string> NotInNotice { get; }

    public CriterionLens Criterion(string id) =>
        criteria.TryGetValue(id, out var found) ? found : throw new InvalidOperationException($"Notice lens {Version} has no entry for criterion {id}.");

    public AlertLens Alert(string id) =>
        alerts.TryGetValue(id, out var found) ? found : throw new InvalidOperationException($"Notice lens {Version} has no entry for alert {id}.");

    /// <summary>The advice of a criterion no notice can show ("A published notice cannot show this. Ask: …").</summary>
    public string CannotShow(string id) => cannotShow[id];
}
