// The app's storage account: host leases and keys, the deployment package, plans, guidance, summaries,
// tables and the queues behind the queue-triggered functions. Shared keys are off for the whole account
// (blob, table and queue alike), so every caller authenticates with Entra ID (the app's identity).

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
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

// The queues the app's queue-triggered functions read, and the poison queues the host moves a message to once
// it has failed maxDequeueCount times (host.json extensions.queues): the host names them '<queue>-poison'.
// Teams/Slack delivery reads 'notifications', the recorder of failed deliveries reads 'notifications-poison',
// the advisor narrative reads 'narratives' (plans) and 'notice-narratives' (imported notices); nothing reads
// 'narratives-poison' or 'notice-narratives-poison', which keep what gave up.
// (Should the recorder itself keep failing, the host moves its message on to 'notifications-poison-poison'.)
// The names are fixed by the app code (StorageLayout). The host would create a missing poison queue itself;
// declaring them here makes them visible (and monitorable) from the first deployment.
var queueNames = [
  'notifications'
  'notifications-poison'
  'narratives'
  'narratives-poison'
  'notice-narratives'
  'notice-narratives-poison'
]

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

// No shared keys here either: allowSharedKeyAccess on the account above covers the queue service.
resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

// Storage Blob Data Owner: the Functions host keeps its leases (the timer's single-instance lock) and keys
// in blobs, Flex Consumption reads the deployment package from the container above, and the app writes
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

// Storage Queue Data Contributor: the host's queue trigger peeks, reads, updates (visibility timeout) and
// deletes messages on the queues above and, when one exhausts its dequeue count, writes it to the poison queue
// (creating that queue if it is missing); and the app itself enqueues deliveries and narratives after a
// submission is stored. Reader or Message Processor would let neither the host move a poison message nor the
// app send one; Contributor covers both, on this account's queues only.
resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, roles.storageQueueDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = account.name
output deploymentContainerName string = deploymentContainer.name
