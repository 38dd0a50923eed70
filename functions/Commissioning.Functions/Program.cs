using Commissioning.Functions.Access;
using Commissioning.Functions.Advisor;
using Commissioning.Functions.ApiDocument;
using Commissioning.Functions.Councils;
using Commissioning.Functions.Health;
using Commissioning.Functions.Hosting;
using Commissioning.Functions.Notifications;
using Commissioning.Functions.Plans;
using Commissioning.Functions.Problems;
using Commissioning.Functions.Reference;
using Commissioning.Functions.Rendering;
using Commissioning.Functions.Storage;
using Commissioning.Functions.Summaries;
using Commissioning.Functions.Web;

// The Functions custom handler: one ASP.NET Core minimal API serving every function.
// This file is a table of contents; each feature registers and maps itself from its own folder.
var builder = WebApplication.CreateBuilder(args);
builder.UseSettingsBesideTheHandler();
builder.UseFunctionsCustomHandlerPort();
builder.LimitRequestBodies();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblems();
builder.Services.AddApiJson();
builder.Services.AddStorage();
builder.Services.AddAccess();
builder.Services.AddRendering(builder.Configuration);
builder.Services.AddAdvisor(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddCouncils();
builder.Services.AddPlans();
builder.Services.AddWeeklySummaries(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddApiDocument();
builder.Services.AddWebApp();

var app = builder.Build();
app.UseProblems();
app.UseAuthentication();
app.UseAuthorization();

app.MapRoot();
app.MapSummaryEndpoints();
app.MapNotificationEndpoints();
app.MapAdvisorEndpoints().RequireCouncilAccess();
var api = app.MapGroup("/api");
api.MapPlans();
api.MapCouncils();
api.MapReference();
api.MapHealth();
api.MapApiDocument();
api.MapWebApp();

app.Run();

public partial class Program;
