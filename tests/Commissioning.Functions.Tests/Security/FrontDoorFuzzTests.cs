using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit.Abstractions;

namespace Commissioning.Functions.Tests.Security;

/// <summary>
/// The plan endpoints' front door under a fixed-seed fuzz: mutated plans and raw bodies (truncated JSON, deep nesting,
/// huge arrays, wrong types, unpaired surrogates, byte-order marks, wrong content types, noise) against score and
/// submit. None may get a 5xx; every error is a ProblemDetails; nothing refused is stored, and everything stored is
/// whole (plan blob, version row, both guidance documents, the Plans row).
/// </summary>
public sealed class FrontDoorFuzzTests(ApiFixture fixture, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private const int Seed = 20261201;
    private const int Cases = 2_400;
    private const string Council = "E07000280";

    [Fact]
    public async Task TwoThousandFourHundredMutatedRequestsGetNoServerErrorAlwaysAProblemDetailsAndLeaveNoHalfStoredPlan()
    {
        using var client = await fixture.Api.CouncilAsync(Council);
        var random = new Random(Seed);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Cases; i++)
        {
            var (body, contentType, what) = Mutation(random, i);
            var path = i % 4 == 0 ? "/api/plans" : "/api/plans/score";
            using var content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            using var response = await client.PostAsync(path, content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                failures.Add($"#{i} {what} → {status} {await response.Content.ReadAsStringAsync()}");
            }
            else if (status >= 400)
            {
                var text = await response.Content.ReadAsStringAsync();
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    || JsonNode.Parse(text)?["status"]?.GetValue<int>() != status || text.Contains("   at ", StringComparison.Ordinal))
                {
                    failures.Add($"#{i} {what} → {status} without a ProblemDetails: {text[..Math.Min(text.Length, 200)]}");
                }
            }
        }

        clock.Stop();
        output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:F1} s: " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases}:\n" + string.Join('\n', failures.Take(20)));
        Assert.True(statuses.Keys.Count(s => s >= 400) >= 3, "the fuzz reached fewer than three kinds of refusal");
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"the fuzz took {clock.Elapsed}; it must stay under a minute");
        await AssertEveryStoredPlanIsWholeAsync(statuses.GetValueOrDefault(201));
    }

    /// <summary>Every plan the council has is whole: its version row, plan blob and both guidance documents exist.</summary>
    private async Task AssertEveryStoredPlanIsWholeAsync(int created)
    {
        var storage = new StorageInspector(fixture.Azurite);
        var plans = await storage.Rows("Plans", Council);
        var blobs = await storage.BlobNames("plans", Council + "/");
        var guidance = await storage.BlobNames("guidance", Council + "/");
        Assert.True(plans.Count > 0, "no mutation was a valid plan: the fuzz never stored anything to check");
        var versions = 0;
        foreach (var plan in plans)
        {
            var rows = await storage.Rows("PlanVersions", $"{Council}|{plan.RowKey}");
            Assert.Equal(plan.GetInt32("Version"), rows.Count);
            foreach (var row in rows)
            {
                var version = int.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Contains($"{Council}/{plan.RowKey}/v{version}.json", blobs);
                Assert.Contains($"{Council}/{plan.RowKey}/v{version}.html", guidance);
                Assert.Contains($"{Council}/{plan.RowKey}/v{version}.md", guidance);
            }

            versions += rows.Count;
        }

        Assert.Equal(versions, blobs.Count);   // no plan blob without its published version: nothing refused was kept
        Assert.Equal(created, versions);
    }

    private static (byte[] Body, string? ContentType, string What) Mutation(Random random, int i)
    {
        const string json = "application/json";
        var plan = JsonNode.Parse(TestPlans.Document(Council, $"FUZZ-{i:D5}"))!.AsObject();
        switch (random.Next(16))
        {
            case 0:
                plan["title"] = $"Fuzzed plan {random.Next(1_000_000)}";
                return (Utf8(plan), json, "a valid plan");
            case 1:
                RemoveSomething(plan, random);
                return (Utf8(plan), json, "a field removed");
            case 2:
            case 3:
                ReplaceSomething(plan, random, WrongValue(random));
                return (Utf8(plan), json, "a value of the wrong type");
            case 4:
                ReplaceSomething(plan, random, new JsonArray([.. Enumerable.Range(0, random.Next(1_000, 60_000)).Select(n => (JsonNode)n)]));
                return (Utf8(plan), json, "a huge array");
            case 5:
                var depth = random.Next(2) == 0 ? random.Next(65, 300) : random.Next(3_000, 20_000);
                var deep = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
                return (Splice(Utf8(plan), "\"narrative\"", deep), json, $"nesting {depth} deep");
            case 6:
                var text = plan.ToJsonString().Replace("Neighbourhood wellbeing hubs", "Hubs \\ud800 unpaired", StringComparison.Ordinal);
                return (Encoding.UTF8.GetBytes(text), json, "an unpaired surrogate escape");
            case 7:
                var raw = Utf8(plan);
                var at = Array.IndexOf(raw, (byte)'N');
                raw[at] = 0xED; raw[at + 1] = 0xA0; raw[at + 2] = 0x80;   // a surrogate encoded as UTF-8: invalid
                return (raw, json, "invalid UTF-8");
            case 8:
                return ([0xEF, 0xBB, 0xBF, .. Utf8(plan)], json, "a byte-order mark");
            case 9:
                var whole = Utf8(plan);
                return (whole[..random.Next(0, whole.Length)], json, "truncated JSON");
            case 10:
                var noise = new byte[random.Next(0, 4_000)];
                random.NextBytes(noise);
                return (noise, random.Next(2) == 0 ? json : null, "random bytes");
            case 11:
                string[] types = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/json; charset=latin1", "application/json; charset=utf-8", "application/merge-patch+json", "*/*", "nonsense"];
                return (Utf8(plan), types[random.Next(types.Length)], "another content type");
            case 12:
                string[] tokens = ["1e400", "-1", "NaN", "Infinity", "0.000000001", "99999999999999999999999999999", "true", "[]", "{}", "\"\""];
                var number = Encoding.UTF8.GetBytes(plan.ToJsonString().Replace("480000", tokens[random.Next(tokens.Length)], StringComparison.Ordinal));
                return (number, json, "a strange number");
            case 13:
                var duplicated = plan.ToJsonString().Replace("\"title\":", "\"title\":\"first\",\"title\":", StringComparison.Ordinal);
                return (Encoding.UTF8.GetBytes(duplicated), json, "a duplicated member");
            case 14:
                plan["narrative"] = new string('x', random.Next(2) == 0 ? random.Next(10_000, 400_000) : 1_100_000);
                return (Utf8(plan), json, "a very long string");
            default:
                string[] bodies = ["", "null", "[]", "\"a plan\"", "123", "{", "}", "{\"council\":null}", "{}"];
                return (Encoding.UTF8.GetBytes(bodies[random.Next(bodies.Length)]), json, "a body that is no plan");
        }
    }

    private static byte[] Utf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static byte[] Splice(byte[] document, string member, byte[] value)
    {
        var text = Encoding.UTF8.GetString(document);
        var at = text.IndexOf(member, StringComparison.Ordinal);
        return at < 0 ? document : [.. Encoding.UTF8.GetBytes(text[..(at + member.Length)] + ":"), .. value, .. Encoding.UTF8.GetBytes(",\"x\":" + text[(text.IndexOf(':', at) + 1)..])];
    }

    private static JsonNode? WrongValue(Random random) => random.Next(6) switch
    {
        0 => JsonValue.Create("a string where it should not be"),
        1 => JsonValue.Create(random.Next(-1_000_000, 1_000_000)),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => new JsonArray(1, "two", null),
        4 => new JsonObject { ["unexpected"] = true },
        _ => null,
    };

    private static List<(JsonObject Parent, string Key)> Slots(JsonNode node)
    {
        var slots = new List<(JsonObject, string)>();
        void Walk(JsonNode? current)
        {
            switch (current)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj.ToList())
                    {
                        slots.Add((obj, key));
                        Walk(value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(node);
        return slots;
    }

    private static void RemoveSomething(JsonObject plan, Random random)
    {
        var slots = Slots(plan);
        var (parent, key) = slots[random.Next(slots.Count)];
        parent.Remove(key);
    }

    private static void ReplaceSomething(JsonObject plan, Random random, JsonNode? value)
    {
        var slots = Slots(plan);
        var (parent, key) = slots[random.Next(slots.Count)];
        parent[key] = value;
    }
}
