using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commissioning.Functions.Rendering;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Notifications;

/// <summary>
/// Turns a message into the exact JSON body a Teams or Slack webhook receives, from the templates in <c>templates/</c>.
/// The rendered text is parsed to prove it is JSON, checked against the channel's limits (Teams about 28 KB;
/// Slack 50 blocks, 3,000 characters a text), and re-rendered with fewer list items, saying how many were left out,
/// until it fits.
/// </summary>
public sealed class NotificationComposer(TemplateLibrary templates, IOptions<NotificationOptions> options)
{
    public const int SlackMaxBlocks = 50;
    public const int SlackMaxText = 3_000;
    public const int SlackMaxHeader = 150;
    /// <summary>
    /// A chat message is a prompt to look, not the guidance: it shows every alert (each is something to check) but only
    /// the recommendations that would gain the most, then says how many more the guidance lists.
    /// </summary>
    public const int RecommendationsShown = 3;
    private const int LineLimit = 1_000;
    private const int TitleLimit = 500;
    /// <summary>More items than this could never fit either channel; rendering them all would only hit the template loop limit.</summary>
    private const int MaxItems = 1_000;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Compose(ChannelKind kind, PlanMessage message)
    {
        var alerts = message.Alerts.Select(a => Clip($"{a.Title}: {a.Message}", LineLimit)).ToArray();
        var recommendations = message.Recommendations.Select(r => Clip(r, LineLimit)).ToArray();
        var template = kind == ChannelKind.Teams ? "teams-plan.json.sbn" : "slack-plan.json.sbn";
        var band = message.Overall.Band switch { Band.Red => "red", Band.Amber => "amber", _ => "green" };
        var alertWord = message.Alerts.Count == 1 ? "alert" : "alerts";
        var headline = message.Alerts.Count > 0
            ? $"Scored {message.Overall.Score}/100 ({band}), {message.Alerts.Count} compliance {alertWord}"
            : $"Scored {message.Overall.Score}/100 ({band})";
        var title = Clip(message.Title, TitleLimit);

        return Fit(kind, template, alerts.Length + Math.Min(recommendations.Length, RecommendationsShown), keep =>
        {
            var shownAlerts = alerts.Take(keep).ToArray();
            var shownRecommendations = recommendations.Take(Math.Max(0, keep - shownAlerts.Length)).ToArray();
            return new PlanCardModel(
                title, Clip(message.Title, SlackMaxHeader), $"{title} ({message.CouncilName}): {headline}", headline,
                Clip(message.CouncilName, TitleLimit), Clip(message.Reference, TitleLimit), message.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                band, message.Overall.Band switch { Band.Red => "Attention", Band.Amber => "Warning", _ => "Good" },
                shownAlerts, SlackSections(shownAlerts.Select(a => "⚠️ " + a)), alerts.Length - shownAlerts.Length,
                shownRecommendations, SlackSections(shownRecommendations.Select(r => "• " + r)), recommendations.Length - shownRecommendations.Length,
                message.ScorecardUrl, message.GuidanceUrl);
        });
    }

    public string Compose(ChannelKind kind, SummaryMessage message)
    {
        var lines = message.Lines.Select(l => Clip(l, LineLimit)).ToArray();
        var template = kind == ChannelKind.Teams ? "teams-summary.json.sbn" : "slack-summary.json.sbn";
        var title = Clip(message.Title, TitleLimit);
        return Fit(kind, template, lines.Length, keep =>
        {
            var shown = lines.Take(keep).ToArray();
            return new SummaryCardModel(title, Clip(message.Title, SlackMaxHeader), shown, SlackSections(shown), lines.Length - shown.Length,
                message.Link, Clip(message.LinkText, 75));
        });
    }

    /// <summary>The most list items (0..total) whose rendering fits the channel; binary search, as fitting only gets easier with fewer.</summary>
    private string Fit(ChannelKind kind, string template, int items, Func<int, object> modelKeeping)
    {
        var total = Math.Min(items, MaxItems);
        string? Attempt(int keep)
        {
            var rendered = templates.Render(template, modelKeeping(keep));
            if (rendered.Length >= TemplateLibrary.OutputLimit)
            {
                return null;   // cut off by the render limit: far more than either channel takes, so fewer items
            }

            JsonNode node;
            try
            {
                node = JsonNode.Parse(rendered) ?? throw new InvalidOperationException($"Template {template} rendered JSON null");
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"Template {template} did not render valid JSON: {ex.Message}", ex);
            }

            var body = node.ToJsonString(Compact);
            return Fits(kind, node, body) ? body : null;
        }

        if (Attempt(total) is { } everything)
        {
            return everything;
        }

        string? best = null;
        int low = 0, high = total - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (Attempt(middle) is { } body)
            {
                best = body;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return best ?? throw new InvalidOperationException($"Template {template} does not fit the {kind} limits even with no list items");
    }

    private bool Fits(ChannelKind kind, JsonNode node, string body)
    {
        var bytes = Encoding.UTF8.GetByteCount(body);
        if (kind == ChannelKind.Teams)
        {
            return bytes <= options.Value.TeamsMaxBytes;
        }

        if (bytes > options.Value.SlackMaxBytes || node["blocks"] is not JsonArray blocks || blocks.Count > SlackMaxBlocks)
        {
            return false;
        }

        return blocks.All(block => block?["type"]?.GetValue<string>() switch
        {
            "header" => TextLength(block["text"]) is >= 1 and <= SlackMaxHeader,
            "section" => TextLength(block["text"]) is >= 1 and <= SlackMaxText,
            _ => true,
        });
    }

    private static int TextLength(JsonNode? textObject) => textObject?["text"]?.GetValue<string>().Length ?? 0;

    /// <summary>Groups lines into Slack section texts of at most 3,000 characters.</summary>
    private static string[] SlackSections(IEnumerable<string> lines)
    {
        var sections = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            if (current.Length > 0 && current.Length + 1 + line.Length > SlackMaxText)
            {
                sections.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? "\n" : string.Empty).Append(line);
        }

        if (current.Length > 0)
        {
            sections.Add(current.ToString());
        }

        return [.. sections];
    }

    /// <summary>Keeps text within a limit (never empty: Slack refuses empty texts); short texts pass unchanged.</summary>
    internal static string Clip(string? text, int limit)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "—";
        }

        if (text.Length <= limit)
        {
            return text;
        }

        var cut = limit - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private sealed record PlanCardModel(
        string Title, string HeaderTitle, string Fallback, string Headline,
        string CouncilName, string Reference, string Version, string Band, string BandColour,
        IReadOnlyList<string> Alerts, IReadOnlyList<string> AlertSections, int AlertsOmitted,
        IReadOnlyList<string> Recommendations, IReadOnlyList<string> RecommendationSections, int RecommendationsOmitted,
        string ScorecardUrl, string GuidanceUrl);

    private sealed record SummaryCardModel(
        string Title, string HeaderTitle, IReadOnlyList<string> Lines, IReadOnlyList<string> Sections, int Omitted, string Link, string LinkText);
}
