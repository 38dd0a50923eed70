// Key Vault for the secrets the app reads through Key Vault references: the admin key, webhook URLs,
// the model key and the SMTP password. Access is Azure RBAC only (no access policies). Secrets are set by
// an operator with `az keyvault secret set`, never passed through a deployment (so never in its history).

@description('Key Vault name (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags object
param enablePurgeProtection bool

@description('Principal id of the app\'s user-assigned identity.')
param principalId string

@description('Object id of whoever sets the secrets; empty to grant that yourself.')
param operatorPrincipalId string

param operatorPrincipalType string

// Built-in role definitions (same ids in every tenant).
var roles = {
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The service rejects an explicit false: leave it unset unless turning it on.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
  }
}

// Key Vault Secrets User: lets the platform resolve @Microsoft.KeyVault(...) app settings as the app's
// identity (keyVaultReferenceIdentity). Read-only, secrets only.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets Officer: lets the operator (or the release pipeline) set and rotate the secrets.
resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

output name string = vault.name
