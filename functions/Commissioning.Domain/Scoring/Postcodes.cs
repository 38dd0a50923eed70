namespace Commissioning.Domain.Scoring;

/// <summary>UK postcodes, normalised and reduced to their district (outward code) for matching.</summary>
public static class Postcodes
{
    /// <summary>Upper case with a single space before the inward code ("sg11hn" → "SG1 1HN"); null when blank.</summary>
    public static string? Normalise(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }
        Span<char> compact = stackalloc char[Math.Min(postcode.Length, 16)];
        var length = 0;
        foreach (var c in postcode)
        {
            if (!char.IsWhiteSpace(c) && length < compact.Length)
            {
                compact[length++] = char.ToUpperInvariant(c);
            }
        }
        // The inward code is always three characters (digit, letter, letter); a shorter text is a district alone.
        return length > 4 ? string.Concat(compact[..(length - 3)], " ", compact[(length - 3)..length]) : new string(compact[..length]);
    }

    /// <summary>The district (outward code): "SG1 1HN" → "SG1", "SG10 1AB" → "SG10".</summary>
    public static string? District(string? postcode)
    {
        return Normalise(postcode)?.Split(' ')[0];
    }

    /// <summary>True when the postcode's district is one of <paramref name="districts"/> (compared whole, never by prefix).</summary>
    public static bool IsIn(string? postcode, IReadOnlyList<string> districts)
    {
        var district = District(postcode);
        if (district is null)
        {
            return false;
        }
        foreach (var local in districts)
        {
            if (string.Equals(district, local.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
