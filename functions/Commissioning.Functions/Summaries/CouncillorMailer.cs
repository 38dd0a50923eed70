using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Commissioning.Functions.Summaries;

/// <summary>
/// Emails a summary to a council's councillors over SMTP (MailKit): the HTML as the body, the plain text (not the
/// Markdown, whose escapes and link syntax read as noise) as its alternative. The Message-Id is derived from council and week, so if a crash between sending and
/// recording ever makes a summary go twice, mail systems can tell it is the same message.
/// </summary>
public sealed class CouncillorMailer(IOptions<SmtpOptions> options)
{
    private readonly SmtpOptions _smtp = options.Value;

    /// <summary>Sends and returns the number of recipients (0 when the council lists no councillor).</summary>
    public async Task<int> SendAsync(Council council, IsoWeek week, SummaryDocuments documents, CancellationToken cancellationToken)
    {
        var recipients = council.Councillors
            .Where(c => MailboxAddress.TryParse(c.Email, out _))
            .DistinctBy(c => c.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (recipients.Count == 0)
        {
            return 0;
        }

        var from = MailboxAddress.Parse(_smtp.From);
        var message = new MimeMessage
        {
            Subject = $"Keep it Local weekly summary: {council.Name}, week {week}",
            MessageId = $"weekly-summary.{council.Code}.{week}@{from.Domain}",
            Body = new BodyBuilder { HtmlBody = documents.Html, TextBody = documents.Text }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress("Keep it Local commissioning advisor", from.Address));
        message.To.AddRange(recipients.Select(c => new MailboxAddress(c.Name, c.Email)));

        using var client = new SmtpClient();
        var security = !_smtp.UseTls ? SecureSocketOptions.None
            : _smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(_smtp.Host, _smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_smtp.User))
        {
            await client.AuthenticateAsync(_smtp.User, _smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return recipients.Count;
    }
}
