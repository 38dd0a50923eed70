using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Who published the notice (design: notices.md §4.1, §14, traps 11 and 17): the buyer party named by
/// <c>buyer.id</c> (else the first party with the buyer role; 2014 Contracts Finder: <c>buyer</c> itself), its
/// identifiers and postcode, and the other buyers of a joint procurement. Review and mediation bodies are never
/// buyers, though a council can be both buyer and review body. Contact names and e-mails are not read.
/// </summary>
public sealed record NoticeBuyer
{
    public required string? Name { get; init; }
    /// <summary>Organisation identifiers such as <c>GB-PPON-PTQG-8236-WVNZ</c> or <c>GB-CFS-107313</c> (Companies House numbers padded to 8 digits).</summary>
    public required IReadOnlyList<string> Identifiers { get; init; }
    /// <summary>The buyer's postcode, normalised (<c>HA90FJ</c> → <c>HA9 0FJ</c>).</summary>
    public string? Postcode { get; init; }
    /// <summary>The address region as published (a NUTS code such as <c>UKD44</c>, or a region name).</summary>
    public string? Region { get; init; }
    /// <summary>FTS <c>UK_CA_DEVOLVED_REGULATIONS</c> (e.g. <c>GB-WLS</c>) when the buyer states it.</summary>
    public string? DevolvedRegulations { get; init; }
    /// <summary>The other buyers of a joint procurement.</summary>
    public IReadOnlyList<NoticeBuyer> JointBuyers { get; init; } = [];
    /// <summary>Where the buyer was read, e.g. <c>$.parties[0]</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Every buyer: this one first, then the joint buyers.</summary>
    [JsonIgnore]
    public IEnumerable<NoticeBuyer> All => JointBuyers.Prepend(this);

    /// <summary>
    /// Whether the notice is the council's own: <see cref="BuyerMatch.Confirmed"/> when any buyer's identifier is one the
    /// council record lists; <see cref="BuyerMatch.NameOnly"/> when a buyer's normalised name is the council's name or one
    /// of its buyer names (stored, flagged); otherwise <see cref="BuyerMatch.OtherBuyer"/>. A postcode in the council's
    /// districts is not enough on its own: hospitals, police and schools share a council's town (decision 0017).
    /// </summary>
    public BuyerMatch Matches(Council council)
    {
        ArgumentNullException.ThrowIfNull(council);
        var identifiers = (council.BuyerIdentifiers ?? []).Select(NormaliseIdentifier).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var buyer in All)
        {
            if (buyer.Identifiers.Any(identifiers.Contains))
            {
                return BuyerMatch.Confirmed;
            }
        }
        var names = (council.BuyerNames ?? []).Append(council.Name).Select(NormaliseName).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        return All.Any(b => b.Name is { } name && names.Contains(NormaliseName(name))) ? BuyerMatch.NameOnly : BuyerMatch.OtherBuyer;
    }

    /// <summary>The buyer of a compiled release; null when it names no buyer at all.</summary>
    public static NoticeBuyer? From(JsonElement release)
    {
        var buyerReference = release.Object("buyer");
        var buyerId = buyerReference?.Text("id");
        var buyers = new List<(JsonElement Party, string Path)>(2);
        var i = 0;
        foreach (var party in release.Items("parties"))
        {
            if (party.Strings("roles").Contains("buyer"))
            {
                buyers.Add((party, OcdsJson.Index("$.parties", i)));
            }
            i++;
        }
        if (buyers.Count == 0)
        {
            return buyerReference is { } only && only.Text("name") is not null ? Read(only, "$.buyer") : null;
        }
        var primary = buyers.FindIndex(b => buyerId is not null && b.Party.Text("id") == buyerId);
        if (primary < 0)
        {
            primary = 0;
        }
        var main = Read(buyers[primary].Party, buyers[primary].Path);
        return main with
        {
            Name = main.Name ?? NoticeText.Clean(buyerReference?.Text("name"), 200)?.Text,
            JointBuyers = [.. buyers.Where((_, index) => index != primary).Select(b => Read(b.Party, b.Path))],
        };
    }

    private static NoticeBuyer Read(JsonElement party, string path)
    {
        var address = party.Object("address");
        var devolved = party.Object("details") is { } details
            ? details.Items("classifications").Where(c => c.Text("scheme") == "UK_CA_DEVOLVED_REGULATIONS").Select(c => c.Text("id")).FirstOrDefault()
            : null;
        return new NoticeBuyer
        {
            Name = NoticeText.Clean(party.Text("name"), 200)?.Text,
            Identifiers = IdentifiersOf(party),
            Postcode = PostcodeOf(address),
            Region = address?.Text("region"),
            DevolvedRegulations = devolved,
            Path = path,
        };
    }

    /// <summary>The buyer's postcode: <c>address.postalCode</c>, else the last postcode-shaped words of the street address.</summary>
    internal static string? PostcodeOf(JsonElement? address)
    {
        if (address is not { } a)
        {
            return null;
        }
        if (a.Text("postalCode") is { } postalCode && LooksLikePostcode(postalCode))
        {
            return Postcodes.Normalise(postalCode);
        }
        if (a.Text("streetAddress") is { } street)
        {
            var parts = street.Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            for (var p = parts.Length - 1; p >= 0; p--)
            {
                if (LooksLikePostcode(parts[p]))
                {
                    return Postcodes.Normalise(parts[p]);
                }
            }
        }
        return null;
    }

    /// <summary>A full UK postcode: outward code (letters, digit, optional letter or digit) and inward code (digit, two letters).</summary>
    private static bool LooksLikePostcode(string text)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length is < 5 or > 7)
        {
            return false;
        }
        var inward = compact[^3..];
        var outward = compact[..^3];
        return char.IsAsciiDigit(inward[0]) && char.IsAsciiLetter(inward[1]) && char.IsAsciiLetter(inward[2])
               && char.IsAsciiLetter(outward[0]) && outward.Any(char.IsAsciiDigit) && outward.All(char.IsAsciiLetterOrDigit);
    }

    private static List<string> IdentifiersOf(JsonElement party)
    {
        var found = new List<string>(2);
        void Add(string? identifier)
        {
            if (identifier is null || !IsOrganisationIdentifier(identifier))
            {
                return;
            }
            var normalised = NormaliseIdentifier(identifier);
            if (!found.Contains(normalised, StringComparer.OrdinalIgnoreCase))
            {
                found.Add(normalised);
            }
        }
        Add(party.Text("id"));
        foreach (var identifier in party.Object("identifier") is { } main ? (IEnumerable<JsonElement>)[main] : [])
        {
            Add(Combine(identifier));
        }
        foreach (var identifier in party.Items("additionalIdentifiers"))
        {
            Add(Combine(identifier));
        }
        return found;
    }

    private static string? Combine(JsonElement identifier)
    {
        var scheme = identifier.Text("scheme");
        var id = identifier.Text("id");
        if (scheme is null || id is null)
        {
            return null;
        }
        return id.StartsWith(scheme + "-", StringComparison.OrdinalIgnoreCase) ? id : scheme + "-" + id;
    }

    /// <summary>An org-id style identifier (<c>GB-CFS-107313</c>), not a portal's per-release <c>org-41</c> or a hash.</summary>
    private static bool IsOrganisationIdentifier(string identifier)
    {
        var parts = identifier.Split('-', 3);
        return parts.Length == 3 && parts[0].Length == 2 && parts[0].All(char.IsAsciiLetterUpper) && parts[1].Length > 0 && parts[1].All(char.IsAsciiLetterOrDigit) && parts[2].Length > 0;
    }

    /// <summary>Upper case; Companies House numbers padded to 8 digits (FTS sends 6–7 digit ones unpadded).</summary>
    internal static string NormaliseIdentifier(string identifier)
    {
        var upper = identifier.Trim().ToUpperInvariant();
        const string companiesHouse = "GB-COH-";
        if (upper.StartsWith(companiesHouse, StringComparison.Ordinal))
        {
            var number = upper[companiesHouse.Length..];
            if (number.Length < 8 && number.All(char.IsAsciiDigit))
            {
                return companiesHouse + number.PadLeft(8, '0');
            }
        }
        return upper;
    }

    private static readonly string[] NameNoise =
        ["the", "of", "and", "council", "borough", "city", "county", "district", "metropolitan", "london", "royal", "cbc", "mbc", "bc", "cc", "dc", "lb"];

    /// <summary>"London Borough of Brent" and "Brent Council" both become "brent"; "Lancaster City Council" stays apart from "Lancashire County Council".</summary>
    internal static string NormaliseName(string name)
    {
        var decoded = System.Net.WebUtility.HtmlDecode(name).ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal);
        var words = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            words.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return string.Join(' ', words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !NameNoise.Contains(w, StringComparer.Ordinal)));
    }
}

/// <summary>Whether a notice's buyer is the council (design: notices.md §14).</summary>
public enum BuyerMatch
{
    [JsonStringEnumMemberName("confirmed")] Confirmed,
    [JsonStringEnumMemberName("name-only")] NameOnly,
    [JsonStringEnumMemberName("other-buyer")] OtherBuyer,
}
