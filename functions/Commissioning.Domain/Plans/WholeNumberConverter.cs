using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Domain.Plans;

/// <summary>
/// Reads whole numbers written as 36, 36.0 or 3.6e1 into an <see cref="int"/>, as JSON Schema's "integer"
/// allows. Only used after validation has proved the value whole and in range.
/// </summary>
internal sealed class WholeNumberConverter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TryGetInt32(out var value)) return value;
        var number = reader.GetDecimal();
        if (number != decimal.Truncate(number) || number is < int.MinValue or > int.MaxValue)
            throw new JsonException($"{number} is not a whole number that fits in 32 bits.");
        return (int)number;
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}
