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

        return errors;
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9][0-9A-Z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodeDistrict();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex SettingName();
}
