namespace Commissioning.Domain.Councils;

/// <summary>What "local" means for one council, and who hears about its plans.</summary>
public sealed record Council
{
    /// <summary>ONS GSS code, e.g. E07000243.</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    /// <summary>Postcode districts counted as local (outward codes such as SG1), optionally neighbours too.</summary>
    public IReadOnlyList<string> LocalPostcodeDistricts { get; init; } = [];
    public IReadOnlyList<string> Neighbourhoods { get; init; } = [];
    public IReadOnlyList<Councillor> Councillors { get; init; } = [];
    /// <summary>Teams and Slack channels, and which events go to each.</summary>
    public IReadOnlyList<NotificationChannel> Channels { get; init; } = [];
    /// <summary>The rubric version in force for this council; null means the current one.</summary>
    public string? RubricVersion { get; init; }
    /// <summary>
    /// Organisation identifiers the council publishes notices under (e.g. <c>GB-PPON-PTQG-8236-WVNZ</c>,
    /// <c>GB-CFS-107313</c>): a notice whose buyer carries one is confirmed as the council's own. Null when none are recorded.
    /// </summary>
    public IReadOnlyList<string>? BuyerIdentifiers { get; init; }
    /// <summary>Other names the council publishes notices under, beside <see cref="Name"/>. Null when none are recorded.</summary>
    public IReadOnlyList<string>? BuyerNames { get; init; }
}

public sealed record Councillor(string Name, string? Ward, string Email);
