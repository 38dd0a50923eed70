using System.Text;
using System.Text.Json;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Maps one compiled release to a plan (design: notices.md §4–5), recording the provenance of every field. Only
/// structured fields and the portals' own template sentences set plan values; buyer prose only yields hints. A field
/// the notice does not state stays null: never false, "none" or an empty list (FTS lots excepted: FTS always
/// publishes them, an undivided procurement as one lot).
/// </summary>
internal sealed partial class NoticeMapping
{
    private readonly CompiledNotice notice;
    private readonly JsonElement release;
    private readonly JsonElement tender;
    private readonly NoticeShape shape;
    private readonly NoticeStage stage;
    private readonly ProvenanceRecorder record = new();
    private readonly string buyerText;
    // Where each part of buyerText came from, by its first character.
    private readonly List<(int Start, string Path)> buyerTextParts = new(4);
    // The longest texts of a release, read once: several rules look for words in them.
    private readonly string? tenderDescription;
    private readonly string? releaseDescription;

    public NoticeMapping(CompiledNotice notice, NoticeStage stage)
    {
        this.notice = notice;
        this.stage = stage;
        release = notice.Release;
        tender = release.Object("tender") ?? default;
        shape = NoticeShapes.Recognise(notice);
        tenderDescription = tender.Text("description");
        releaseDescription = release.Text("description");
        buyerText = BuyerText();
    }

    public MappedNotice Map(string councilCode, string? licence)
    {
        foreach (var note in notice.Notes)
        {
            record.Note(note);
        }
        var buyer = NoticeBuyer.From(release);
        var (publication, publicationPath) = PublicationDate();
        var regime = RegimeGate.Read(release, notice.Portal, publication, notice.EarliestReleaseDate, buyerText, buyer);
        var legalBasis = LegalBasis();
        var psr = legalBasis == "UKSI 2023/1348";

        var service = MapService(psr);
        var (budget, value) = MapBudget();
        var lots = MapLots(out var lotsWithoutValue, out var tooManyLots);
        var procurement = MapProcurement(publication, publicationPath, regime, psr, service?.LightTouch, lots);
        var market = MapEngagement();
        var title = NoticeText.Clean(tender.Text("title") ?? release.Text("title"), PlanShape.NameLength)!;
        record.Set("$.title", title.Text, title.Method, tender.Text("title") is not null ? "$.tender.title" : "$.title", title.Note);
        if (buyer?.Name is { } buyerName)
        {
            record.Set("$.council.name", buyerName, MappingMethod.Direct, buyer.Path + ".name",
                buyer.JointBuyers.Count > 0 ? "joint procurement with " + Wording.List([.. buyer.JointBuyers.Select(b => b.Name ?? "an unnamed buyer")]) : null);
        }
        ReadHints();
        ReadContext(buyer);

        var plan = new Plan
        {
            SchemaVersion = PlanShape.SchemaVersion,
            Council = new CouncilRef { Code = councilCode, Name = buyer?.Name },
            Reference = Reference(),
            Title = title.Text,
            Service = service,
            Budget = budget,
            Procurement = procurement,
            Market = market,
        };
        return new MappedNotice
        {
            Plan = plan,
            Provenance = record.Build(),
            Source = Source(regime, legalBasis, publication, publicationPath, licence),
            Buyer = buyer,
            Facts = new NoticeFacts
            {
                ValueBasis = value?.Basis,
                ValueIsCeiling = IsFrameworkOrDynamicMarket(),
                LotsPublished = lots is not null,
                LotsWithoutValue = lotsWithoutValue,
                AboveThresholdStated = tender.Flag("aboveThreshold"),
                TooManyLots = tooManyLots,
            },
            Outcome = Outcome(),
        };
    }

    /// <summary>The plan reference: the ocid (the record key is <c>ocds:&lt;ocid&gt;</c>, but a plan reference allows no colon).</summary>
    private string Reference()
    {
        var ocid = notice.Ocid;
        var safe = new StringBuilder(Math.Min(ocid.Length, 64));
        foreach (var c in ocid)
        {
            if (safe.Length == 64)
            {
                break;
            }
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }
        if (safe.Length == 0 || !char.IsAsciiLetterOrDigit(safe[0]))
        {
            safe.Insert(0, 'n');
        }
        var reference = safe.ToString();
        if (reference.Length > 64)
        {
            reference = reference[..64];
        }
        record.Note(reference == ocid
            ? "The plan's reference is the ocid; a notice has no council reference."
            : $"The plan's reference is the ocid made fit for a reference ({reference}); a notice has no council reference.");
        return reference;
    }

    private string? LegalBasis()
    {
        var basis = tender.Object("legalBasis");
        return basis?.Text("scheme") is { } scheme && basis?.Text("id") is { } id ? scheme.ToUpperInvariant() + " " + id : null;
    }

    private bool IsFrameworkOrDynamicMarket()
    {
        var techniques = tender.Object("techniques");
        if (techniques?.Flag("hasFrameworkAgreement") == true || techniques?.Flag("hasDynamicPurchasingSystem") == true)
        {
            return true;
        }
        return notice.Notices.Any(n => n.NoticeType is "UK13" or "UK14" or "UK15" or "UK16");
    }

    /// <summary>Everything the buyer wrote, decoded, for the regime gate and the hints.</summary>
    private string BuyerText()
    {
        var text = new StringBuilder(2048);
        void Add(string? part, string path)
        {
            if (part is not null)
            {
                buyerTextParts.Add((text.Length, path));
                text.Append(part.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(part) : part).Append('\n');
            }
        }
        Add(tender.Text("title"), "$.tender.title");
        Add(tenderDescription, "$.tender.description");
        Add(releaseDescription, "$.description");
        var i = 0;
        foreach (var lot in tender.Items("lots"))
        {
            Add(lot.Text("description"), OcdsJson.Index("$.tender.lots", i++) + ".description");
        }
        return text.ToString();
    }

    /// <summary>The OCDS path of the text at <paramref name="index"/> of the buyer's text.</summary>
    private string BuyerTextPath(int index)
    {
        var path = "$.tender.description";
        foreach (var (start, partPath) in buyerTextParts)
        {
            if (start > index)
            {
                break;
            }
            path = partPath;
        }
        return path;
    }

    private List<AwardedSupplier> Outcome()
    {
        var suppliers = new List<AwardedSupplier>();
        foreach (var award in release.Items("awards"))
        {
            if (award.Text("status") is "cancelled" or "unsuccessful")
            {
                continue;
            }
            foreach (var supplier in award.Items("suppliers"))
            {
                var party = FindParty(supplier.Text("id"));
                var name = NoticeText.Clean(supplier.Text("name") ?? party?.Text("name"), PlanShape.NameLength)?.Text;
                if (name is null || suppliers.Exists(s => s.Name == name))
                {
                    continue;
                }
                var details = party?.Object("details");
                suppliers.Add(new AwardedSupplier(name, details?.Text("scale") ?? (party?.Flag("sme") == true ? "sme" : null),
                    details?.Flag("vcse") ?? party?.Flag("vco"), NoticeBuyer.PostcodeOf(party?.Object("address"))));
            }
        }
        return suppliers;
    }

    private JsonElement? FindParty(string? id)
    {
        if (id is null)
        {
            return null;
        }
        foreach (var party in release.Items("parties"))
        {
            if (party.Text("id") == id)
            {
                return party;
            }
        }
        return null;
    }
}
