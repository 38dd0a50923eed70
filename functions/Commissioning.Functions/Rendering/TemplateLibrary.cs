using System.Collections.Frozen;
using Scriban;
using Scriban.Runtime;

namespace Commissioning.Functions.Rendering;

/// <summary>
/// Every Scriban template in <c>templates/</c>, parsed once at start-up. A template that does not parse stops
/// start-up with its file and line. Each render gets a fresh <see cref="TemplateContext"/> with strict variables
/// and loop/recursion limits, so one plan cannot make rendering run away.
/// Scriban does not escape: templates must pass every plan-supplied string through <c>html.escape</c> (HTML),
/// <c>md_escape</c> (Markdown) or <c>json_string</c> (JSON), which this library provides.
/// </summary>
public sealed class TemplateLibrary
{
    private readonly FrozenDictionary<string, Template> _templates;

    /// <summary>The escaping functions, imported once and shared read-only by every render (a template cannot change them).</summary>
    private static readonly ScriptObject Functions = ImportFunctions();

    public TemplateLibrary(string directory)
    {
        Directory = directory;
        if (!System.IO.Directory.Exists(directory))
        {
            throw new InvalidOperationException($"Templates folder not found: {directory}");
        }

        var parsed = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*.sbn*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(directory, path).Replace('\\', '/');
            var template = Template.Parse(File.ReadAllText(path), path);
            if (template.HasErrors)
            {
                var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
                throw new TemplateLoadException(name, first.Span.Start.Line + 1, first.Message);
            }

            parsed[name] = template;
        }

        _templates = parsed.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string Directory { get; }

    public IReadOnlyCollection<string> Names => _templates.Keys;

    public bool Contains(string name) => _templates.ContainsKey(name);

    /// <summary>Renders a template with <paramref name="model"/> exposed under the name <c>model</c>.</summary>
    public string Render(string name, object model)
    {
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new InvalidOperationException($"No template named {name} in {Directory}");
        }

        var globals = new ScriptObject();
        globals.SetValue("model", model, readOnly: true);

        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = 5_000,
            RecursiveLimit = 50,
            LimitToString = 200_000,
            MemberRenamer = member => JsonNamingPolicyRename(member.Name),
            EnableRelaxedMemberAccess = false,
        };
        context.PushGlobal(Functions);
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private static ScriptObject ImportFunctions()
    {
        var functions = new ScriptObject();
        functions.Import(typeof(TemplateFunctions), renamer: member => TemplateFunctions.Rename(member.Name));
        functions.IsReadOnly = true;
        return functions;
    }

    /// <summary>Model members are exposed camelCase, as they appear in the API (e.g. <c>model.overall.score</c>).</summary>
    private static string JsonNamingPolicyRename(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>Finds <c>templates/</c> beside the handler (build output and package) or above the working directory.</summary>
    public static string LocateDefaultDirectory()
    {
        var besideHandler = Path.Combine(AppContext.BaseDirectory, "templates");
        if (System.IO.Directory.Exists(besideHandler))
        {
            return besideHandler;
        }

        for (var dir = new DirectoryInfo(System.IO.Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "templates");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return besideHandler;
    }
}

public sealed class TemplateLoadException(string file, int line, string message)
    : Exception($"Template {file} line {line}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
}
