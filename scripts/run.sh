#!/usr/bin/env bash
# Runs the service locally with sample data:
#   Azurite (in memory, ports 10000-10002: blobs, queues, tables) + the function app in its local runner on
#   http://localhost:7071 with a fresh dev admin key (HTTP functions, the weekly timer, the queue-triggered
#   deliveries), MailDev catching summary emails, the demo council registered, a council key issued, every sample
#   plan submitted. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
base=http://localhost:7071

bash scripts/setup.sh

pids=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "stopped"
}
trap stop_all EXIT INT TERM

wait_for() {   # wait_for <description> <command...>
  local what=$1; shift
  for _ in $(seq 1 120); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$what did not come up" >&2; exit 1
}
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);const r=('"$1"');console.log(r===undefined||r===null?"":r)})'; }

echo "== storage: Azurite in memory on 127.0.0.1:10000-10002"
node node_modules/azurite/dist/src/azurite.js --inMemoryPersistence --silent --skipApiVersionCheck --disableTelemetry \
  --blobHost 127.0.0.1 --blobPort 10000 --queueHost 127.0.0.1 --queuePort 10001 --tableHost 127.0.0.1 --tablePort 10002 &
pids+=($!)
wait_for "Azurite" bash -c 'exec 3<>/dev/tcp/127.0.0.1/10002'

echo "== mail: MailDev catching the weekly summaries (SMTP 127.0.0.1:1025, inbox http://127.0.0.1:1080)"
node node_modules/maildev/dist/bin/maildev.js --smtp 1025 --web 1080 --ip 127.0.0.1 --silent &
pids+=($!)
wait_for "MailDev" bash -c 'exec 3<>/dev/tcp/127.0.0.1/1025'

echo "== function app: building and starting the local runner on $base"
dotnet build functions/Commissioning.Functions -c Release -v q -nologo >/dev/null
admin_key="dev-admin-$(node -e 'console.log(require("crypto").randomBytes(18).toString("hex"))')"
Commissioning__AdminKey=$admin_key AzureWebJobsStorage=UseDevelopmentStorage=true ASPNETCORE_ENVIRONMENT=Development \
  dotnet "$root/functions/Commissioning.Functions/bin/Release/net10.0/Commissioning.Functions.dll" --urls "$base" &
app_pid=$!
pids+=($app_pid)
wait_for "the function app" curl -fsS "$base/api/health"

echo "== demo council E07000243"
council_file=samples/councils/E07000243.json
if [ -f "$council_file" ]; then council_body=$(cat "$council_file")
else council_body='{"code":"E07000243","name":"Stevenage Borough Council","localPostcodeDistricts":["SG1","SG2"]}'; fi
curl -fsS -o /dev/null -X PUT "$base/api/councils/E07000243" -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' \
  --data-binary "$council_body" || echo "   (could not register the council; carrying on)"
council_key=$(curl -fsS -X POST "$base/api/councils/E07000243/keys" -H "X-Api-Key: $admin_key" | json 'v.key' || true)
bash scripts/seed-notices.sh "$base" "$admin_key" || echo "   (could not import the sample notices; carrying on)"

echo "== sample plans"
for plan in samples/plans/*.json; do
  [ -f "$plan" ] || continue
  key=$council_key
  code=$(json 'v.council&&v.council.code' < "$plan" 2>/dev/null || true)
  [ "$code" = "E07000243" ] && [ -n "$key" ] || key=$admin_key   # another council's plan: the admin may submit it
  answer=$(curl -sS -w '\n%{http_code}' -X POST "$base/api/plans" -H "X-Api-Key: $key" -H 'Content-Type: application/json' --data-binary "@$plan")
  status=${answer##*$'\n'}; body=${answer%$'\n'*}
  summary=$(echo "$body" | json 'v.scorecard ? v.scorecard.overall.score+" "+v.scorecard.overall.band+" -> "+v.links.guidanceHtml : (v.title||"")' 2>/dev/null | tail -1 || true)
  printf '   %-48s %s %s\n' "$(basename "$plan")" "$status" "$summary"
done

cat <<INFO

Running. Keys for this session (shown once):
  admin key                 $admin_key
  council key (E07000243)   ${council_key:-<not issued>}

Open:
  $base/api/app/                         the commissioner's plan form (enter the council key when asked)
  $base/api/app/council?code=E07000243   the councillors' page for the demo council
  $base/api/app/council?code=E09000005   real published notices, scored (Brent; the councils above; admin key)
  http://127.0.0.1:1080                      the mail catcher: weekly summaries land here
    (send one now: curl -X POST -H "X-Api-Key: $admin_key" "$base/api/summaries/E07000243/run?week=<a past ISO week>")

Try:
  curl $base/api/health
  curl $base/api/rubric
  curl $base/api/schema/plan
  curl $base/api/openapi.json
  curl -H "X-Api-Key: ${council_key:-$admin_key}" "$base/api/plans/E07000243"
  curl -H "X-Api-Key: ${council_key:-$admin_key}" "$base/api/plans/E07000243?week=$(date +%G-W%V)&band=red"
  and samples/requests.http (set @councilKey and @adminKey to the keys above)

Ctrl-C stops the function app, MailDev and Azurite.
INFO
wait "$app_pid"
