namespace Commissioning.Functions.Access;

/// <summary>Who may call an HTTP function.</summary>
public enum Callers
{
    /// <summary>No key needed: the rubric, the schema, health, the API document and the web pages.</summary>
    Anyone,

    /// <summary>The admin key or any council's key (the function, or <see cref="AccessAttribute.Council"/>, narrows it to one council).</summary>
    AnyKey,

    /// <summary>The admin key only: council records, keys, deliveries, sending summaries now.</summary>
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
