using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Commissioning.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Commissioning.Functions.ApiDocument;

/// <summary>
/// Writes the OpenAPI 3.1 document from the functions themselves: paths and methods from their triggers, who may
/// call from <see cref="AccessAttribute"/>, responses from their typed results and <see cref="ApiResponseAttribute"/>,
/// schemas from the same JSON settings the responses are written with. The same document under the host and the
/// local runner, because it is built from the same attributes.
/// </summary>
public sealed class OpenApiDocumentBuilder(FunctionCatalog catalog, JsonSerializerOptions json, string routePrefix)
{
    public const string SecurityScheme = "ApiKey";
    private const string ProblemJson = "application/problem+json";

    private readonly JsonObject _schemas = new();
    private readonly Dictionary<Type, string> _named = [];

    public JsonObject Build()
    {
        var paths = new JsonObject();
        foreach (var function in catalog.Http.OrderBy(f => f.Route, StringComparer.Ordinal))
        {
            var path = "/" + (string.IsNullOrEmpty(routePrefix) ? string.Empty : routePrefix + "/") + function.Route.Replace("{*", "{", StringComparison.Ordinal);
            var item = paths[path] as JsonObject ?? new JsonObject();
            paths[path] = item;
            foreach (var method in function.Methods.Count == 0 ? ["GET"] : function.Methods)
            {
                item[method.ToLowerInvariant()] = Operation(function);
            }
        }

        AddProblemSchemas();
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Keep it Local commissioning advisor",
                ["version"] = typeof(OpenApiDocumentBuilder).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
                ["description"] = "Scores council commissioning plans for local-by-default, proportionate funding and co-design. " +
                                  "Send keys in the X-Api-Key header. The admin key (the operator's) manages councils and their keys. A council's key " +
                                  "is issued for a role: a commissioner's key scores, submits and reads that council's plans, regenerates narratives " +
                                  "and imports notices; a councillor's key reads that council's plans, notices, guidance and summaries and changes " +
                                  "nothing. Each operation says which keys it takes. Errors are RFC 9457 problem details (application/problem+json).",
                ["license"] = new JsonObject { ["name"] = "Proprietary: the Keep it Local commissioning advisor" },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "Where this document was served from" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = Sorted(_schemas),
                ["securitySchemes"] = new JsonObject
                {
                    [SecurityScheme] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "header",
                        ["name"] = ApiKeys.Header,
                        ["description"] = "The admin key (setting Commissioning:AdminKey), or a council key issued by POST /api/councils/{code}/keys.",
                    },
                },
            },
        };
    }

    private JsonObject Operation(HttpFunction function)
    {
        var method = function.Method;
        var operation = new JsonObject
        {
            ["operationId"] = function.Name,
            ["tags"] = new JsonArray(Feature(method)),
        };
        if (method.GetCustomAttribute<ApiSummaryAttribute>() is { } summary)
        {
            operation["summary"] = summary.Summary;
        }

        operation["description"] = Who(function.Access);
        var parameters = new JsonArray();
        foreach (var name in RoutePatternFactory.Parse(function.Route).Parameters.Select(p => p.Name))
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        foreach (var query in method.GetCustomAttributes<ApiQueryAttribute>())
        {
            var schema = SchemaFor(query.Type);
            if (query.Values is { } values)
            {
                schema["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
            }

            parameters.Add(new JsonObject { ["name"] = query.Name, ["in"] = "query", ["required"] = query.Required, ["description"] = query.Description, ["schema"] = schema });
        }

        foreach (var header in method.GetCustomAttributes<ApiHeaderAttribute>())
        {
            parameters.Add(new JsonObject { ["name"] = header.Name, ["in"] = "header", ["required"] = false, ["description"] = header.Description, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        var bodies = method.GetCustomAttributes<ApiBodyAttribute>().ToList();
        if (bodies.Count > 0)
        {
            var content = new JsonObject();
            foreach (var body in bodies)
            {
                content[body.ContentType] = new JsonObject { ["schema"] = SchemaFor(body.Type) };
            }

            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = content };
            if (bodies.Select(b => b.Description).FirstOrDefault(d => d is not null) is { } description)
            {
                operation["requestBody"]!["description"] = description;
            }
        }

        operation["responses"] = Responses(function);
        operation["security"] = function.Access.Callers == Callers.Anyone
            ? new JsonArray()
            : new JsonArray(new JsonObject { [SecurityScheme] = new JsonArray() });
        return operation;
    }

    private JsonObject Responses(HttpFunction function)
    {
        var responses = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);

        void Add(int status, string description, string? contentType, JsonObject? schema)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!responses.TryGetValue(key, out var response))
            {
                response = new JsonObject { ["description"] = description };
                responses[key] = response;
            }

            if (contentType is not null)
            {
                var content = response["content"] as JsonObject ?? new JsonObject();
                response["content"] = content;
                content[contentType] = new JsonObject { ["schema"] = schema ?? new JsonObject { ["type"] = "string" } };
            }
        }

        void Problem(int status, string description) => Add(status, description, ProblemJson, Ref("ProblemDetails"));

        // Declared responses first: where one names a status a typed result also gives, its description is the one kept.
        foreach (var declared in function.Method.GetCustomAttributes<ApiResponseAttribute>())
        {
            if (declared.Status == 400)
            {
                Add(400, declared.Description, ProblemJson, Ref("ValidationProblemDetails"));
            }
            else if (declared.Status >= 400)
            {
                Problem(declared.Status, declared.Description);
            }
            else
            {
                Add(declared.Status, declared.Description, declared.ContentType ?? (declared.Type is null ? null : "application/json"),
                    declared.Type is null ? null : SchemaFor(declared.Type));
            }
        }

        foreach (var result in ResultTypes(function.Method.ReturnType))
        {
            if (result.IsGenericType && result.GetGenericTypeDefinition() == typeof(Ok<>))
            {
                Add(200, "OK", "application/json", SchemaFor(result.GetGenericArguments()[0]));
            }
            else if (result.IsGenericType && result.GetGenericTypeDefinition() == typeof(Created<>))
            {
                Add(201, "Created", "application/json", SchemaFor(result.GetGenericArguments()[0]));
            }
            else if (result == typeof(ValidationProblem))
            {
                Add(400, "Invalid: every bad field is named in errors, by JSON path or as route.name, query.name, header.Name.", ProblemJson, Ref("ValidationProblemDetails"));
            }
        }

        if (function.Access.Callers != Callers.Anyone)
        {
            Problem(401, "No key, or a key that is not valid (X-Api-Key).");
            Problem(403, function.Access.Callers switch
            {
                Callers.Admin => "The key is not the admin key.",
                Callers.Commissioners => "The key is a councillor's (it may only read), or another council's.",
                _ => "The key is another council's.",
            });
        }

        if (function.Method.GetCustomAttributes<ApiBodyAttribute>().Any())
        {
            Problem(413, "The body is larger than this address accepts.");
        }

        Problem(503, "Storage cannot be reached just now; nothing was lost. Send the request again after Retry-After.");
        var answer = new JsonObject();
        foreach (var (status, response) in responses)
        {
            answer[status] = response;
        }

        return answer;
    }

    private static IEnumerable<Type> ResultTypes(Type returnType)
    {
        var type = returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0] : returnType;
        return type.IsGenericType && type.GetGenericTypeDefinition().FullName?.StartsWith("Microsoft.AspNetCore.Http.HttpResults.Results`", StringComparison.Ordinal) == true
            ? type.GetGenericArguments()
            : [type];
    }

    /// <summary>A schema for <paramref name="type"/>: a reference to a named component for records and enums, inline otherwise.</summary>
    private JsonObject SchemaFor(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var info = json.GetTypeInfo(type);
        if (IsNamed(type, info))
        {
            return Ref(Component(type));
        }

        return Export(type) as JsonObject ?? new JsonObject();   // a schema of "true" (any JSON, as for JsonElement) is the empty schema
    }

    private static bool IsNamed(Type type, JsonTypeInfo info) =>
        (info.Kind == JsonTypeInfoKind.Object && !type.IsGenericType && type != typeof(object)) || type.IsEnum;

    private string Component(Type type)
    {
        if (_named.TryGetValue(type, out var name))
        {
            return name;
        }

        name = type.Name;
        _named[type] = name;
        _schemas[name] = Anchored(Export(type, root: type), name);
        return name;
    }

    /// <summary>
    /// A recursive type (a joint buyer is a buyer) is exported with references to its own root ("#", "#/properties/…"),
    /// which inside a component would point at the OpenAPI document itself: they are rewritten to point at the component.
    /// </summary>
    private static JsonNode Anchored(JsonNode schema, string name)
    {
        foreach (var node in Descendants(schema).OfType<JsonObject>())
        {
            if (node["$ref"] is JsonValue value && value.GetValue<string>() is var target
                && (target == "#" || (target.StartsWith("#/", StringComparison.Ordinal) && !target.StartsWith("#/components/", StringComparison.Ordinal))))
            {
                node["$ref"] = "#/components/schemas/" + name + target[1..];
            }
        }

        return schema;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().ToList())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private JsonNode Export(Type type, Type? root = null) =>
        json.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                var nodeType = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
                var isRoot = context.Path.IsEmpty && context.PropertyInfo is null;
                if (!isRoot && IsNamed(nodeType, context.TypeInfo) && nodeType != root)
                {
                    var reference = Ref(Component(nodeType));
                    // A nullable member stays nullable: either the component or null.
                    return node is JsonObject { } schema && schema["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null")
                        ? new JsonObject { ["oneOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) }
                        : reference;
                }

                return node;
            },
        });

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    private void AddProblemSchemas()
    {
        var problem = new JsonObject
        {
            ["type"] = "string",
            ["format"] = "uri",
            ["description"] = "The kind of problem: " + string.Join("; ", ApiProblem.Types.Select(t => $"{t.Uri} ({t.Status}, {t.Title})")) + ".",
            ["enum"] = new JsonArray([.. ApiProblem.Types.Select(t => (JsonNode)t.Uri).Distinct()]),
        };
        _schemas["ProblemDetails"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "RFC 9457 problem details: every error the API returns. A field of a 400 is named by where it is: a JSON path " +
                              "in the body ($.budget.totalValue), or route.name, query.name, header.Name for values outside it.",
            ["properties"] = new JsonObject
            {
                ["type"] = problem.DeepClone(),
                ["title"] = new JsonObject { ["type"] = "string" },
                ["status"] = new JsonObject { ["type"] = "integer" },
                ["detail"] = new JsonObject { ["type"] = "string" },
                ["instance"] = new JsonObject { ["type"] = "string" },
            },
        };
        var validation = (JsonObject)_schemas["ProblemDetails"]!.DeepClone();
        validation["description"] = "Problem details naming every bad field.";
        validation["properties"]!["errors"] = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
        };
        _schemas["ValidationProblemDetails"] = validation;
    }

    private static string Feature(MethodInfo method) => method.DeclaringType?.Namespace?.Split('.')[^1] ?? "Api";

    private static string Who(AccessAttribute access)
    {
        var whose = access.Council is not null ? $"of the council in the address ({{{access.Council}}})" : "of the council it concerns";
        return access.Callers switch
        {
            Callers.Anyone => "Public: no key needed.",
            Callers.Admin => "Needs the admin key.",
            Callers.Commissioners => $"Needs the admin key or a commissioner's key {whose}. A councillor's key is refused (403).",
            _ => $"Needs the admin key or a key {whose}: a commissioner's or a councillor's.",
        };
    }

    private static JsonObject Sorted(JsonObject schemas)
    {
        var sorted = new JsonObject();
        foreach (var name in schemas.Select(p => p.Key).Order(StringComparer.Ordinal).ToList())
        {
            var node = schemas[name];
            schemas.Remove(name);
            sorted[name] = node;
        }

        return sorted;
    }
}
