// The app's storage account: host leases and keys, the deployment package, plans, guidance, summaries
// and tables. Shared keys are off, so every caller authenticates with Entra ID (the app's identity).

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags object

@description('Blob container Flex Consumption deploys the app package from.')
param deploymentContainerName string

@description('Principal id of the app\'s user-assigned identity.')
param principalId string

// Built-in role definitions (ids are the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Storage Blob Data Owner: the Functions host keeps its leases (the timer's single-instance lock) and keys
// in blobs, Flex Consumption reads the deployment package from the container above, and the handler writes
// plans, guidance and summaries. Owner rather than Contributor: the host's identity-based storage guidance
// asks for it, as the host creates and manages its own containers (azure-webjobs-hosts, -secrets).
resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, roles.storageBlobDataOwner)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Table Data Contributor: the app's tables (Plans, PlanVersions, PlansByWeek, Councils, Deliveries).
resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, roles.storageTableDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// No Storage Queue Data Contributor: the app has only HTTP and timer triggers, and the host needs queues only
// for queue or blob triggers. Add it here (974c5e8b-45b9-4653-ba55-5f855dd0fb88) if such a trigger arrives.

output name string = account.name
output deploymentContainerName string = deploymentContainer.name
