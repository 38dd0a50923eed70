using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Notifications;

/// <summary>How one attempt ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryOutcome>))]
public enum DeliveryOutcome
{
    /// <summary>The receiver accepted the message (2xx).</summary>
    [JsonStringEnumMemberName("delivered")] Delivered,
    /// <summary>Worth trying again: 5xx, 408, 429, a timeout or a connection failure.</summary>
    [JsonStringEnumMemberName("transient-failure")] TransientFailure,
    /// <summary>Trying again will not help: any other 4xx, or a redirect (never followed).</summary>
    [JsonStringEnumMemberName("permanent-failure")] PermanentFailure,
    /// <summary>Not sent: the webhook setting is missing or its URL is not allowed.</summary>
    [JsonStringEnumMemberName("refused")] Refused,
    /// <summary>Not sent: the message could not be composed from its template.</summary>
    [JsonStringEnumMemberName("not-composed")] NotComposed,
    /// <summary>Given up: every attempt the queue allows failed, and the message went to the poison queue.</summary>
    [JsonStringEnumMemberName("gave-up")] GaveUp,
}

/// <summary>The outcome of one POST, safe to store and show: never the URL.</summary>
public sealed record AttemptResult(DeliveryOutcome Outcome, int? HttpStatus, string? SlackError, TimeSpan Duration, string Detail, TimeSpan? RetryAfter = null)
{
    /// <summary>Where it went, masked: scheme, host and port only.</summary>
    public string Target { get; init; } = "(none)";

    public bool IsTransient => Outcome == DeliveryOutcome.TransientFailure;
}

/// <summary>
/// Posts one message to one webhook, once. Resolves the secret URL at send time, checks it against the
/// <see cref="WebhookPolicy"/>, never follows redirects, and gives up on an attempt after <c>AttemptTimeout</c>.
/// </summary>
public sealed partial class WebhookSender(
    IHttpClientFactory httpClients,
    WebhookSecrets secrets,
    WebhookPolicy policy,
    IOptions<NotificationOptions> options,
    TimeProvider time)
{
    public const string HttpClientName = "webhooks";

    public async Task<AttemptResult> SendAsync(OutboxClaim message, CancellationToken cancellationToken)
    {
        var url = secrets.Resolve(message.Webhook);
        if (url is null)
        {
            return new(DeliveryOutcome.Refused, null, null, TimeSpan.Zero, $"setting {WebhookSecrets.SettingName(message.Webhook)} is not set");
        }

        var check = policy.Validate(url, message.Kind);
        if (!check.IsAllowed)
        {
            return new(DeliveryOutcome.Refused, null, null, TimeSpan.Zero, check.Problem!) { Target = WebhookPolicy.Mask(url) };
        }

        var result = await PostAsync(message, url, cancellationToken);
        return result with { Target = WebhookPolicy.Mask(url) };
    }

    private async Task<AttemptResult> PostAsync(OutboxClaim message, string url, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Value.AttemptTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
            };
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var text = await ReadShortAsync(response.Content, attempt.Token);
            var status = (int)response.StatusCode;
            var slackError = message.Kind == ChannelKind.Slack ? SlackCode(text) : null;
            var elapsed = Stopwatch.GetElapsedTime(started);
            return status switch
            {
                >= 200 and < 300 => new(DeliveryOutcome.Delivered, status, null, elapsed, $"accepted with {status}"),
                >= 300 and < 400 => new(DeliveryOutcome.PermanentFailure, status, slackError, elapsed, $"redirect {status} not followed: the webhook URL must be the final one"),
                429 => new(DeliveryOutcome.TransientFailure, status, slackError, elapsed, "rate limited", RetryAfter(response.Headers.RetryAfter)),
                408 or >= 500 => new(DeliveryOutcome.TransientFailure, status, slackError, elapsed, $"receiver answered {status}", RetryAfter(response.Headers.RetryAfter)),
                _ => new(DeliveryOutcome.PermanentFailure, status, slackError, elapsed, slackError is null ? $"receiver refused with {status}" : $"receiver refused with {status} {slackError}"),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(DeliveryOutcome.TransientFailure, null, null, Stopwatch.GetElapsedTime(started),
                $"no answer within {options.Value.AttemptTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            return new(DeliveryOutcome.TransientFailure, null, null, Stopwatch.GetElapsedTime(started),
                $"could not reach {WebhookPolicy.Mask(url)}: {ex.HttpRequestError}");
        }
    }

    /// <summary>Retry-After as seconds or as a date (RFC 9110), never negative.</summary>
    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Slack answers errors as short plain-text codes (invalid_payload, no_service, channel_not_found...).</summary>
    private static string? SlackCode(string text) => SlackErrorCode().IsMatch(text.Trim()) && text.Trim() != "ok" ? text.Trim() : null;

    private static async Task<string> ReadShortAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[256];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{1,62}$")]
    private static partial Regex SlackErrorCode();
}
