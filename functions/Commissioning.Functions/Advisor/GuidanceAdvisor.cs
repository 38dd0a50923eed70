using Commissioning.Domain.Notices;
using Commissioning.Domain.Plans;
using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Commissioning.Functions.Guidance;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Commissioning.Functions.Advisor;

/// <summary>
/// Writes the guidance narrative for a scored plan. With a model configured it asks for structured output grounded
/// in the scorecard and checks the answer; otherwise — or when the model times out, fails, refuses, answers
/// malformed JSON or fails the check — it writes the deterministic text and says why. It never fails the caller
/// for a model problem, and it cannot change a score: the scorecard is final before the advisor runs.
/// </summary>
public sealed class GuidanceAdvisor(
    IChatCompletionService? chat,
    AdvisorPrompt prompt,
    IOptions<AdvisorOptions> options,
    ILogger<GuidanceAdvisor> logger)
{
    /// <summary>Key of the chat service registered for the advisor (so it cannot clash with another).</summary>
    public const string ServiceKey = "advisor";

    private const string RefusalMetadataKey = "Refusal";
    private const string FinishReasonMetadataKey = "FinishReason";

    private readonly AdvisorOptions _options = options.Value;

    public Task<AdvisorResult> WriteNarrativeAsync(Plan plan, Scorecard scorecard, CancellationToken cancellationToken) =>
        WriteAsync(new NarrativeTask(
            scorecard.CouncilCode,
            scorecard.Reference,
            () => prompt.Build(plan, scorecard, _options),
            answer => NarrativeCheck.Problems(answer, scorecard, _options),
            answer => ModelNarrative(answer, scorecard),
            reason => DeterministicNarrative.From(scorecard, reason)), cancellationToken);

    /// <summary>
    /// The narrative of an imported notice version: the same call, checks and fallbacks, with the notice prompt (which
    /// opens with the notice label), the notice check, and a narrative that opens with the label whoever wrote it.
    /// </summary>
    public Task<AdvisorResult> WriteNoticeNarrativeAsync(StoredNoticeVersion notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var card = notice.Scorecard;
        return WriteAsync(new NarrativeTask(
            notice.Council,
            $"{notice.Ocid} v{notice.Version}",
            () => prompt.Build(card, _options),
            answer => NarrativeCheck.Problems(answer, card, _options),
            answer => ModelNarrative(answer, card),
            reason => DeterministicNoticeNarrative.From(card, reason)), cancellationToken);
    }

    private async Task<AdvisorResult> WriteAsync(NarrativeTask task, CancellationToken cancellationToken)
    {
        if (chat is null || !_options.IsEnabled)
        {
            return Fallback(task, null, null, AdvisorFallbackKind.NotConfigured, "Advisor:Endpoint is not set");
        }

        var model = _options.Model;
        var history = task.Prompt();
        var settings = new OpenAIPromptExecutionSettings
        {
            ResponseFormat = typeof(AdvisorAnswer),
            MaxTokens = _options.MaxOutputTokens,
            Temperature = _options.Temperature,
        };

        var started = Stopwatch.GetTimestamp();
        ChatMessageContent reply;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_options.Timeout);
            try
            {
                reply = await chat.GetChatMessageContentAsync(history, settings, kernel: null, timeout.Token)
                    .WaitAsync(_options.Timeout, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Classify(ex) is { } failure)
            {
                return Fallback(task, null, model, failure.Kind, failure.Detail);
            }
        }

        model = reply.ModelId ?? model;
        var raw = reply.Content;

        if (reply.Metadata?.GetValueOrDefault(RefusalMetadataKey) is string { Length: > 0 } refusal)
        {
            return Fallback(task, refusal, model, AdvisorFallbackKind.Refused, "the model refused: " + Shorten(refusal));
        }

        var finishReason = reply.Metadata?.GetValueOrDefault(FinishReasonMetadataKey)?.ToString();
        if (string.Equals(finishReason, "content_filter", StringComparison.OrdinalIgnoreCase))
        {
            return Fallback(task, raw, model, AdvisorFallbackKind.Refused, "the answer was stopped by the content filter");
        }

        if (string.IsNullOrWhiteSpace(raw))
        {
            return Fallback(task, raw, model, AdvisorFallbackKind.MalformedAnswer, "the answer was empty");
        }

        AdvisorAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize(raw, AdvisorJsonContext.Default.AdvisorAnswer);
        }
        catch (JsonException ex)
        {
            var truncated = string.Equals(finishReason, "length", StringComparison.OrdinalIgnoreCase) ? " (cut off at the token limit)" : string.Empty;
            return Fallback(task, raw, model, AdvisorFallbackKind.MalformedAnswer, $"the answer is not the JSON asked for{truncated}: {ex.Message}");
        }

        if (answer is null)
        {
            return Fallback(task, raw, model, AdvisorFallbackKind.MalformedAnswer, "the answer was JSON null");
        }

        var problems = task.Check(answer);
        if (problems.Count > 0)
        {
            return Fallback(task, raw, model, AdvisorFallbackKind.FailedCheck, string.Join("; ", problems));
        }

        AdvisorLog.NarrativeFromModel(logger, model ?? "unknown", task.Council, task.Reference, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new AdvisorResult(task.FromModel(answer), raw, model, NarrativeSources.Model, null);
    }

    /// <summary>The model's words, with each criterion it left out keeping its own recommendation.</summary>
    private static GuidanceNarrative ModelNarrative(AdvisorAnswer answer, Scorecard scorecard) =>
        new(NarrativeSources.Model, answer.Summary.Trim(), AdviceOver(DeterministicNarrative.AdviceByCriterion(scorecard), answer));

    /// <summary>
    /// The model's words for a notice, opening with the notice label (the model is told not to repeat it), with each
    /// criterion it left out keeping the deterministic notice advice.
    /// </summary>
    private static GuidanceNarrative ModelNarrative(AdvisorAnswer answer, NoticeScorecard notice) =>
        new(NarrativeSources.Model, notice.Label + " " + answer.Summary.Trim(), AdviceOver(DeterministicNoticeNarrative.AdviceByCriterion(notice), answer));

    /// <summary>The model's advice for each criterion it wrote about, the deterministic advice for the others.</summary>
    private static Dictionary<string, string> AdviceOver(IReadOnlyDictionary<string, string> deterministic, AdvisorAnswer answer)
    {
        var advice = new Dictionary<string, string>(deterministic, StringComparer.Ordinal);
        foreach (var item in answer.Advice)
        {
            advice[item.CriterionId] = item.Advice.Trim();
        }

        return advice;
    }

    private AdvisorResult Fallback(NarrativeTask task, string? raw, string? model, AdvisorFallbackKind kind, string detail)
    {
        var reason = new AdvisorFallbackReason(kind, detail);
        if (kind != AdvisorFallbackKind.NotConfigured)
        {
            AdvisorLog.NarrativeFellBack(logger, kind, task.Council, task.Reference, detail);
        }

        return new AdvisorResult(task.Fallback(reason), raw, model, NarrativeSources.Deterministic, reason);
    }

    /// <summary>What one narrative needs: whose it is (for the logs), its prompt, its check and its two ways of being written.</summary>
    private sealed record NarrativeTask(
        string Council,
        string Reference,
        Func<ChatHistory> Prompt,
        Func<AdvisorAnswer, IReadOnlyList<string>> Check,
        Func<AdvisorAnswer, GuidanceNarrative> FromModel,
        Func<AdvisorFallbackReason, GuidanceNarrative> Fallback);

    /// <summary>The failures that mean "use the deterministic text"; anything else is a bug and propagates.</summary>
    private (AdvisorFallbackKind Kind, string Detail)? Classify(Exception ex) => ex switch
    {
        OperationCanceledException or TimeoutException
            => (AdvisorFallbackKind.Timeout, $"no answer within {_options.Timeout.TotalSeconds:0.###} s"),
        HttpOperationException { InnerException: OperationCanceledException or TimeoutException }
            => (AdvisorFallbackKind.Timeout, $"no answer within {_options.Timeout.TotalSeconds:0.###} s"),
        HttpOperationException { StatusCode: HttpStatusCode.TooManyRequests }
            => (AdvisorFallbackKind.RateLimited, "the endpoint answered 429 Too Many Requests"),
        HttpOperationException { StatusCode: { } status } when (int)status >= 500
            => (AdvisorFallbackKind.ServerError, $"the endpoint answered {(int)status} {status}"),
        HttpOperationException { StatusCode: { } status } when (int)status >= 400
            => (AdvisorFallbackKind.RequestRejected, $"the endpoint answered {(int)status} {status}"),
        HttpOperationException or HttpRequestException or ClientResultException
            => (AdvisorFallbackKind.Unreachable, "the endpoint could not be reached: " + Shorten(ex.Message)),
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

internal static partial class AdvisorLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Advisor narrative written by {Model} for {CouncilCode}/{Reference} in {ElapsedMilliseconds} ms")]
    public static partial void NarrativeFromModel(ILogger logger, string model, string councilCode, string reference, long elapsedMilliseconds);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning,
        Message = "Advisor used the deterministic narrative for {CouncilCode}/{Reference}: {FallbackKind} ({Detail})")]
    public static partial void NarrativeFellBack(ILogger logger, AdvisorFallbackKind fallbackKind, string councilCode, string reference, string detail);
}
