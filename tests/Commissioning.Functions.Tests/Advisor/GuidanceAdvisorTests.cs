using System.Text.Json;
using Commissioning.Functions.Advisor;
using Commissioning.Functions.Rendering;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Moq;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Commissioning.Functions.Tests.Advisor;

/// <summary>The advisor's decisions with the chat service replaced at its interface (no HTTP needed).</summary>
public sealed class GuidanceAdvisorTests
{
    private static readonly Scorecard Scorecard = ScorecardBuilder.Typical();
    private static readonly AdvisorPrompt Prompt = new(new TemplateLibrary(RepositoryPaths.Combine("templates")));

    private readonly Mock<IChatCompletionService> _chat = new(MockBehavior.Strict);

    private static AdvisorOptions Options(TimeSpan? timeout = null) => new()
    {
        Endpoint = "https://example.openai.azure.com/openai/v1/",
        Model = "gpt-test",
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
    };

    private GuidanceAdvisor Advisor(AdvisorOptions? options = null, bool withChat = true) =>
        new(withChat ? _chat.Object : null, Prompt, MsOptions.Create(options ?? Options()), NullLogger<GuidanceAdvisor>.Instance);

    private void Reply(string? content, IReadOnlyDictionary<string, object?>? metadata = null) =>
        _chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings>(), It.IsAny<Kernel>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new ChatMessageContent(AuthorRole.Assistant, content, modelId: "gpt-test-2026", metadata: metadata)]);

    [Fact]
    public async Task WithoutAnEndpointTheDeterministicTextIsUsedAndSaysWhy()
    {
        var result = await Advisor(new AdvisorOptions(), withChat: false).WriteNarrativeAsync(AdvisorPlans.WithNarrative("x"), Scorecard, CancellationToken.None);

        Assert.Equal("deterministic", result.Narrative.Source);
        Assert.Equal(AdvisorFallbackKind.NotConfigured, result.Reason?.Kind);
        Assert.Equal("no language model is configured for this service", result.Narrative.FallbackReason);
        Assert.Null(result.Model);
        Assert.Null(result.RawOutput);
        _chat.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task TheModelIsAskedForTheAnswerTypeAsItsResponseFormat()
    {
        PromptExecutionSettings? sent = null;
        _chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings>(), It.IsAny<Kernel>(), It.IsAny<CancellationToken>()))
            .Callback((ChatHistory _, PromptExecutionSettings s, Kernel _, CancellationToken _) => sent = s)
            .ReturnsAsync([new ChatMessageContent(AuthorRole.Assistant, JsonSerializer.Serialize(Answers.Good()))]);

        var result = await Advisor().WriteNarrativeAsync(AdvisorPlans.WithNarrative("x"), Scorecard, CancellationToken.None);

        var settings = Assert.IsType<OpenAIPromptExecutionSettings>(sent);
        Assert.Equal(typeof(AdvisorAnswer), settings.ResponseFormat);
        Assert.Equal(2_000, settings.MaxTokens);
        Assert.Null(settings.Temperature);
        Assert.Equal("model", result.Source);
        Assert.Equal("gpt-test", result.Model);
    }

    [Fact]
    public async Task ARefusalInTheMetadataFallsBack()
    {
        Reply(null, new Dictionary<string, object?> { ["Refusal"] = "No.", ["FinishReason"] = "stop" });

        var result = await Advisor().WriteNarrativeAsync(AdvisorPlans.WithNarrative("x"), Scorecard, CancellationToken.None);

        Assert.Equal(AdvisorFallbackKind.Refused, result.Reason?.Kind);
        Assert.Equal("No.", result.RawOutput);
        Assert.Equal("gpt-test-2026", result.Model);
    }

    [Fact]
    public async Task AnAnswerStoppedByTheContentFilterFallsBack()
    {
        Reply("{\"summary\":\"", new Dictionary<string, object?> { ["FinishReason"] = "content_filter" });

        var result = await Advisor().WriteNarrativeAsync(AdvisorPlans.WithNarrative("x"), Scorecard, CancellationToken.None);

        Assert.Equal(AdvisorFallbackKind.Refused, result.Reason?.Kind);
        Assert.Equal("the answer was stopped by the content filter", result.Reason?.Detail);
    }

    [Fact]
    public async Task AnAnswerCutOffAtTheTokenLimitFallsBackSayingSo()
    {
        Reply("{\"summary\":\"Overall this", new Dictionary<string, object?> { ["FinishReason"] = "length" });

        var result = await Advisor().WriteNarrativeAsync(AdvisorPlans.WithNarrative("x"), Scorecard, CancellationToken.None);

        Assert.Equal(AdvisorFallbackKind.MalformedAnswer, result.Reason?.Kind);
        Assert.Contains("(cut off at the token limit)", result.Reason?.Detail);
    }

    [Fact]
    public async Task AChatServiceThatNeverAnswersIsAbandonedAtTheTimeout()
    {
        _chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings>(), It.IsAny<Kernel>(), It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<IReadOnlyList<ChatMessageContent>>().Task);

        var result = await Advisor(Options(TimeSpan.FromMilliseconds(300))).WriteNarrativeAsync(AdvisorPlans.WithNarrative("x"), Scorecard, CancellationToken.None);

        Assert.Equal(AdvisorFallbackKind.Timeout, result.Reason?.Kind);
        Assert.Equal("no answer within 0.3 s", result.Reason?.Detail);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, AdvisorFallbackKind.RateLimited)]
    [InlineData(HttpStatusCode.BadGateway, AdvisorFallbackKind.ServerError)]
    [InlineData(HttpStatusCode.BadRequest, AdvisorFallbackKind.RequestRejected)]
    public async Task ConnectorErrorsAreClassified(HttpStatusCode status, AdvisorFallbackKind kind)
    {
        _chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings>(), It.IsAny<Kernel>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpOperationException(status, "{}", "failed", null));

        var result = await Advisor().WriteNarrativeAsync(AdvisorPlans.WithNarrative("x"), Scorecard, CancellationToken.None);

        Assert.Equal(kind, result.Reason?.Kind);
        Assert.Equal("deterministic", result.Narrative.Source);
    }

    [Fact]
    public async Task ACallerWhoCancelsGetsTheCancellationNotAFallback()
    {
        _chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings>(), It.IsAny<Kernel>(), It.IsAny<CancellationToken>()))
            .Returns((ChatHistory _, PromptExecutionSettings _, Kernel _, CancellationToken token) =>
                Task.Delay(Timeout.Infinite, token).ContinueWith<IReadOnlyList<ChatMessageContent>>(_ => [], TaskScheduler.Default));
        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Advisor().WriteNarrativeAsync(AdvisorPlans.WithNarrative("x"), Scorecard, cancelled.Token));
    }

    [Fact]
    public async Task AnUnexpectedBugIsNotHiddenAsAFallback()
    {
        _chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings>(), It.IsAny<Kernel>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new NullReferenceException("bug"));

        await Assert.ThrowsAsync<NullReferenceException>(() =>
            Advisor().WriteNarrativeAsync(AdvisorPlans.WithNarrative("x"), Scorecard, CancellationToken.None));
    }
}
