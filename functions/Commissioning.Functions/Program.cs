using Commissioning.Functions.Advisor;
using Commissioning.Functions.Councils;
using Commissioning.Functions.Guidance;
using Commissioning.Functions.Health;
using Commissioning.Functions.Hosting;
using Commissioning.Functions.Hosting.Local;
using Commissioning.Functions.Notices;
using Commissioning.Functions.Notifications;
using Commissioning.Functions.Plans;
using Commissioning.Functions.Rendering;
using Commissioning.Functions.Summaries;
using Commissioning.Functions.Web;
using Microsoft.Azure.Functions.Worker.Builder;

// The function app. Under the Functions host it is the host's isolated worker; started on its own (no Core Tools can
// be installed here, and tests need no host) it runs the same function classes in the local runner (decision 0020).
// This file is a table of contents: each feature registers itself from its own folder, and each function is a class
// in its feature's folder.
if (HostingModes.Detect(args, Environment.GetEnvironmentVariable) == HostingMode.Worker)
{
    var worker = FunctionsApplication.CreateBuilder(args);
    worker.ConfigureFunctionsWebApplication();
    worker.UseMiddleware<FrontDoorMiddleware>();
    AddFeatures(worker);
    worker.Build().Run();
}
else
{
    var runner = WebApplication.CreateBuilder(args);
    runner.AddLocalRunner();
    AddFeatures(runner);
    runner.Build().MapFunctions().Run();
}

static void AddFeatures(IHostApplicationBuilder builder)
{
    builder.UseSettingsBesideTheApp();
    var services = builder.Services;
    var configuration = builder.Configuration;
    services.AddShared();
    services.AddHosting(configuration);
    services.AddProblems();
    services.AddApiJson();
    services.AddStorage();
    services.AddAccess();
    services.AddRendering(configuration);
    services.AddGuidance();
    services.AddAdvisor(configuration);
    services.AddNotifications();
    services.AddCouncils();
    services.AddPlans();
    services.AddNotices();
    services.AddSummaries();
    services.AddHealth();
    services.AddApiDocument();
    services.AddWeb();
}

public partial class Program;
