#!/usr/bin/env bash
# Runs every test from a fresh clone: installs what the tests need, builds warnings-as-errors,
# runs all test projects, and ends with one line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

mkdir -p artifacts
# The deployment tests read what these make: the compiled ARM template (artifacts/bicep/) and the package (dist.zip).
bash scripts/bicep.sh || { echo "bicep build or lint failed"; echo "0 passed, 1 failed"; exit 1; }
bash scripts/publish.sh > artifacts/publish.log 2>&1 || { tail -40 artifacts/publish.log; echo "publish failed (see artifacts/publish.log)"; echo "0 passed, 1 failed"; exit 1; }
tail -1 artifacts/publish.log
log=artifacts/test-output.log
dotnet build Commissioning.sln -c Release 2>&1 | tee artifacts/build.log | grep -E "error|Warn|Error" | tail -40
if [ "${PIPESTATUS[0]}" -ne 0 ]; then
  echo "build failed (see artifacts/build.log)"
  echo "0 passed, 1 failed"
  exit 1
fi

rm -rf artifacts/test-results
dotnet test Commissioning.sln -c Release --no-build --logger trx --logger "console;verbosity=normal" \
  --results-directory artifacts/test-results 2>&1 | tee "$log" \
  | grep -E "^\s*(Failed |Skipped )|Error Message|Total tests|^\s+(Passed|Failed|Skipped):" | tail -200
status=${PIPESTATUS[0]}

# Sum the counters of every test run (one .trx per test project).
read -r passed failed skipped < <(cat artifacts/test-results/*.trx 2>/dev/null \
  | grep -o '<Counters [^>]*>' \
  | sed -E 's/.* executed="([0-9]+)" passed="([0-9]+)" failed="([0-9]+)".* notExecuted="([0-9]+)".*/\2 \3 \4/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a crashed test host counts as a failure
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$status" -eq 0 ]
