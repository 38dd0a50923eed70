using System.Text.RegularExpressions;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Deployment;

/// <summary>
/// The ARM template the Bicep CLI compiled from infra-bicep/main.bicep (artifacts/bicep/main.json), with each local
/// module's resources reachable and ARM expressions resolvable across the module boundary: a module resource that
/// says <c>parameters('principalId')</c> is traced to what main.bicep passed in, e.g. <c>reference('identity').principalId</c>.
/// </summary>
public sealed partial class CompiledTemplate
{
    public static readonly string DefaultPath = RepositoryPaths.Combine("artifacts", "bicep", "main.json");

    private CompiledTemplate(string text, JsonObject root)
    {
        Text = text;
        Root = root;
        Resources = [.. Collect(root, module: null)];
    }

    /// <summary>The template as compiled, for checks that something appears nowhere in it.</summary>
    public string Text { get; }

    public JsonObject Root { get; }

    /// <summary>Every resource, main template and modules alike (module deployments included).</summary>
    public IReadOnlyList<TemplateResource> Resources { get; }

    public static CompiledTemplate Load(string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} is missing: run 'bash scripts/bicep.sh' to build the Bicep (scripts/test.sh does it first).");
        }

        var text = File.ReadAllText(path);
        return new CompiledTemplate(text, JsonNode.Parse(text)!.AsObject());
    }

    public IEnumerable<TemplateResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public TemplateResource Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"expected exactly one {type}, found {matches.Count}");
        return matches[0];
    }

    private static IEnumerable<TemplateResource> Collect(JsonObject template, TemplateResource? module)
    {
        // languageVersion 2.0 templates keep resources under symbolic names; classic ones in an array.
        var entries = template["resources"] switch
        {
            JsonObject named => named.Select(pair => (Name: (string?)pair.Key, Body: pair.Value!.AsObject())),
            JsonArray list => list.Select(node => (Name: (string?)null, Body: node!.AsObject())),
            _ => [],
        };

        foreach (var (name, body) in entries)
        {
            var resource = new TemplateResource(name, body, template, module);
            yield return resource;
            if (resource.Type == "Microsoft.Resources/deployments" && body["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Collect(nested, resource))
                {
                    yield return inner;
                }
            }
        }
    }

    [GeneratedRegex(@"parameters\('(?<name>[A-Za-z0-9_]+)'\)")]
    internal static partial Regex ParameterReference();

    [GeneratedRegex(@"variables\('(?<name>[A-Za-z0-9_]+)'\)(\.(?<member>[A-Za-z0-9_]+))?")]
    internal static partial Regex VariableReference();

    [GeneratedRegex(@"^\[length\(variables\('(?<name>[A-Za-z0-9_]+)'\)\)\]$")]
    internal static partial Regex LoopOverVariable();
}

/// <summary>One resource of the compiled template, with the template (and module) it belongs to.</summary>
public sealed class TemplateResource(string? symbolicName, JsonObject body, JsonObject template, TemplateResource? module)
{
    public string? SymbolicName { get; } = symbolicName;
    public JsonObject Body { get; } = body;
    public JsonObject Template { get; } = template;
    /// <summary>The module deployment this resource is declared in; null for main.bicep.</summary>
    public TemplateResource? Module { get; } = module;

    public string Type => (string)Body["type"]!;

    public JsonNode? this[string path] =>
        path.Split('.').Aggregate<string, JsonNode?>(Body, (node, key) => node?[key]);

    public string String(string path) =>
        this[path]?.GetValue<string>() ?? throw new InvalidOperationException($"{Type} has no {path}");

    /// <summary>
    /// Rewrites an ARM expression of this resource into terms of main.bicep: module parameters become the
    /// expressions main.bicep passed, and variables holding plain text become quoted literals. The surrounding
    /// brackets are dropped, so the result is comparable with plain strings.
    /// </summary>
    public string Resolve(string expression)
    {
        var inner = ExpandVariables(Unbracket(expression));
        if (Module is null)
        {
            return inner;
        }

        var resolved = CompiledTemplate.ParameterReference().Replace(inner, match =>
        {
            var passed = Module.Body["properties"]?["parameters"]?[match.Groups["name"].Value]?["value"];
            return passed is JsonValue value && value.TryGetValue<string>(out var text) ? Unbracket(text) : match.Value;
        });
        return Module.Resolve($"[{resolved}]");
    }

    public string ResolveAt(string path) => Resolve(String(path));

    /// <summary>
    /// For a module deployment: what main.bicep reads as <c>module.outputs.{name}</c>, and what that output is in
    /// main.bicep terms.
    /// </summary>
    public (string Reference, string Value) Output(string name)
    {
        var output = Body["properties"]?["template"]?["outputs"]?[name]?.AsObject()
                     ?? throw new InvalidOperationException($"module {SymbolicName} has no output {name}");
        var inModule = new TemplateResource(null, output, Body["properties"]!["template"]!.AsObject(), this);
        return ($"reference('{SymbolicName}').outputs.{name}.value", inModule.ResolveAt("value"));
    }

    /// <summary>
    /// For a resource declared with a Bicep loop over a variable array (<c>[for item in items: ...]</c>, compiled to a
    /// <c>copy</c> of <c>length(variables('items'))</c> whose name indexes <c>variables('items')[copyIndex()]</c>): the
    /// items, one per resource the loop creates.
    /// </summary>
    public IReadOnlyList<string> LoopItems()
    {
        var count = CompiledTemplate.LoopOverVariable().Match(String("copy.count"));
        if (!count.Success)
        {
            throw new InvalidOperationException($"{Type} is not a loop over a variable array: copy.count is {String("copy.count")}");
        }

        var variable = count.Groups["name"].Value;
        if (!String("name").Contains($"variables('{variable}')[copyIndex()]", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Type}'s name does not take its items from variables('{variable}')");
        }

        var items = Template["variables"]?[variable] as JsonArray
                    ?? throw new InvalidOperationException($"variable {variable} is not an array");
        return [.. items.Select(item => item!.GetValue<string>())];
    }

    /// <summary>This resource's id as an expression in terms of main.bicep (what a resourceId() call would say).</summary>
    public string IdExpression()
    {
        var name = String("name");
        var nameExpression = name.StartsWith('[') ? name[1..^1] : $"'{name}'";
        return Resolve($"[resourceId('{Type}', {nameExpression})]");
    }

    /// <summary>Inlines variables that hold text or an expression (arrays and objects stay references).</summary>
    private string ExpandVariables(string inner)
    {
        for (var depth = 0; depth < 10; depth++)
        {
            var expanded = CompiledTemplate.VariableReference().Replace(inner, match =>
            {
                var value = Template["variables"]?[match.Groups["name"].Value];
                if (match.Groups["member"].Success)
                {
                    value = value is JsonObject members ? members[match.Groups["member"].Value] : null;
                }

                return value is JsonValue literal && literal.TryGetValue<string>(out var text) ? Unbracket(text) : match.Value;
            });
            if (expanded == inner)
            {
                break;
            }

            inner = expanded;
        }

        return inner;
    }

    private static string Unbracket(string expression) =>
        expression.StartsWith('[') && expression.EndsWith(']') ? expression[1..^1] : $"'{expression}'";
}
