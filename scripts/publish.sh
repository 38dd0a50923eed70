#!/usr/bin/env bash
# Builds the function app's deployment package for Flex Consumption (runtime dotnet-isolated 10.0): the Functions
# SDK's publish layout, zipped.
#
#   dist/host.json                 the host's configuration (the repository root's, unchanged)
#   dist/functions.metadata        every function, written by the SDK from the [Function] attributes
#   dist/worker.config.json        how the host starts the worker: dotnet Commissioning.Functions.dll
#   dist/extensions.json           the host extensions the triggers need (queues), in
#   dist/.azurefunctions/          their assemblies
#   dist/Commissioning.Functions.dll and its dependencies, templates/, Web/wwwroot/, appsettings.json
#   dist.zip                       the folder's contents, what `az functionapp deployment source config-zip` uploads
#
# Framework-dependent (the platform provides .NET 10) and ReadyToRun for linux-x64, so a cold start JITs little.
# local.settings.json (the emulator and the mail catcher, for the local runner) is never in the package.
set -euo pipefail
cd "$(dirname "$0")/.."

dist=dist
rm -rf "$dist" dist.zip

dotnet publish functions/Commissioning.Functions/Commissioning.Functions.csproj \
  -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true \
  \
  -o "$dist" --verbosity quiet -nologo

for required in host.json functions.metadata worker.config.json extensions.json .azurefunctions Commissioning.Functions.dll templates; do
  [ -e "$dist/$required" ] || { echo "publish: $dist/$required was not produced" >&2; exit 1; }
done
[ ! -e "$dist/local.settings.json" ] || { echo "publish: local.settings.json must not be packaged" >&2; exit 1; }

# Zip from inside the folder: `zip -r dist.zip *` would silently leave out the hidden .azurefunctions/ folder.
# -X leaves out extra attributes that change between runs.
if command -v zip >/dev/null 2>&1; then
  (cd "$dist" && zip -X -q -r ../dist.zip .)
else
  python3 - "$dist" dist.zip <<'PY'
import os, sys, zipfile
root, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            info = zipfile.ZipInfo.from_file(path, os.path.relpath(path, root))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as source:
                archive.writestr(info, source.read())
PY
fi

functions=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$dist/functions.metadata")
size=$(du -k dist.zip | cut -f1)
echo "publish: $dist/ and dist.zip (${size} KB, $functions functions)"
