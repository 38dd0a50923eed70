using System.Collections.Concurrent;
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
/// A render costs what the template does and little else (it runs on every submission): Scriban's built-in functions
/// and our escaping functions are built once and shared read-only (templates only read them, never assign to them),
/// and the reflection over model types that Scriban would otherwise redo in every new context is done once per type.
/// </summary>
public sealed class TemplateLibrary
{
    private readonly FrozenDictionary<string, Template> _templates;

    /// <summary>The escaping functions, imported once and shared read-only by every render (a template cannot change them).</summary>
    private static readonly ScriptObject Functions = ImportFunctions();

    /// <summary>
    /// Scriban's built-ins (<c>html</c>, <c>array</c>, <c>string</c>, …), built once: a new context would otherwise copy
    /// all of them. Shared by concurrent renders, which only look functions up in it.
    /// </summary>
    private static readonly ScriptObject Builtins = TemplateContext.GetDefaultBuiltinObject();

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

    /// <summary>The most characters one rendering writes; longer output is cut off at this length.</summary>
    public const int OutputLimit = 200_000;

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

        var context = new SharedAccessorsContext(Builtins)
        {
            StrictVariables = true,
            LoopLimit = 5_000,
            RecursiveLimit = 50,
            LimitToString = OutputLimit,
            MemberRenamer = SharedAccessorsContext.CamelCase,
            EnableRelaxedMemberAccess = false,
            // Re-indenting multi-line values changes nothing a reader sees (md_escape makes plan text one line; HTML
            // collapses leading spaces, also under white-space: pre-line) and costs every write a scan.
            AutoIndent = false,
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

/// <summary>
/// A template context whose member accessors are shared by every context. Scriban builds, per context, an accessor for
/// each model type it meets (reflecting over its properties and renaming each); the result depends only on the type, the
/// renamer and the member filter, which are the same for every render (<see cref="CamelCase"/>, none), so it is built
/// once per type and reused.
/// </summary>
internal sealed class SharedAccessorsContext(ScriptObject builtins) : TemplateContext(builtins)
{
    private static readonly ConcurrentDictionary<Type, IObjectAccessor> Accessors = new();

    /// <summary>Model members are exposed camelCase, as they appear in the API (e.g. <c>model.overall.score</c>).</summary>
    public static readonly MemberRenamerDelegate CamelCase = member => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);

    protected override IObjectAccessor GetMemberAccessorImpl(object target)
    {
        if (MemberRenamer != CamelCase || MemberFilter is not null)
        {
            return base.GetMemberAccessorImpl(target)!;
        }

        return Accessors.GetOrAdd(target.GetType(), static (_, state) => state.Context.BaseAccessor(state.Target), (Context: this, Target: target));
    }

    private IObjectAccessor BaseAccessor(object target) => base.GetMemberAccessorImpl(target)!;
}

public sealed class TemplateLoadException(string file, int line, string message)
    : Exception($"Template {file} line {line}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
}
