using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Commissioning.Functions.Shared;

/// <summary>
/// The parts of an address every feature checks the same way (the council in the route, <c>?version=</c>, a page's
/// continuation token): each bad part is added to the errors by name (<c>route.council</c>, <c>query.version</c> …).
/// </summary>
public static class AddressParts
{
    public const string TokenRule = "is not a token this service issued; start again without it";

    /// <summary>
    /// Reads an address with <paramref name="read"/>, which adds each bad part to the errors it is given: false, with a
    /// 400 naming every one in <paramref name="invalid"/>, when any part is bad.
    /// </summary>
    public static bool TryRead<T>(Func<Dictionary<string, string[]>, T> read, out T address,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? invalid)
    {
        var errors = new Dictionary<string, string[]>();
        address = read(errors);
        invalid = errors.Count > 0 ? ApiProblem.Invalid(errors) : null;
        return invalid is null;
    }

    public static string Council(string value, Dictionary<string, string[]> errors)
    {
        if (!CouncilCode.TryNormalise(value, out var code))
        {
            errors["route.council"] = [CouncilCode.Rule];
        }

        return code;
    }

    public static int? Version(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
        {
            return number;
        }

        errors["query.version"] = ["must be a version number: a whole number from 1"];
        return null;
    }

    /// <summary><c>?format=</c> of a document: html (the default) or md; null (and an error) for anything else.</summary>
    public static DocumentFormat? Format(string? value, Dictionary<string, string[]> errors)
    {
        DocumentFormat? format = (value ?? "html").Trim().ToLowerInvariant() switch
        {
            "html" => DocumentFormat.Html,
            "md" or "markdown" => DocumentFormat.Markdown,
            _ => null,
        };
        if (format is null)
        {
            errors["query.format"] = ["must be html or md"];
        }

        return format;
    }

    /// <summary><c>?pageSize=</c>: 1 to 1000, 50 when absent.</summary>
    public static int PageSize(string? value, Dictionary<string, string[]> errors)
    {
        var size = 50;
        if (value is not null && (!int.TryParse(value, out size) || size is < 1 or > 1000))
        {
            errors["query.pageSize"] = ["must be a whole number from 1 to 1000"];
        }

        return size;
    }

    /// <summary><c>?continuationToken=</c> as the storage token it stands for; null when absent.</summary>
    public static string? ContinuationToken(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (!TryDecodeToken(value, out var decoded))
        {
            errors["query.continuationToken"] = [TokenRule];
        }

        return decoded;
    }

    /// <summary>A storage continuation token as a URL-safe opaque string.</summary>
    public static string EncodeToken(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    public static bool TryDecodeToken(string token, out string? decoded)
    {
        decoded = null;
        if (token.Length is 0 or > 2000 || !Base64Url.IsValid(token))
        {
            return false;
        }

        decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        return decoded.Length > 0 && !decoded.Any(char.IsControl);
    }
}
