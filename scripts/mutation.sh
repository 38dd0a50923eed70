#!/usr/bin/env bash
# Mutation testing of the scoring engine (functions/Commissioning.Domain/Scoring/) with Stryker.NET, against the
# domain tests. Too slow for every CI run (about half an hour for all of Scoring/ on two cores), so it is run by hand:
#
#   bash scripts/mutation.sh                                     # all of Scoring/, prints the mutation score
#   bash scripts/mutation.sh --mutate "**/Scoring/AlertRules.cs" # one file while working on it
#
# Extra arguments go to Stryker (a --mutate given here replaces the default). The HTML report and the log are
# written under StrykerOutput/ (not committed). Exits non-zero below a 90% mutation score.
#
# The two property test classes (MissingAnswerPropertyTests, ImprovementPropertyTests) are left out: each scores
# thousands of generated plans, which every one of the ~1,600 mutants would wait for, and a changed rule must be
# noticed by the tests written for it.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null

mutate=(--mutate "**/Scoring/**/*.cs")
for argument in "$@"; do
  if [[ "$argument" == "--mutate" || "$argument" == "-m" ]]; then
    mutate=()
  fi
done

cd tests/Commissioning.Domain.Tests
dotnet stryker \
  --project Commissioning.Domain.csproj \
  --configuration Release \
  --output ../../StrykerOutput \
  --reporter progress --reporter html --reporter json --reporter cleartext \
  --break-at 90 --threshold-low 90 --threshold-high 95 \
  --test-case-filter "FullyQualifiedName!~MissingAnswerPropertyTests&FullyQualifiedName!~ImprovementPropertyTests" \
  "${mutate[@]}" "$@"
