// Log Analytics and workspace-based Application Insights with local (instrumentation-key) authentication off:
// telemetry is accepted only from callers holding an Entra ID token with Monitoring Metrics Publisher.

param logAnalyticsName string
param appInsightsName string
param location string
param tags object

@description('Principal id of the app\'s user-assigned identity.')
param principalId string

// Built-in role definition (same id in every tenant).
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

// Monitoring Metrics Publisher: with local auth off, the Functions host sends telemetry to Application
// Insights only as the app's identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), which needs this role.
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalId, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// The connection string names the ingestion endpoint; with local auth off it is not a credential.
output connectionString string = appInsights.properties.ConnectionString
output name string = appInsights.name
