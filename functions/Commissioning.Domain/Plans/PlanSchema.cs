using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Commissioning.Domain.Plans;

/// <summary>
/// The published JSON Schema (draft 2020-12) for a plan, written from <see cref="PlanShape"/> so it always says
/// what <see cref="PlanParser"/> checks. Optional fields also accept <c>null</c>, which means "not given".
/// Semantic rules (e.g. weighting adds up to 100) are described in plain English but not enforced by the schema.
/// </summary>
public static class PlanSchema
{
    public const string Id = "https://keepitlocal.example/schemas/plan-1.0.json";
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private static readonly Lazy<string> CachedJson = new(Write);

    /// <summary>The schema document, indented, generated once.</summary>
    public static string Json => CachedJson.Value;

    private static string Write()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
               {
                   Indented = true,
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", Draft);
            writer.WriteString("$id", Id);
            writer.WriteString("title", $"Commissioning plan {PlanShape.SchemaVersion}");
            WriteBody(writer, PlanShape.Root, nullable: false);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteShape(Utf8JsonWriter writer, Shape shape, bool nullable)
    {
        writer.WriteStartObject();
        WriteBody(writer, shape, nullable);
        writer.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter writer, Shape shape, bool nullable)
    {
        switch (shape)
        {
            case ObjectShape objectShape:
                writer.WriteString("description", Describe(objectShape));
                WriteType(writer, "object", nullable);
                writer.WriteStartObject("properties");
                if (objectShape == PlanShape.Root)
                {
                    writer.WriteStartObject(PlanShape.SchemaReference);
                    writer.WriteString("description", "The schema an editor checks this plan against (optional; ignored when scoring).");
                    writer.WriteString("type", "string");
                    writer.WriteEndObject();
                }

                foreach (var field in objectShape.Fields)
                {
                    writer.WritePropertyName(field.Name);
                    WriteShape(writer, field.Shape, nullable: !field.Required);
                }
                writer.WriteEndObject();
                var required = objectShape.Fields.Where(f => f.Required).ToList();
                if (required.Count > 0)
                {
                    writer.WriteStartArray("required");
                    foreach (var field in required) writer.WriteStringValue(field.Name);
                    writer.WriteEndArray();
                }
                writer.WriteBoolean("additionalProperties", false);
                break;

            case ArrayShape arrayShape:
                writer.WriteString("description", arrayShape.Description);
                WriteType(writer, "array", nullable);
                writer.WriteNumber("maxItems", arrayShape.MaxItems);
                writer.WritePropertyName("items");
                WriteShape(writer, arrayShape.Items, nullable: false);
                break;

            case StringShape { Constant: { } constant } constantShape:
                writer.WriteString("description", constantShape.Description);
                WriteType(writer, "string", nullable);
                writer.WriteString("const", constant);
                break;

            case StringShape stringShape:
                writer.WriteString("description", stringShape.Description);
                WriteType(writer, "string", nullable);
                if (stringShape.MinLength > 0) writer.WriteNumber("minLength", stringShape.MinLength);
                writer.WriteNumber("maxLength", stringShape.MaxLength);
                if (stringShape.Pattern is { } pattern) writer.WriteString("pattern", pattern);
                break;

            case EnumShape enumShape:
                writer.WriteString("description", enumShape.Description);
                WriteType(writer, "string", nullable);
                writer.WriteStartArray("enum");
                foreach (var word in enumShape.Words) writer.WriteStringValue(word);
                if (nullable) writer.WriteNullValue();
                writer.WriteEndArray();
                break;

            case NumberShape numberShape:
                writer.WriteString("description", numberShape.Description);
                WriteType(writer, numberShape.WholeNumber ? "integer" : "number", nullable);
                writer.WriteNumber("minimum", numberShape.Minimum);
                writer.WriteNumber("maximum", numberShape.Maximum);
                break;

            case BooleanShape booleanShape:
                writer.WriteString("description", booleanShape.Description);
                WriteType(writer, "boolean", nullable);
                break;

            case DateShape dateShape:
                writer.WriteString("description", dateShape.Description);
                WriteType(writer, "string", nullable);
                writer.WriteString("format", "date");
                writer.WriteString("pattern", dateShape.Pattern);
                break;

            default:
                throw new InvalidOperationException($"No schema for {shape.GetType().Name}.");
        }
    }

    private static string Describe(ObjectShape shape) =>
        shape.Rules.Count == 0
            ? shape.Description
            : shape.Description + " " + string.Join(" ", shape.Rules.Select(r => r.Explanation));

    private static void WriteType(Utf8JsonWriter writer, string type, bool nullable)
    {
        if (!nullable)
        {
            writer.WriteString("type", type);
            return;
        }
        writer.WriteStartArray("type");
        writer.WriteStringValue(type);
        writer.WriteStringValue("null");
        writer.WriteEndArray();
    }
}
