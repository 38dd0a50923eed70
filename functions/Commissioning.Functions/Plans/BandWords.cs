
namespace Commissioning.Functions.Plans;

/// <summary>Bands as the API and the tables write them (red, amber, green): the contract's words, read leniently.</summary>
public static class BandWords
{
    public static string ToWord(Band band) => EnumWords.ToWord(band);

    /// <summary>Accepts the band's word in any case, with surrounding spaces (as a query string may carry it).</summary>
    public static bool TryParse(string? word, out Band band)
    {
        var parsed = EnumWords.TryParse<Band>(word?.Trim().ToLowerInvariant());
        band = parsed ?? default;
        return parsed.HasValue;
    }
}
