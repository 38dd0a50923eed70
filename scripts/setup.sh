#!/usr/bin/env bash
# Installs what running and testing need on a fresh machine. Idempotent and quiet when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node tools pinned in package.json (Azurite storage emulator, mail catcher).
if [ ! -x node_modules/.bin/azurite ] || [ ! -x node_modules/.bin/maildev ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

# .NET packages.
dotnet restore Commissioning.sln --verbosity quiet
