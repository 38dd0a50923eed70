using System.ComponentModel.DataAnnotations;

namespace Commissioning.Functions.Summaries;

/// <summary>Settings under <c>Summaries:</c>.</summary>
public sealed class SummaryOptions
{
    public const string Section = "Summaries";

    /// <summary>The hour (UK time) on Monday from which last week's summary is due. 8 means 08:00.</summary>
    [Range(0, 23)]
    public int SendHour { get; set; } = 8;

    /// <summary>How long a run holds a council-week before another run may finish it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

}

/// <summary>The SMTP server that delivers summaries to councillors (<c>Smtp:</c>). The password is a secret.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    [Required]
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>TLS on connect for port 465, STARTTLS required otherwise; false sends in clear (local catchers only).</summary>
    public bool UseTls { get; set; }

    public string? User { get; set; }
    public string? Password { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Smtp:User and Smtp:Password go together: set both or neither.", [nameof(User), nameof(Password)]);
        }
    }
}
