using Commissioning.Domain.Scoring;

namespace Commissioning.Functions.Plans;

/// <summary>Bands as the API and the tables write them: red, amber, green.</summary>
public static class BandWords
{
    public static string ToWord(Band band) => band switch
    {
        Band.Red => "red",
        Band.Amber => "amber",
        Band.Green => "green",
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };

    public static bool TryParse(string? word, out Band band)
    {
        switch (word?.Trim().ToLowerInvariant())
        {
            case "red": band = Band.Red; return true;
            case "amber": band = Band.Amber; return true;
            case "green": band = Band.Green; return true;
            default: band = default; return false;
        }
    }
}
