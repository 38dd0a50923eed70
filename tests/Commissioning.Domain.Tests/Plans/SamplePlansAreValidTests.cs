
namespace Commissioning.Domain.Tests.Plans;

public class SamplePlansAreValidTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void EverySamplePlanPassesTheValidatingParser(string file)
    {
        var result = PlanParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", file)));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    [Fact]
    public void ThereAreAtLeastEightSamplePlans() => Assert.True(SampleFiles().Count >= 8);
}
