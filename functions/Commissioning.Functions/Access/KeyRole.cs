using System.Text.Json.Serialization;

namespace Commissioning.Functions.Access;

/// <summary>What a council's key is for: the people who hold it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyRole>))]
public enum KeyRole
{
    /// <summary>Commissioners: score, submit and read their council's plans, regenerate narratives, import notices.</summary>
    [JsonStringEnumMemberName("commissioner")] Commissioner,

    /// <summary>Councillors: read their council's plans, notices, guidance and summaries; nothing that writes.</summary>
    [JsonStringEnumMemberName("councillor")] Councillor,
}

/// <summary>Who did something, as the audit trail records it: the admin, or one council key and its role. Never a secret.</summary>
public sealed record Actor(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("keyId")] string? KeyId = null)
{
    public const string AdminKind = "admin";

    public static Actor Admin { get; } = new(AdminKind);

    public static Actor Key(KeyRole role, string keyId) => new(role == KeyRole.Councillor ? "councillor" : "commissioner", keyId);
}
