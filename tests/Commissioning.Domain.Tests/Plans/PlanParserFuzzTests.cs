using System.Text;
using System.Text.Json;

namespace Commissioning.Domain.Tests.Plans;

/// <summary>
/// Thousands of damaged copies of plan-full.json (a fixed seed, so a failure reproduces): the parser must never
/// throw, never fall back on its deserialisation safety net, and wherever the damage leaves valid JSON it must
/// fail exactly the paths the published schema fails.
/// </summary>
public class PlanParserFuzzTests
{
    private const int Mutations = 2_000;
    private static readonly byte[] Interesting = "{}[],:\"\\-+.0123456789eEtrufalsn \n\u00e9x"u8.ToArray();

    private static IEnumerable<byte[]> DamagedPlans()
    {
        var original = Encoding.UTF8.GetBytes(PlanDocuments.Full);
        var random = new Random(2026);
        for (var i = 0; i < Mutations; i++)
        {
            var bytes = original.ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = Interesting[random.Next(Interesting.Length)]; break;
                    case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 20), bytes.Count - at)); break;
                    case 2: bytes.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                    default: bytes[at] = (byte)random.Next(256); break;
                }
            }
            yield return [.. bytes];
        }
    }

    [Fact]
    public void DamagedDocumentsNeverThrowAndNeverSlipPastValidation()
    {
        foreach (var damaged in DamagedPlans())
        {
            var result = PlanParser.Parse(damaged);

            Assert.Equal(result.Plan is null, result.Problems.Count > 0);
            Assert.DoesNotContain(result.Problems, p => p.Message.StartsWith(PlanParser.CouldNotBeRead, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void WhereDamageLeavesValidJsonTheSchemaAndTheParserFailTheSamePaths()
    {
        var compared = 0;
        foreach (var damaged in DamagedPlans())
        {
            var problems = PlanParser.Parse(damaged).Problems;
            // Not comparable with a schema: not JSON (or not Unicode), a field given twice, or the semantic weighting rule.
            if (problems.Any(p => p.Path == "$" || p.Message is "appears more than once" || p.Message.StartsWith("must add up to", StringComparison.Ordinal)
                                  || p.Message.StartsWith("must be valid Unicode", StringComparison.Ordinal)))
                continue;

            var json = Encoding.UTF8.GetString(damaged);
            var schemaPaths = JsonSchemaSubset.FailingPaths(PlanSchema.Json, json);
            Assert.True(problems.Select(p => p.Path).Order(StringComparer.Ordinal).SequenceEqual(schemaPaths.Order(StringComparer.Ordinal)),
                $"Parser: {string.Join("; ", problems)}\nSchema: {string.Join("; ", schemaPaths)}\nDocument: {json}");
            compared++;
        }

        Assert.True(compared > 100, $"Only {compared} damaged documents were still JSON; the comparison proves little.");
    }
}
