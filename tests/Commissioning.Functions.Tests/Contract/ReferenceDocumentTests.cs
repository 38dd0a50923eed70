using Commissioning.Domain.Rubrics;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Contract;

public sealed class ReferenceDocumentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ThePlanSchemaIsPublicAndIsTheDomainsSchema()
    {
        using var anonymous = fixture.Api.Anonymous();

        var response = await anonymous.GetAsync("/api/schema/plan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType!.MediaType);
        var schema = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PlanSchema.Json), schema));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheRubricInForceIsPublic()
    {
        using var anonymous = fixture.Api.Anonymous();

        var response = await anonymous.GetAsync("/api/rubric");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rubric = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(Rubrics.Current.Version, rubric["version"]!.GetValue<string>());
    }
}
