#!/usr/bin/env bash
# Installs what running and testing need on a fresh machine. Idempotent and quiet when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium for the browser tests (Playwright drives it; its own browser download cannot work here).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install chromium' (the browser tests need /usr/bin/chromium)." >&2
  fi
fi

# Node tools pinned in package.json (Azurite storage emulator, MailDev mail catcher, axe-core accessibility checks,
# Redocly's OpenAPI linter, the Adaptive Cards renderer and markdown-it for the channel inbox).
if [ ! -x node_modules/.bin/azurite ] || [ ! -x node_modules/.bin/maildev ] || [ ! -f node_modules/axe-core/axe.min.js ] \
   || [ ! -x node_modules/.bin/redocly ] \
   || [ ! -f node_modules/adaptivecards/dist/adaptivecards.min.js ] || [ ! -f node_modules/markdown-it/dist/browser/markdown-it.umd.min.js ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

# .NET packages, and the pinned .NET tools (.config/dotnet-tools.json: Kiota for the generated-client test).
dotnet restore Commissioning.sln --verbosity quiet
dotnet tool restore >/dev/null
