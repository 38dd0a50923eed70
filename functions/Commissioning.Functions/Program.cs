using Commissioning.Functions.Advisor;
using Commissioning.Functions.Hosting;
using Commissioning.Functions.Rendering;
using Commissioning.Functions.Summaries;

// The Functions custom handler: one ASP.NET Core minimal API serving every function.
// This file is a table of contents; each feature registers and maps itself from its own folder.
var builder = WebApplication.CreateBuilder(args);
builder.UseFunctionsCustomHandlerPort();
builder.Services.AddProblemDetails();
builder.Services.AddRendering(builder.Configuration);
builder.Services.AddAdvisor(builder.Configuration);
builder.Services.AddWeeklySummaries(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapGet("/", () => Results.Ok(new { service = "Keep it Local commissioning advisor" }));
app.MapSummaryEndpoints();

app.Run();

public partial class Program;
