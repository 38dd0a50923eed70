using System.Text.RegularExpressions;

namespace Commissioning.Functions.Shared;

/// <summary>An ONS GSS local-authority code (E07000243): a country letter and eight digits.</summary>
public static partial class CouncilCode
{
    public static bool TryNormalise(string? value, out string code)
    {
        code = value?.Trim().ToUpperInvariant() ?? string.Empty;
        return Pattern().IsMatch(code);
    }

    public const string Rule = "must be a GSS code: a letter E, W, S or N and eight digits, e.g. E07000243";

    [GeneratedRegex("^[EWSN][0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
