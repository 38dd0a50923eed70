namespace Commissioning.Domain.Notices;

/// <summary>Collects the provenance of one mapping as the mapper sets each field.</summary>
internal sealed class ProvenanceRecorder
{
    /// <summary>The plan fields the mapper can set from at least one portal's notices, in plan order.</summary>
    public static readonly IReadOnlyList<string> Mappable =
    [
        "$.council.name", "$.title", "$.service.description", "$.service.lightTouch", "$.service.healthcareService",
        "$.budget.totalValue", "$.budget.termMonths", "$.budget.extensionMonths",
        "$.procurement.route", "$.procurement.plannedTenderDate", "$.procurement.reservation", "$.procurement.lots",
        "$.procurement.noLotsReason", "$.procurement.consortiaWelcome", "$.procurement.bidWindowDays",
        "$.procurement.weighting.quality", "$.procurement.weighting.price", "$.procurement.weighting.socialValue",
        "$.procurement.noticePlanned", "$.market.engagement",
    ];

    private readonly List<MappedField> fields = new(16);
    private readonly List<NoticeHint> hints = [];
    private readonly List<NoticeContext> context = [];
    private readonly List<string> notes = [];

    public void Set(string field, string value, MappingMethod method, string path, string? note = null) =>
        fields.Add(new MappedField(field, value, method, [path], note));

    public void Set(string field, string value, MappingMethod method, IReadOnlyList<string> paths, string? note = null) =>
        fields.Add(new MappedField(field, value, method, paths, note));

    public void Hint(string? field, string text, string path, string? excerpt = null)
    {
        foreach (var hint in hints)
        {
            if (hint.Field == field && hint.Text == text)
            {
                return;
            }
        }
        hints.Add(new NoticeHint(field, text, path, excerpt));
    }

    public bool HasHint(string field) => hints.Exists(h => h.Field == field);

    public void Context(string name, string value, string path)
    {
        if (!context.Exists(c => c.Name == name && c.Value == value))
        {
            context.Add(new NoticeContext(name, value, path));
        }
    }

    public void Note(string text)
    {
        if (!notes.Contains(text))
        {
            notes.Add(text);
        }
    }

    public bool IsSet(string field) => fields.Exists(f => f.Field == field);

    public NoticeProvenance Build() => new()
    {
        Fields = [.. fields.OrderBy(f => IndexOf(f.Field))],
        NotStated = [.. Mappable.Where(m => !IsSet(m))],
        Hints = hints,
        Context = context,
        Notes = notes,
    };

    private static int IndexOf(string field)
    {
        for (var i = 0; i < Mappable.Count; i++)
        {
            if (Mappable[i] == field)
            {
                return i;
            }
        }
        return Mappable.Count;
    }
}
