using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Commissioning.Functions.Summaries;

/// <summary>Stored summaries: blobs <c>summaries/{council}/{isoWeek}.html</c> and <c>.md</c>. Writing again overwrites, so storing is idempotent.</summary>
public sealed class SummaryArchive(BlobServiceClient blobs, StorageProvisioning provisioning)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageLayout.SummariesContainer);

    public static string BlobName(string council, IsoWeek week, DocumentFormat format) =>
        $"{council}/{week}.{(format == DocumentFormat.Html ? "html" : "md")}";

    public async Task StoreAsync(string council, IsoWeek week, SummaryDocuments documents, CancellationToken cancellationToken)
    {
        await provisioning.EnsureAsync(cancellationToken);

        // Markdown first, HTML last: the HTML is what "stored" is judged by when reading.
        await UploadAsync(BlobName(council, week, DocumentFormat.Markdown), documents.Markdown, "text/markdown; charset=utf-8", cancellationToken);
        await UploadAsync(BlobName(council, week, DocumentFormat.Html), documents.Html, "text/html; charset=utf-8", cancellationToken);
    }

    public async Task<string?> ReadAsync(string council, IsoWeek week, DocumentFormat format, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobName(council, week, format)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The stored HTML and Markdown of a summary, or null when either is missing.</summary>
    public async Task<(string Html, string Markdown)?> ReadBothAsync(string council, IsoWeek week, CancellationToken cancellationToken)
    {
        var html = await ReadAsync(council, week, DocumentFormat.Html, cancellationToken);
        var markdown = await ReadAsync(council, week, DocumentFormat.Markdown, cancellationToken);
        return html is null || markdown is null ? null : (html, markdown);
    }

    private Task UploadAsync(string name, string text, string contentType, CancellationToken cancellationToken) =>
        _container.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(Encoding.UTF8.GetBytes(text)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
}
