using Commissioning.Functions.Rendering;

namespace Commissioning.Functions.Tests.Rendering;

/// <summary>page_title: a document's title a browser tab shows in full, with the full title left to the page's h1.</summary>
public sealed class PageTitleTests
{
    private const string Suffix = " (SBC-2026-014) — Keep it Local";

    [Fact]
    public void ATitleThatFitsIsKeptAsItIs()
    {
        Assert.Equal("Guidance: Community transport (SBC-2026-014) — Keep it Local",
            TemplateFunctions.PageTitle("Guidance: Community transport", Suffix));
    }

    [Fact]
    public void ALongTitleIsCutAtAWordAndKeepsTheReferenceAndTheProductName()
    {
        var title = TemplateFunctions.PageTitle(
            "Guidance: Community transport for Bedwell, Shephall and the neighbourhoods of the old town", Suffix);

        Assert.Equal("Guidance: Community transport for… (SBC-2026-014) — Keep it Local", title);
        Assert.True(title.Length <= TemplateFunctions.PageTitleLength, $"{title.Length} characters");
    }

    [Fact]
    public void ALongUnbrokenWordIsCutWithinTheWord()
    {
        var title = TemplateFunctions.PageTitle("Guidance: " + new string('x', 120), Suffix);

        Assert.Equal(TemplateFunctions.PageTitleLength, title.Length);
        Assert.StartsWith("Guidance: xxxx", title, StringComparison.Ordinal);
        Assert.EndsWith("x… (SBC-2026-014) — Keep it Local", title, StringComparison.Ordinal);
    }

    [Fact]
    public void AReferenceTooLongToLeaveTheTitleRoomIsCutWithIt()
    {
        var reference = new string('R', 64);

        var title = TemplateFunctions.PageTitle("Guidance: Youth outreach", $" ({reference}) — Keep it Local");

        Assert.Equal(TemplateFunctions.PageTitleLength, title.Length);
        Assert.StartsWith("Guidance: Youth outreach (RRRR", title, StringComparison.Ordinal);
        Assert.EndsWith("R…", title, StringComparison.Ordinal);
    }

    [Fact]
    public void LineBreaksBecomeSpacesAndAnEmojiIsNeverCutInHalf()
    {
        var title = TemplateFunctions.PageTitle("Guidance: Play\nstreets " + string.Concat(Enumerable.Repeat("🏳️‍🌈", 60)), Suffix);

        Assert.StartsWith("Guidance: Play streets ", title, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', title);
        Assert.EndsWith("🏳️‍🌈… (SBC-2026-014) — Keep it Local", title, StringComparison.Ordinal);
        Assert.Equal(TemplateFunctions.PageTitleLength, new System.Globalization.StringInfo(title).LengthInTextElements);
    }
}
