namespace Commissioning.Functions.Problems;

/// <summary>
/// The request could not be completed now for a reason that passes (others are writing the same thing at this
/// moment): answered 503 with Retry-After and this detail, as a storage outage is.
/// </summary>
public class TryAgainLaterException(string detail) : Exception(detail)
{
    public string Detail { get; } = detail;
}
