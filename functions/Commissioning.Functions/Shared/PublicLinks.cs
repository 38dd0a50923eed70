using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Shared;

/// <summary><c>Commissioning:PublicBaseUrl</c>: where readers reach the app, for links in emails and chat messages.</summary>
public sealed class PublicLinkOptions
{
    public const string Section = "Commissioning";

    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";
}

/// <summary>Turns the app's root-relative addresses (<c>/api/plans/…</c>) into links a reader can follow from outside it.</summary>
public sealed class PublicLinks(IOptions<PublicLinkOptions> options)
{
    public string BaseUrl { get; } = options.Value.PublicBaseUrl.TrimEnd('/');

    public string Absolute(string rootRelative) => BaseUrl + rootRelative;
}
