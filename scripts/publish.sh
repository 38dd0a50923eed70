#!/usr/bin/env bash
# Assembles the Azure Functions package for Flex Consumption (runtime "custom"):
#
#   dist/host.json                       customHandler -> handler/Commissioning.Functions
#   dist/handler/Commissioning.Functions the self-contained linux-x64 handler (executable bit kept)
#   dist/templates/                      Scriban templates (found from the working directory, the package root)
#   dist/<Function>/function.json        one folder per functions/*/function.json in the repository
#   dist.zip                             the same tree, what `az functionapp deploy --type zip` uploads
#
# Cold start matters on a consumption plan: the handler is published ReadyToRun (precompiled, so little JIT at
# start) with tiered PGO, and without ICU (InvariantGlobalization). No trimming or native AOT: ASP.NET Core
# minimal APIs with reflection-based JSON, the Azure SDK and Scriban are not trim-safe.
set -euo pipefail
cd "$(dirname "$0")/.."

dist=dist
rm -rf "$dist" dist.zip
mkdir -p "$dist"

dotnet publish functions/Commissioning.Functions/Commissioning.Functions.csproj \
  -c Release -r linux-x64 --self-contained \
  -p:PublishReadyToRun=true \
  -p:TieredPGO=true \
  -p:InvariantGlobalization=true \
  -o "$dist/handler" --verbosity quiet -nologo

handler="$dist/handler/Commissioning.Functions"
[ -f "$handler" ] || { echo "publish: $handler was not produced" >&2; exit 1; }
chmod 755 "$handler"

# One copy of the templates, at the package root (the handler finds them from its working directory).
rm -rf "$dist/handler/templates"
cp -R templates "$dist/templates"

cp host.json "$dist/host.json"

# Function folders: every folder under functions/ that holds a function.json (the project folders do not).
count=0
for definition in functions/*/function.json; do
  [ -f "$definition" ] || continue
  name=$(basename "$(dirname "$definition")")
  mkdir -p "$dist/$name"
  cp "$definition" "$dist/$name/function.json"
  count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "publish: no functions/*/function.json found" >&2; exit 1; }

# Zip with Unix modes (the host must be able to execute the handler). -X leaves out extra attributes that
# change between runs.
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
                archive.writestr(info, source.read())   # from_file keeps st_mode in external_attr
PY
fi

size=$(du -k dist.zip | cut -f1)
echo "publish: $dist/ and dist.zip (${size} KB, $count function(s))"
