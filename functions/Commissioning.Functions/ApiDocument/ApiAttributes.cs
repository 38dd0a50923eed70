namespace Commissioning.Functions.ApiDocument;

// How an HTTP function describes itself in the OpenAPI document. The route, methods and who may call come from the
// function's own trigger and [Access]; typed results (Results<Ok<T>, …>) give most responses. These add the rest.

/// <summary>The operation's one-line summary.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiSummaryAttribute(string summary) : Attribute
{
    public string Summary { get; } = summary;
}

/// <summary>A query parameter the function reads from the request.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiQueryAttribute(string name, Type type, string description) : Attribute
{
    public string Name { get; } = name;
    public Type Type { get; } = type;
    public string Description { get; } = description;
    public bool Required { get; init; }
    /// <summary>The values it takes, for a parameter with a fixed set.</summary>
    public string[]? Values { get; init; }
}

/// <summary>A request header the function reads.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiHeaderAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;
    public string Description { get; } = description;
}

/// <summary>The request body: its schema and media type (one attribute per media type the function reads).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiBodyAttribute(Type type, string contentType = "application/json") : Attribute
{
    public Type Type { get; } = type;
    public string ContentType { get; } = contentType;
    /// <summary>What the body may be and how its errors are named, when the schema cannot say it.</summary>
    public string? Description { get; init; }
}

/// <summary>A response the return type does not say: a ProblemDetails status, or a body of another media type.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiResponseAttribute(int status, string description) : Attribute
{
    public int Status { get; } = status;
    public string Description { get; } = description;
    /// <summary>The body's schema; none for a ProblemDetails (4xx/5xx) or a text body.</summary>
    public Type? Type { get; init; }
    public string? ContentType { get; init; }
}
