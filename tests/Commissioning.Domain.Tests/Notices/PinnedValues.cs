using Commissioning.Domain.Notices;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>
/// The values a fixture pins for every shape (value and VAT basis, bid window, term and extensions, lots, route,
/// reservation or none, buyer postcode), compared in one go so a failure shows them all.
/// </summary>
internal sealed record PinnedValues(
    decimal? Value, VatBasis? Basis, int? BidWindowDays, int? TermMonths, int? ExtensionMonths,
    IReadOnlyList<decimal?>? LotValues, ProcurementRoute? Route, Reservation? Reservation, string? BuyerPostcode)
{
    public static PinnedValues Of(MappedNotice notice) => new(
        notice.Plan.Budget?.TotalValue, notice.Facts.ValueBasis, notice.Plan.Procurement?.BidWindowDays,
        notice.Plan.Budget?.TermMonths, notice.Plan.Budget?.ExtensionMonths,
        notice.Plan.Procurement?.Lots?.Select(l => l.Value).ToList(),
        notice.Plan.Procurement?.Route, notice.Plan.Procurement?.Reservation, notice.Buyer?.Postcode);

    // Lists compare by their items, so two pins with the same lot values are equal.
    public bool Equals(PinnedValues? other) =>
        other is not null && Value == other.Value && Basis == other.Basis && BidWindowDays == other.BidWindowDays
        && TermMonths == other.TermMonths && ExtensionMonths == other.ExtensionMonths
        && (LotValues ?? []).SequenceEqual(other.LotValues ?? []) && (LotValues is null) == (other.LotValues is null)
        && Route == other.Route && Reservation == other.Reservation && BuyerPostcode == other.BuyerPostcode;

    public override int GetHashCode() => HashCode.Combine(Value, BidWindowDays, TermMonths, Route, BuyerPostcode);

    public override string ToString() =>
        $"value {Value} ({Basis}), bid window {BidWindowDays}, term {TermMonths} + {ExtensionMonths}, lots [{(LotValues is null ? "null" : string.Join(", ", LotValues))}], route {Route}, reservation {Reservation}, buyer postcode {BuyerPostcode}";
}
