// Parameters for one deployment of the advisor. Secrets are not parameters: set them in Key Vault after the
// deployment (docs/deploy.md). Override any value with `-p name=value` on `az deployment group create`.
using 'main.bicep'

param appName = 'kil-advisor'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048

// Optional advisor narrative: an OpenAI-compatible endpoint (Azure OpenAI v1: https://<resource>.openai.azure.com/openai/v1/).
param advisorEndpoint = ''
param advisorModel = ''

// Webhook secret names councils may refer to (Key Vault secrets Webhooks--<name>), e.g. ['CamdenTeams', 'CamdenSlack'].
param webhookNames = []

// Councillor summary email; empty host turns email off.
param smtpHost = ''
param smtpPort = 587
param smtpFrom = ''
param smtpUserName = ''

// Who may set secrets: pass -p operatorPrincipalId=$(az ad signed-in-user show --query id -o tsv).
param operatorPrincipalId = ''
