using System.Text.RegularExpressions;
using System.Xml.Linq;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Deployment;

/// <summary>
/// What infra-bicep/main.bicep deploys, read from the ARM template the Bicep CLI compiled (scripts/bicep.sh):
/// a Flex Consumption app on the .NET isolated worker that reaches storage, queues, telemetry and secrets only as its
/// managed identity.
/// </summary>
public sealed class InfrastructureTemplateTests
{
    private const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";

    // Built-in role definition ids: the same in every tenant.
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    /// <summary>App settings Flex Consumption rejects or ignores (or that belong to other plans); none may be set.</summary>
    public static TheoryData<string> SettingsFlexRejects => new()
    {
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_EXTENSION_VERSION",
        "FUNCTIONS_WORKER_RUNTIME_VERSION",
        "FUNCTIONS_WORKER_PROCESS_COUNT",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "WEBSITE_CONTENTSHARE",
        "WEBSITE_CONTENTOVERVNET",
        "WEBSITE_NODE_DEFAULT_VERSION",
        "WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED",
        "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT",
        "SCM_DO_BUILD_DURING_DEPLOYMENT",
        "ENABLE_ORYX_BUILD",
        "WEBSITE_TIME_ZONE",
        "TZ",
        "WEBSITE_VNET_ROUTE_ALL",
        "AzureWebJobsDashboard",
        "APPINSIGHTS_INSTRUMENTATIONKEY",
    };

    private readonly CompiledTemplate _template = CompiledTemplate.Load();

    private TemplateResource Identity => _template.Single(IdentityType);
    private string IdentityId => Identity.IdExpression();
    private string IdentityPrincipalId => $"reference('{Identity.SymbolicName}').principalId";
    private string IdentityClientId => $"reference('{Identity.SymbolicName}').clientId";
    private TemplateResource Site => _template.Single("Microsoft.Web/sites");

    [Fact]
    public void TheAppRunsOnAFlexConsumptionLinuxPlan()
    {
        var plan = _template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.String("sku.name"));
        Assert.Equal("FlexConsumption", plan.String("sku.tier"));
        Assert.True(plan["properties.reserved"]!.GetValue<bool>(), "a Linux plan has reserved: true");
        Assert.Equal(plan.IdExpression(), Site.ResolveAt("properties.serverFarmId"));
        Assert.Equal("functionapp,linux", Site.String("kind"));
    }

    [Fact]
    public void TheAppRunsOnTheIsolatedWorkerForTheDotNetItTargets()
    {
        Assert.Equal("dotnet-isolated", Site.String("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", Site.String("properties.functionAppConfig.runtime.version"));
        Assert.Equal($"net{Site.String("properties.functionAppConfig.runtime.version")}", AppTargetFramework());

        // Flex takes the stack from functionAppConfig alone; a linuxFxVersion is what other plans use.
        Assert.Null(Site["properties.siteConfig.linuxFxVersion"]);
        Assert.DoesNotContain("custom handler", _template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("customHandler", _template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheAppScalesWithinTheBoundsItsParametersSet()
    {
        var scale = "properties.functionAppConfig.scaleAndConcurrency";
        Assert.Equal("parameters('maximumInstanceCount')", Site.ResolveAt($"{scale}.maximumInstanceCount"));
        Assert.Equal("parameters('instanceMemoryMB')", Site.ResolveAt($"{scale}.instanceMemoryMB"));

        var parameters = _template.Root["parameters"]!;
        Assert.Equal(40, parameters["maximumInstanceCount"]!["defaultValue"]!.GetValue<int>());
        Assert.Equal(1, parameters["maximumInstanceCount"]!["minValue"]!.GetValue<int>());
        Assert.Equal(1000, parameters["maximumInstanceCount"]!["maxValue"]!.GetValue<int>());
        Assert.Equal([512, 2048, 4096], parameters["instanceMemoryMB"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.True(Site["properties.httpsOnly"]!.GetValue<bool>());
    }

    [Fact]
    public void TheAppRunsAsTheUserAssignedIdentityEverywhere()
    {
        Assert.Equal("UserAssigned", Site.String("identity.type"));
        var attached = Site["identity.userAssignedIdentities"]!.AsObject().Select(pair => Site.Resolve(pair.Key)).ToList();
        Assert.Equal([$"format('{{0}}', {IdentityId})"], attached);

        Assert.Equal(IdentityId, Site.ResolveAt("properties.keyVaultReferenceIdentity"));

        var deployment = "properties.functionAppConfig.deployment.storage";
        Assert.Equal("blobContainer", Site.String($"{deployment}.type"));
        Assert.Equal("UserAssignedIdentity", Site.String($"{deployment}.authentication.type"));
        Assert.Equal(IdentityId, Site.ResolveAt($"{deployment}.authentication.userAssignedIdentityResourceId"));
        Assert.Null(Site[$"{deployment}.authentication.storageAccountConnectionStringName"]);
    }

    [Fact]
    public void TheDeploymentPackageComesFromAContainerOfTheAppsOwnStorageAccount()
    {
        var storage = _template.Single("Microsoft.Storage/storageAccounts");
        var container = _template.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        var accountName = storage.Module!.Output("name");
        var containerName = storage.Module.Output("deploymentContainerName");

        Assert.Equal(storage.ResolveAt("name"), accountName.Value);
        Assert.EndsWith($", {containerName.Value})", container.ResolveAt("name"));
        Assert.Equal(
            $"format('{{0}}{{1}}', format('https://{{0}}.blob.{{1}}/', {accountName.Reference}, environment().suffixes.storage), {containerName.Reference})",
            Site.ResolveAt("properties.functionAppConfig.deployment.storage.value"));
        Assert.Equal("None", container.String("properties.publicAccess"));
    }

    [Fact]
    public void TheAppsStorageAccountHoldsTheQueuesTheFunctionsReadAndTheHostsPoisonQueues()
    {
        var storage = _template.Single("Microsoft.Storage/storageAccounts");
        var queueService = _template.Single("Microsoft.Storage/storageAccounts/queueServices");
        var queues = _template.Single("Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Equal(["notifications", "notifications-poison", "narratives", "narratives-poison", "notice-narratives", "notice-narratives-poison"], queues.LoopItems());
        Assert.Equal($"format('{{0}}/{{1}}', {storage.ResolveAt("name")}, 'default')", queueService.ResolveAt("name"));
        Assert.StartsWith($"format('{{0}}/{{1}}/{{2}}', {storage.ResolveAt("name")}, 'default', ", queues.ResolveAt("name"));
        Assert.Same(storage.Module, queues.Module);
        var accountName = storage.Module!.Output("name");
        Assert.Equal(storage.ResolveAt("name"), accountName.Value);
        Assert.Equal($"format('https://{{0}}.queue.{{1}}/', {accountName.Reference}, environment().suffixes.storage)",
            AppSettings()["AzureWebJobsStorage__queueServiceUri"]);

        // The host moves a message that keeps failing on a queue to '<queue>-poison'.
        foreach (var queue in queues.LoopItems().Where(q => !q.EndsWith("-poison", StringComparison.Ordinal)))
        {
            Assert.Contains($"{queue}-poison", queues.LoopItems());
        }

        // Storage queue names: 3-63 lower-case letters, digits and single hyphens, starting and ending alphanumeric.
        Assert.All(queues.LoopItems(), name => Assert.Matches("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", name));
    }

    [Fact]
    public void StorageAcceptsNoSharedKeysNoAnonymousReadsAndOnlyModernTls()
    {
        var storage = _template.Single("Microsoft.Storage/storageAccounts");

        Assert.False(storage["properties.allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(storage["properties.allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", storage.String("properties.minimumTlsVersion"));
        Assert.True(storage["properties.supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.DoesNotContain("listKeys(", _template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", _template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheIdentityHoldsExactlyTheDataRolesTheAppNeedsEachOnItsOwnResource()
    {
        var expected = new Dictionary<string, string>
        {
            [StorageBlobDataOwner] = "Microsoft.Storage/storageAccounts",
            [StorageTableDataContributor] = "Microsoft.Storage/storageAccounts",
            [StorageQueueDataContributor] = "Microsoft.Storage/storageAccounts",
            [MonitoringMetricsPublisher] = "Microsoft.Insights/components",
            [KeyVaultSecretsUser] = "Microsoft.KeyVault/vaults",
        };

        var granted = _template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(r => r.ResolveAt("properties.principalId") == IdentityPrincipalId)
            .ToList();

        var roles = granted.Select(r => RoleGuid(r.ResolveAt("properties.roleDefinitionId"))).Order().ToList();
        Assert.Equal(expected.Keys.Order(), roles);
        foreach (var assignment in granted)
        {
            var role = RoleGuid(assignment.ResolveAt("properties.roleDefinitionId"));
            Assert.StartsWith("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ", assignment.ResolveAt("properties.roleDefinitionId"));
            Assert.Contains($"resourceId('{expected[role]}'", assignment.ResolveAt("scope"));
            Assert.Equal("ServicePrincipal", assignment.String("properties.principalType"));
            Assert.Null(assignment["condition"]);
        }
    }

    [Fact]
    public void NoRoleAssignmentGrantsControlOfTheSubscriptionOrResourceGroup()
    {
        foreach (var assignment in _template.OfType("Microsoft.Authorization/roleAssignments"))
        {
            var role = RoleGuid(assignment.ResolveAt("properties.roleDefinitionId"));
            Assert.DoesNotContain(role, new[]
            {
                "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", // Owner
                "b24988ac-6180-42a0-ab88-20f7382dd24c", // Contributor
                "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", // User Access Administrator
            });
            Assert.NotNull(assignment["scope"]);
        }
    }

    [Fact]
    public void TelemetryIsAcceptedOnlyWithAnEntraTokenOfTheAppsIdentity()
    {
        var insights = _template.Single("Microsoft.Insights/components");
        Assert.True(insights["properties.DisableLocalAuth"]!.GetValue<bool>());
        Assert.Equal(_template.Single("Microsoft.OperationalInsights/workspaces").IdExpression(),
            insights.ResolveAt("properties.WorkspaceResourceId"));

        var settings = AppSettings();
        Assert.Equal($"format('ClientId={{0}};Authorization=AAD', {IdentityClientId})", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        var connectionString = insights.Module!.Output("connectionString");
        Assert.Equal(connectionString.Reference, settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal($"reference({insights.IdExpression()}, '{insights.String("apiVersion")}').ConnectionString", connectionString.Value);
    }

    [Fact]
    public void KeyVaultUsesRbacAndKeepsDeletedSecrets()
    {
        var vault = _template.Single("Microsoft.KeyVault/vaults");

        Assert.True(vault["properties.enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(vault["properties.enableSoftDelete"]!.GetValue<bool>());
        Assert.InRange(vault["properties.softDeleteRetentionInDays"]!.GetValue<int>(), 7, 90);
        Assert.Null(vault["properties.accessPolicies"]);
        Assert.Empty(_template.OfType("Microsoft.KeyVault/vaults/secrets"));
    }

    [Fact]
    public void StorageSettingsAreKeylessAndNameTheAppsIdentity()
    {
        var settings = AppSettings();
        var accountName = _template.Single("Microsoft.Storage/storageAccounts").Module!.Output("name").Reference;

        Assert.Equal("'managedidentity'", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(IdentityClientId, settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal(accountName, settings["AzureWebJobsStorage__accountName"]);
        foreach (var service in new[] { "blob", "table", "queue" })
        {
            Assert.Equal($"format('https://{{0}}.{service}.{{1}}/', {accountName}, environment().suffixes.storage)",
                settings[$"AzureWebJobsStorage__{service}ServiceUri"]);
        }

        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "a plain AzureWebJobsStorage would be a connection string with a key");
    }

    [Fact]
    public void SecretsComeFromKeyVaultReferencesAndOtherSettingsFromParameters()
    {
        var settings = AppSettings();

        var adminKey = settings["Commissioning__AdminKey"];
        var vaultName = _template.Single("Microsoft.KeyVault/vaults").Module!.Output("name").Reference;
        Assert.Equal($"format('@Microsoft.KeyVault(SecretUri={{0}}Commissioning--AdminKey)', format('https://{{0}}{{1}}/secrets/', {vaultName}, environment().suffixes.keyvaultDns))", adminKey);
        Assert.Equal("'false'", settings["Notifications__AllowLoopback"]);
        Assert.Equal("parameters('advisorEndpoint')", settings["Advisor__Endpoint"]);
        Assert.Equal("parameters('advisorModel')", settings["Advisor__Model"]);

        var appSettings = Site.String("properties.siteConfig.appSettings");
        Assert.StartsWith("[concat(variables('coreAppSettings')", appSettings);
        Assert.Contains("Webhooks__{0}", _template.Text);
        Assert.Contains("@Microsoft.KeyVault(SecretUri={0}Webhooks--{1})", _template.Text);
    }

    [Fact]
    public void TheWeeklyTimersScheduleResolvesFromAnAppSettingOfEveryDeployment()
    {
        // The timer is [TimerTrigger("%WeeklySummarySchedule%")]: the host resolves it from app settings, and a
        // missing setting keeps the function from being indexed. Six NCRONTAB fields, UTC (Flex has no time zone):
        // second 0, minute 0, every hour, every day of the month, every month, Monday.
        Assert.Equal("'0 0 * * * 1'", AppSettings()["WeeklySummarySchedule"]);
    }

    [Theory]
    [MemberData(nameof(SettingsFlexRejects))]
    public void NoSettingThatFlexConsumptionRejectsIsSet(string setting)
    {
        // The whole name as a token anywhere in the template (core or conditional settings alike), so that a short
        // name such as TZ is not found inside other words.
        Assert.DoesNotMatch(new Regex(
            $"(?<![A-Za-z0-9_]){Regex.Escape(setting)}(?![A-Za-z0-9_])",
            RegexOptions.IgnoreCase), _template.Text);
    }

    [Fact]
    public void TheDeploymentReportsTheAppNameUrlIdentityAndVault()
    {
        var outputs = _template.Root["outputs"]!.AsObject();

        foreach (var name in new[] { "functionAppName", "functionAppUrl", "identityClientId", "keyVaultName" })
        {
            Assert.True(outputs.ContainsKey(name), $"output {name} missing");
            Assert.Equal("string", (string)outputs[name]!["type"]!);
        }

        Assert.Equal($"[{IdentityClientId}]", (string)outputs["identityClientId"]!["value"]!);
    }

    [Fact]
    public void TheParametersFileSetsOnlyParametersTheTemplateDeclares()
    {
        var path = RepositoryPaths.Combine("artifacts", "bicep", "main.parameters.json");
        Assert.True(File.Exists(path), $"{path} is missing: run 'bash scripts/bicep.sh'");
        var parameters = JsonNode.Parse(File.ReadAllText(path))!["parameters"]!.AsObject();
        var declared = _template.Root["parameters"]!.AsObject();

        Assert.NotEmpty(parameters);
        Assert.All(parameters, pair => Assert.True(declared.ContainsKey(pair.Key), $"{pair.Key} is not a template parameter"));
        Assert.DoesNotContain(parameters, pair => pair.Key.Contains("key", StringComparison.OrdinalIgnoreCase)
                                                  || pair.Key.Contains("password", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The settings every deployment gets (name -> value resolved to main.bicep terms).</summary>
    private Dictionary<string, string> AppSettings()
    {
        var core = Site.Template["variables"]?["coreAppSettings"] as JsonArray
                   ?? throw new InvalidOperationException("the function app module has no coreAppSettings variable");
        return core.Select(node => node!.AsObject())
            .ToDictionary(o => (string)o["name"]!, o => Site.Resolve((string)o["value"]!));
    }

    /// <summary>The target framework of the function app's project (its own, or the one Directory.Build.props sets).</summary>
    private static string AppTargetFramework()
    {
        var projects = new[]
        {
            RepositoryPaths.Combine("functions", "Commissioning.Functions", "Commissioning.Functions.csproj"),
            RepositoryPaths.Combine("Directory.Build.props"),
        };
        return projects
                   .Select(path => XDocument.Load(path).Descendants("TargetFramework").Select(e => e.Value.Trim()).FirstOrDefault())
                   .FirstOrDefault(framework => framework is not null)
               ?? throw new InvalidOperationException("no TargetFramework in the function app's project or Directory.Build.props");
    }

    private static string RoleGuid(string roleDefinitionId)
    {
        var match = Regex.Match(roleDefinitionId, "'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'");
        Assert.True(match.Success, $"no built-in role id in {roleDefinitionId}");
        return match.Groups[1].Value;
    }
}
