namespace Commissioning.Functions.Access;

/// <summary>Who may call an HTTP function.</summary>
public enum Callers
{
    /// <summary>No key needed: the rubric, the schema, health, the API document and the web pages.</summary>
    Anyone,

    /// <summary>
    /// Who may read: the admin key, or a council's key of either role (councillor or commissioner). The function, or
    /// <see cref="AccessAttribute.Council"/>, narrows it to one council.
    /// </summary>
    Readers,

    /// <summary>
    /// Who may change things (and score drafts): the admin key, or a council's commissioner key; a councillor's key is
    /// refused with 403. The function, or <see cref="AccessAttribute.Council"/>, narrows it to one council.
    /// </summary>
    Commissioners,

    /// <summary>The operator's admin key only: council records, keys, deliveries, sending summaries now.</summary>
    Admin,
}

/// <summary>
/// Declares who may call an HTTP function. The front door applies it before the function runs, the same way under the
/// Functions host and under the local runner; every HTTP function must carry one.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AccessAttribute(Callers callers) : Attribute
{
    public Callers Callers { get; } = callers;

    /// <summary>
    /// The route value that names the council (e.g. <c>council</c>): a council key must be that council's, compared after
    /// the council-code rule (<see cref="Councils.CouncilCode"/>), so a code in any case is the same council.
    /// </summary>
    public string? Council { get; init; }
}
