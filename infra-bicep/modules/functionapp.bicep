// The Flex Consumption plan and the function app. The app runs on the .NET isolated worker (runtime
// 'dotnet-isolated'): the Functions host reads the package's functions.metadata and worker.config.json, starts
// the app's dll with the platform's .NET and invokes its functions (HTTP, timer, queues) over gRPC.
// Flex Consumption takes runtime, deployment storage and scale from functionAppConfig and rejects or ignores
// the settings the older plans used (FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION,
// WEBSITE_RUN_FROM_PACKAGE, the content share settings, build settings, time zone...), so none appear here.

param planName string
param siteName string
param location string
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Client id of that identity: the host and the worker pick it with AzureWebJobsStorage__clientId.')
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param appInsightsConnectionString string
param keyVaultName string
param maximumInstanceCount int
param instanceMemoryMB int
param advisorEndpoint string
param advisorModel string
param webhookNames string[]
param smtpHost string
param smtpPort int
param smtpFrom string
param smtpUserName string

var blobServiceUri = 'https://${storageAccountName}.blob.${environment().suffixes.storage}/'
var tableServiceUri = 'https://${storageAccountName}.table.${environment().suffixes.storage}/'
var queueServiceUri = 'https://${storageAccountName}.queue.${environment().suffixes.storage}/'
var secretsUri = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/secrets/'

// Settings every deployment has. Storage is keyless: the host (its leases, the timer's lock, the queue
// triggers and their poison queues) and the worker build their clients from the account's service URIs and the
// user-assigned identity (credential + clientId), never a connection string. The queue triggers name no
// connection of their own, so they use these AzureWebJobsStorage__* settings.
var coreAppSettings = [
  { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
  { name: 'AzureWebJobsStorage__blobServiceUri', value: blobServiceUri }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: tableServiceUri }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: queueServiceUri }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
  { name: 'Commissioning__AdminKey', value: '@Microsoft.KeyVault(SecretUri=${secretsUri}Commissioning--AdminKey)' }
  // The weekly timer's schedule is %WeeklySummarySchedule%, so the host must find it here or it will not index
  // the function. Flex Consumption runs timers in UTC with no time-zone setting: fire hourly on Mondays and let
  // the function decide when it is 08:00 in Europe/London.
  { name: 'WeeklySummarySchedule', value: '0 0 * * * 1' }
  { name: 'Advisor__Endpoint', value: advisorEndpoint }
  { name: 'Advisor__Model', value: advisorModel }
  { name: 'Notifications__AllowLoopback', value: 'false' }
]

// A Key Vault reference whose secret is missing resolves to the reference text itself, so secret settings
// are added only for features that are configured.
var advisorAppSettings = empty(advisorEndpoint)
  ? []
  : [{ name: 'Advisor__ApiKey', value: '@Microsoft.KeyVault(SecretUri=${secretsUri}Advisor--ApiKey)' }]

var smtpAppSettings = empty(smtpHost)
  ? []
  : [
      { name: 'Smtp__Host', value: smtpHost }
      { name: 'Smtp__Port', value: string(smtpPort) }
      { name: 'Smtp__From', value: smtpFrom }
      { name: 'Smtp__UserName', value: smtpUserName }
      { name: 'Smtp__Password', value: '@Microsoft.KeyVault(SecretUri=${secretsUri}Smtp--Password)' }
    ]

// Councils name a channel's webhook (Webhooks:{name}); the URL itself is a secret in Key Vault.
var webhookAppSettings = [
  for webhook in webhookNames: {
    name: 'Webhooks__${webhook}'
    value: '@Microsoft.KeyVault(SecretUri=${secretsUri}Webhooks--${webhook})'
  }
]

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(coreAppSettings, advisorAppSettings, smtpAppSettings, webhookAppSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobServiceUri}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The .NET the app targets (net10.0): az functionapp list-flexconsumption-runtimes lists what a region offers.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployments authenticate with Entra ID (az functionapp deploy); publishing user names and passwords are off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
