using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Domain.Tests.Plans;

/// <summary>The C# records and PlanShape describe the same document, member by member, in both directions.</summary>
public class PlanShapeModelAgreementTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static TheoryData<string> ObjectShapes() => [.. AllObjectShapes().Select(s => s.ModelType.Name)];

    private static IEnumerable<ObjectShape> AllObjectShapes()
    {
        var pending = new Stack<Shape>([PlanShape.Root]);
        while (pending.TryPop(out var shape))
        {
            switch (shape)
            {
                case ObjectShape o:
                    yield return o;
                    foreach (var field in o.Fields.Reverse()) pending.Push(field.Shape);
                    break;
                case ArrayShape a:
                    pending.Push(a.Items);
                    break;
            }
        }
    }

    private static ObjectShape ShapeOf(string typeName) => AllObjectShapes().Single(s => s.ModelType.Name == typeName);

    [Fact]
    public void EveryRecordReachableFromThePlanHasExactlyOneObjectShape()
    {
        var records = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Type>([typeof(Plan)]);
        while (pending.TryPop(out var type))
        {
            if (!records.Add(type.Name)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var member = property.PropertyType;
                if (member.IsGenericType && member.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) member = member.GetGenericArguments()[0];
                if (member.IsClass && member != typeof(string)) pending.Push(member);
            }
        }

        Assert.Equal(typeof(Plan), PlanShape.Root.ModelType);
        Assert.Equal(records, AllObjectShapes().Select(s => s.ModelType.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ObjectShapes))]
    public void EveryRecordMemberHasAFieldWithTheSameNameKindAndRequiredness(string typeName)
    {
        var shape = ShapeOf(typeName);

        foreach (var property in shape.ModelType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var field = shape.Fields.SingleOrDefault(f => f.Name == name);
            Assert.True(field is not null, $"{typeName}.{property.Name} has no field \"{name}\" in PlanShape.");

            var required = property.IsDefined(typeof(RequiredMemberAttribute));
            Assert.True(required == field.Required, $"{typeName}.{property.Name}: required in C# is {required}, in PlanShape {field.Required}.");
            var nullable = Nullability.Create(property).ReadState == NullabilityState.Nullable;
            Assert.True(nullable != required, $"{typeName}.{property.Name}: a required member is non-nullable and an optional one nullable.");

            AssertCompatible($"{typeName}.{property.Name}", property.PropertyType, field.Shape);
        }
    }

    [Theory]
    [MemberData(nameof(ObjectShapes))]
    public void EveryShapeFieldHasARecordMember(string typeName)
    {
        var shape = ShapeOf(typeName);
        var members = shape.ModelType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();

        Assert.All(shape.Fields, f => Assert.True(members.Contains(f.Name), $"PlanShape field {typeName}.{f.Name} has no record member."));
        Assert.Equal(shape.Fields.Count, members.Count);
    }

    private static void AssertCompatible(string member, Type type, Shape shape)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        switch (shape)
        {
            case StringShape:
                Assert.True(type == typeof(string), $"{member}: {type.Name} against a string shape.");
                break;
            case NumberShape number:
                Assert.True(type == (number.WholeNumber ? typeof(int) : typeof(decimal)),
                    $"{member}: {type.Name} against a {(number.WholeNumber ? "whole" : "decimal")} number shape.");
                break;
            case BooleanShape:
                Assert.True(type == typeof(bool), $"{member}: {type.Name} against a boolean shape.");
                break;
            case DateShape:
                Assert.True(type == typeof(DateOnly), $"{member}: {type.Name} against a date shape.");
                break;
            case EnumShape enumShape:
                Assert.True(type == enumShape.EnumType, $"{member}: {type.Name} against an enum shape of {enumShape.EnumType.Name}.");
                Assert.Equal(WordsByAttribute(type), enumShape.Words);
                break;
            case ArrayShape array:
                Assert.True(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>), $"{member}: {type.Name} against a list shape.");
                AssertCompatible(member + "[]", type.GetGenericArguments()[0], array.Items);
                break;
            case ObjectShape objectShape:
                Assert.True(type == objectShape.ModelType, $"{member}: {type.Name} against an object shape of {objectShape.ModelType.Name}.");
                break;
            default:
                Assert.Fail($"{member}: unknown shape {shape.GetType().Name}.");
                break;
        }
    }

    /// <summary>Read independently of PlanShape, so a change to how PlanShape reads words would show here.</summary>
    private static string[] WordsByAttribute(Type enumType) =>
        [.. Enum.GetValues(enumType).Cast<Enum>()
            .Select(v => enumType.GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name)];

    [Fact]
    public void TheSerialiserWritesEveryEnumMemberAsTheWordTheShapeAllows()
    {
        foreach (var enumShape in AllObjectShapes().SelectMany(o => o.Fields).Select(f => f.Shape is ArrayShape a ? a.Items : f.Shape).OfType<EnumShape>())
        {
            var written = Enum.GetValues(enumShape.EnumType).Cast<object>()
                .Select(v => JsonSerializer.Serialize(v, enumShape.EnumType, DomainJson.Options).Trim('"'));
            Assert.Equal(enumShape.Words, written);
        }
    }

    [Fact]
    public void ThePlanUsedForTestsAndBenchmarksGivesEveryFieldAValue()
    {
        var plan = JsonNode.Parse(PlanDocuments.Full)!;
        var missing = new List<string>();
        Collect(PlanShape.Root, [plan], "$", missing);

        Assert.Empty(missing);
    }

    private static void Collect(ObjectShape shape, IReadOnlyList<JsonNode?> instances, string path, List<string> missing)
    {
        foreach (var field in shape.Fields)
        {
            var values = instances.OfType<JsonObject>().Select(o => o[field.Name]).Where(v => v is not null).ToList();
            if (values.Count == 0)
            {
                missing.Add($"{path}.{field.Name}");
                continue;
            }
            var inner = field.Shape is ArrayShape array ? array.Items : field.Shape;
            if (field.Shape is ArrayShape) values = [.. values.SelectMany(v => v!.AsArray())];
            if (inner is ObjectShape objectShape) Collect(objectShape, values, $"{path}.{field.Name}", missing);
        }
    }
}
