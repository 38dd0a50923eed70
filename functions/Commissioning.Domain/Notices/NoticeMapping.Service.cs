using System.Text;

namespace Commissioning.Domain.Notices;

internal sealed partial class NoticeMapping
{
    private Service? MapService(bool psr)
    {
        var description = Description();
        bool? lightTouch = null;
        if (tender.HasArray("specialRegime"))
        {
            // FTS: specialRegime lists the regimes that apply; present without lightTouch means not light-touch.
            lightTouch = tender.Strings("specialRegime").Contains("lightTouch");
            record.Set("$.service.lightTouch", lightTouch.Value ? "true" : "false", MappingMethod.Direct, "$.tender.specialRegime",
                lightTouch.Value ? null : "specialRegime is given and does not include lightTouch");
        }
        bool? healthcare = null;
        if (psr)
        {
            healthcare = true;
            record.Set("$.service.healthcareService", "true", MappingMethod.Direct, "$.tender.legalBasis",
                "published under the Provider Selection Regime (UKSI 2023/1348); a health CPV code alone is never read as this");
        }
        return description is null && lightTouch is null && healthcare is null
            ? null
            : new Service { Description = description, LightTouch = lightTouch, HealthcareService = healthcare };
    }

    /// <summary><c>tender.description</c>, then each lot's own description, decoded and cut to the plan's length.</summary>
    private string? Description()
    {
        var text = new StringBuilder();
        var paths = new List<string>(2);
        var steps = new List<string>(3);
        var main = NoticeText.Clean(tenderDescription, PlanShape.DescriptionLength);
        if (main is not null)
        {
            text.Append(main.Text);
            paths.Add("$.tender.description");
            if (main.Decoded)
            {
                steps.Add("HTML entities decoded");
            }
        }
        var i = 0;
        foreach (var lot in tender.Items("lots"))
        {
            if (NoticeText.Clean(lot.Text("description"), PlanShape.DescriptionLength) is { } lotText
                && (main is null || !main.Text.Contains(lotText.Text, StringComparison.Ordinal)))
            {
                text.Append(text.Length > 0 ? "\n\n" : "").Append(NoticeText.Clean(lot.Text("title"), 200)?.Text ?? "Lot " + (lot.Text("id") ?? "")).Append(": ").Append(lotText.Text);
                paths.Add(OcdsJson.Index("$.tender.lots", i) + ".description");
                if (!steps.Contains("lot descriptions added"))
                {
                    steps.Add("lot descriptions added");
                }
            }
            i++;
        }
        if (text.Length == 0)
        {
            return null;
        }
        var description = NoticeText.Cut(text.ToString(), PlanShape.DescriptionLength);
        if (description.Length < text.Length || main?.Capped == true)
        {
            steps.Add("cut to the plan's length");
        }
        record.Set("$.service.description", Shorten(description), steps.Count > 0 ? MappingMethod.Converted : MappingMethod.Direct, paths,
            steps.Count > 0 ? string.Join("; ", steps) : null);
        return description;
    }

    /// <summary>Long text is not repeated in full in the provenance.</summary>
    private static string Shorten(string text) => text.Length <= 120 ? text : NoticeText.Cut(text, 117) + "…";
}
