#!/usr/bin/env bash
# Builds and lints the Azure infrastructure (infra-bicep/) with the Bicep CLI, offline-friendly: the CLI comes
# from the NuGet package Azure.Bicep.CommandLine.linux-x64, which the package mirror serves, instead of the
# usual download. Any warning fails the run, like the C# build (warnings are errors); the linter rules raised to
# errors are listed in infra-bicep/bicepconfig.json.
# Produces artifacts/bicep/main.json and artifacts/bicep/main.parameters.json (read by the deployment tests).
set -euo pipefail
cd "$(dirname "$0")/.."

version=0.47.16   # the only recent version the package mirror serves
tools=.tools/bicep
packages=.tools/nuget
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"

if [ ! -f "$bicep" ]; then
  mkdir -p "$tools"
  # A throwaway project whose only job is to download the package. The empty Directory.*.props stop the
  # repository's build settings (central package versions, warnings as errors) from applying to it.
  echo '<Project />' > "$tools/Directory.Build.props"
  echo '<Project />' > "$tools/Directory.Packages.props"
  cat > "$tools/bicep-cli.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$version]" />
  </ItemGroup>
</Project>
XML
  dotnet restore "$tools/bicep-cli.csproj" --packages "$packages" --verbosity quiet
fi
chmod +x "$bicep"   # NuGet does not keep the executable bit

out=artifacts/bicep
mkdir -p "$out"
log="$out/bicep.log"
rm -f "$out"/main.json "$out"/main.parameters.json   # never leave a stale template for the tests
: > "$log"
status=0
run() {
  if ! "$bicep" "$@" >>"$log" 2>&1; then status=1; fi
}
run build infra-bicep/main.bicep --outfile "$out/main.json"
run build-params infra-bicep/main.bicepparam --outfile "$out/main.parameters.json"
run lint infra-bicep/main.bicep   # lints the local modules it uses too

if [ "$status" -ne 0 ] || grep -qE ': (Warning|Error) ' "$log"; then
  sort -u "$log" >&2
  echo "bicep: build or lint failed (warnings count as errors)" >&2
  exit 1
fi
echo "bicep $version: built $out/main.json and $out/main.parameters.json, lint clean"
