using Azure;
using Azure.Storage.Blobs.Models;

namespace Commissioning.Functions.Notices;

/// <summary>
/// The advisor's run for a notice version, kept beside the releases it was read from: blob
/// <c>notices/{council}/{ocid}/v{n}.advisor.json</c> (<see cref="NoticeStore"/>). Written after the version is stored,
/// replaced when the narrative is written again, read when the notice guidance is rendered; a version without one has none.
/// </summary>
public sealed partial class NoticeStore
{
    public Task SaveNarrativeAsync(string council, string ocid, int version, string advisorRecord, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            await NoticeBlobs.GetBlobClient(StorageLayout.NoticeAdvisorBlob(council, ocid, version)).UploadAsync(
                BinaryData.FromString(advisorRecord),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                ct);
            return true;
        }, cancellationToken);

    /// <summary>The advisor record of a notice version as it was written; null when its narrative has not been written.</summary>
    public Task<string?> ReadNarrativeAsync(string council, string ocid, int version, CancellationToken cancellationToken) =>
        provisioning.RunAsync<string?>(async ct =>
        {
            try
            {
                var content = await NoticeBlobs.GetBlobClient(StorageLayout.NoticeAdvisorBlob(council, ocid, version)).DownloadContentAsync(ct);
                return content.Value.Content.ToString();
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == BlobErrorCode.BlobNotFound)
            {
                return null;
            }
        }, cancellationToken);
}
