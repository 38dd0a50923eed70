// Keep it Local commissioning advisor on Azure Functions Flex Consumption (Linux, .NET isolated worker).
// Keyless throughout: the app reaches storage, Application Insights and Key Vault with one user-assigned
// managed identity; no storage keys, no instrumentation-key ingestion, no secrets in app settings.
// Local modules only: registry modules (br/public:) cannot be restored on the machines that build this.
targetScope = 'resourceGroup'

@description('Short name used to derive every resource name. Lower-case letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param appName string = 'kil-advisor'

@description('Azure region for every resource. Flex Consumption is offered in a subset of regions (uksouth is one).')
param location string = resourceGroup().location

@description('Upper bound on instances Flex Consumption may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB (Flex Consumption offers 512, 2048 and 4096).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('OpenAI-compatible endpoint for the optional advisor narrative (empty: deterministic guidance only).')
param advisorEndpoint string = ''

@description('Model or deployment name the advisor asks for.')
param advisorModel string = ''

@description('Names of webhook secrets (letters and digits) that councils refer to; each is read from Key Vault secret Webhooks--{name}.')
param webhookNames string[] = []

@description('SMTP server for councillor summaries (empty: email is not sent). The password is Key Vault secret Smtp--Password.')
param smtpHost string = ''

@description('SMTP port (587 for STARTTLS submission).')
param smtpPort int = 587

@description('Sender address of councillor summaries.')
param smtpFrom string = ''

@description('SMTP user name (empty when the relay needs none).')
param smtpUserName string = ''

@description('Object id of the person or pipeline that sets secrets (az ad signed-in-user show --query id -o tsv). Empty: grant it yourself.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId is.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param operatorPrincipalType string = 'User'

@description('Key Vault purge protection. Recommended for production; once on, it cannot be turned off and a deleted vault name stays reserved for the retention period.')
param enablePurgeProtection bool = false

@description('Tags applied to every resource.')
param tags object = {
  product: 'keep-it-local-commissioning-advisor'
}

var suffix = uniqueString(resourceGroup().id, appName)
var compactName = toLower(replace(appName, '-', ''))
var names = {
  identity: 'id-${appName}-${suffix}'
  storage: take('st${compactName}${suffix}', 24)
  logAnalytics: 'log-${appName}-${suffix}'
  appInsights: 'appi-${appName}-${suffix}'
  keyVault: 'kv${take(compactName, 9)}${suffix}'
  plan: 'plan-${appName}-${suffix}'
  site: 'func-${appName}-${suffix}'
  deploymentContainer: 'app-package'
}

// The one identity the app runs as. User-assigned, so role assignments exist before the app is created
// and survive re-creating it; the host, the worker, deployments and Key Vault references all use it.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: names.deploymentContainer
    principalId: identity.properties.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    tags: tags
    principalId: identity.properties.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    enablePurgeProtection: enablePurgeProtection
    principalId: identity.properties.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    planName: names.plan
    siteName: names.site
    location: location
    tags: tags
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: keyVault.outputs.name
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    advisorEndpoint: advisorEndpoint
    advisorModel: advisorModel
    webhookNames: webhookNames
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpFrom: smtpFrom
    smtpUserName: smtpUserName
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = functionApp.outputs.url
output identityClientId string = identity.properties.clientId
output keyVaultName string = keyVault.outputs.name
output storageAccountName string = storage.outputs.name
