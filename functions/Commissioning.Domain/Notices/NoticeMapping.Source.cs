namespace Commissioning.Domain.Notices;

internal sealed partial class NoticeMapping
{
    private const string OglV3 = "Contains public sector information licensed under the Open Government Licence v3.0.";
    private const string OglV2 = "Contains public sector information licensed under the Open Government Licence v2.0.";

    private NoticeSource Source(RegimeReading regime, string? legalBasis, DateOnly? publication, string? publicationPath, string? licence)
    {
        var noticeTypes = notice.Notices.Where(n => n.NoticeType is not null).Select(n => n.NoticeType!).Distinct().ToList();
        var urls = notice.Notices.Where(n => n.Url is not null).Select(n => n.Url!).ToList();
        foreach (var link in release.Items("links"))
        {
            if (link.Text("rel") == "canonical" && link.Text("href") is { } href)
            {
                urls.Add(href);
            }
        }
        var tenderNotice = notice.Notices.FirstOrDefault(n => n.NoticeType is "UK4" or "UK1" or "UK2" or "UK3" && n.Id is not null);
        if (licence is null)
        {
            record.Note("The file states no licence; the portals publish under the Open Government Licence v3.0, so that attribution is shown. Check before any use beyond scoring.");
        }
        return new NoticeSource
        {
            Portal = notice.Portal,
            PortalName = NoticePortals.Name(notice.Portal),
            Shape = shape,
            Ocid = notice.Ocid,
            PublishedOcids = notice.Process.PublishedOcids,
            ReleaseIds = notice.ReleaseIds,
            NoticeId = tenderNotice?.Id ?? notice.ReleaseIds.LastOrDefault() ?? notice.Ocid,
            NoticeTypes = noticeTypes,
            NoticeUrls = [.. urls.Distinct(StringComparer.Ordinal)],
            LegalBasis = legalBasis,
            Regime = regime,
            PublicationDate = publication,
            PublicationDatePath = publicationPath,
            Licence = licence,
            Attribution = licence?.Contains("version/2", StringComparison.OrdinalIgnoreCase) == true ? OglV2 : OglV3,
            // Contracts Finder generates its tender ids; elsewhere tender.id is the buyer's own reference.
            BuyersReference = NoticeShapes.IsContractsFinder(shape) ? null : tender.Text("id"),
        };
    }
}
