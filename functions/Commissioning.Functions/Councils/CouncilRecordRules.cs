using System.Text.RegularExpressions;

namespace Commissioning.Functions.Councils;

/// <summary>What a council record must hold, each bad field named by its JSON path.</summary>
public static partial class CouncilRecordRules
{
    public static Dictionary<string, string[]> Validate(Council council, string routeCode)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CouncilCode.TryNormalise(council.Code, out var bodyCode))
        {
            errors["$.code"] = [CouncilCode.Rule];
        }
        else if (bodyCode != routeCode)
        {
            errors["$.code"] = [$"must be the council in the address ({routeCode})"];
        }

        if (string.IsNullOrWhiteSpace(council.Name) || council.Name.Length > 200)
        {
            errors["$.name"] = ["is required, 1–200 characters"];
        }

        for (var i = 0; i < council.LocalPostcodeDistricts.Count; i++)
        {
            if (!PostcodeDistrict().IsMatch(council.LocalPostcodeDistricts[i]?.Trim().ToUpperInvariant() ?? string.Empty))
            {
                errors[$"$.localPostcodeDistricts[{i}]"] = ["must be a postcode district (outward code) such as SG1"];
            }
        }

        for (var i = 0; i < council.Councillors.Count; i++)
        {
            var email = council.Councillors[i]?.Email;
            if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
            {
                errors[$"$.councillors[{i}].email"] = ["must be an email address"];
            }
        }

        for (var i = 0; i < council.Channels.Count; i++)
        {
            var webhook = council.Channels[i]?.Webhook;
            if (string.IsNullOrWhiteSpace(webhook) || !SettingName().IsMatch(webhook))
            {
                errors[$"$.channels[{i}].webhook"] = ["must be the name of the setting that holds the webhook URL (letters, digits, - and _), never the URL itself"];
            }
        }

        ValidateBuyers(council, errors);
        return errors;
    }

    /// <summary>The most buyer identifiers, and buyer names, a council record holds.</summary>
    public const int MaxBuyerEntries = 50;

    /// <summary>
    /// <c>buyerIdentifiers</c>: organisation identifiers in the org-id form a notice carries them (<c>GB-PPON-PTQG-8236-WVNZ</c>,
    /// <c>GB-CFS-107313</c>, <c>GB-SRS-sid4gov.cabinetoffice.gov.uk/V2GR32H4</c>); <c>buyerNames</c>: the names the council
    /// publishes under besides its own. Either may be left out (null): then only the council's name can match.
    /// </summary>
    private static void ValidateBuyers(Council council, Dictionary<string, string[]> errors)
    {
        if (council.BuyerIdentifiers is { } identifiers)
        {
            if (identifiers.Count > MaxBuyerEntries)
            {
                errors["$.buyerIdentifiers"] = [$"holds at most {MaxBuyerEntries} identifiers"];
            }

            for (var i = 0; i < identifiers.Count; i++)
            {
                if (!BuyerIdentifier().IsMatch(identifiers[i]?.Trim() ?? string.Empty))
                {
                    errors[$"$.buyerIdentifiers[{i}]"] =
                        ["must be an organisation identifier as notices carry it: a two-letter country, a register and the id, e.g. GB-PPON-PTQG-8236-WVNZ or GB-CFS-107313 (at most 200 characters, no spaces)"];
                }
            }
        }

        if (council.BuyerNames is { } names)
        {
            if (names.Count > MaxBuyerEntries)
            {
                errors["$.buyerNames"] = [$"holds at most {MaxBuyerEntries} names"];
            }

            for (var i = 0; i < names.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(names[i]) || names[i].Length > 200 || names[i].Any(char.IsControl))
                {
                    errors[$"$.buyerNames[{i}]"] = ["must be a name the council publishes notices under: 1–200 characters, one line"];
                }
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{2}-[A-Za-z0-9]+-\S{1,180}$", RegexOptions.CultureInvariant)]
    private static partial Regex BuyerIdentifier();

    [GeneratedRegex("^[A-Z]{1,2}[0-9][0-9A-Z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodeDistrict();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex SettingName();
}
