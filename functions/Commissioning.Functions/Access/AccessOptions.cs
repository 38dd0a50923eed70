using System.ComponentModel.DataAnnotations;

namespace Commissioning.Functions.Access;

/// <summary>The admin key that manages councils. Required: the app does not start without it.</summary>
public sealed class AccessOptions
{
    public const string Section = "Commissioning";

    [Required(ErrorMessage = "Commissioning:AdminKey is not set. Set the setting Commissioning:AdminKey " +
                             "(environment variable Commissioning__AdminKey) to a long random secret.")]
    [MinLength(16, ErrorMessage = "Commissioning:AdminKey must be at least 16 characters long.")]
    public string AdminKey { get; set; } = string.Empty;
}
