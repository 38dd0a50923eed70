#!/usr/bin/env bash
# Runs the service locally with sample data:
#   Azurite (in memory, ports 10000-10002: blobs, queues, tables) + the function app in its local runner on
#   http://localhost:7071 with a fresh dev admin key (HTTP functions, the weekly timer, the queue-triggered
#   deliveries), MailDev catching summary emails, the channel inbox catching Teams and Slack posts, and the demo
#   council seeded by scripts/seed-demo.mjs: twelve weeks of plans, last week's summary sent. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
base=http://localhost:7071
inbox=http://127.0.0.1:1090

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
node node_modules/maildev/dist/bin/maildev.js --smtp 1025 --web 1080 --ip 127.0.0.1 --web-ip 127.0.0.1 --silent &
pids+=($!)
wait_for "MailDev" bash -c 'exec 3<>/dev/tcp/127.0.0.1/1025'

echo "== channels: the channel inbox catching Teams and Slack posts ($inbox)"
node scripts/channel-inbox/server.mjs --port 1090 --host 127.0.0.1 >/dev/null &
pids+=($!)
wait_for "the channel inbox" curl -fsS "$inbox/healthz"

echo "== function app: building and starting the local runner on $base"
dotnet build functions/Commissioning.Functions -c Release -v q -nologo >/dev/null
admin_key="dev-admin-$(node -e 'console.log(require("crypto").randomBytes(18).toString("hex"))')"
# Links in emails and chat messages point at this app; the demo council's channels post to the inbox (loopback
# webhooks are allowed for local runs only).
Commissioning__AdminKey=$admin_key AzureWebJobsStorage=UseDevelopmentStorage=true ASPNETCORE_ENVIRONMENT=Development \
  Commissioning__PublicBaseUrl=$base Notifications__AllowLoopback=true \
  Webhooks__DemoTeams="$inbox/teams/commissioning" Webhooks__DemoSlack="$inbox/slack/councillors" \
  dotnet "$root/functions/Commissioning.Functions/bin/Release/net10.0/Commissioning.Functions.dll" --urls "$base" &
app_pid=$!
pids+=($app_pid)
wait_for "the function app" curl -fsS "$base/api/health"

echo "== demo data: twelve weeks of plans and last week's summary (scripts/seed-demo.mjs)"
seeded=$(node scripts/seed-demo.mjs --base "$base" --admin-key "$admin_key" --teams-webhook DemoTeams --slack-webhook DemoSlack) \
  || { echo "the demo data could not be seeded" >&2; exit 1; }
council_key=$(echo "$seeded" | json 'v.commissionerKey')
councillor_key=$(echo "$seeded" | json 'v.councillorKey')
bash scripts/seed-notices.sh "$base" "$admin_key" || echo "   (could not import the sample notices; carrying on)"

cat <<INFO

Running. Keys for this session (shown once):
  admin key                           $admin_key
  commissioner's key (E07000243)      $council_key
  councillor's key (E07000243)        $councillor_key

Open:
  $base/api/app/                         the commissioner's plan form (enter the commissioner's key when asked)
  $base/api/app/council?code=E07000243   the councillors' page: twelve weeks of trends (either key)
  $base/api/app/council?code=E09000005   real published notices, scored (Brent and the other councils that published them; admin key)
  http://127.0.0.1:1080                      the mail catcher: last week's summary is waiting there
  $inbox                         the channel inbox: the Teams cards and Slack messages the channels got
    (send another week: curl -X POST -H "X-Api-Key: $admin_key" "$base/api/summaries/E07000243/run?week=<a past ISO week>")

Try:
  curl $base/api/health
  curl $base/api/rubric
  curl $base/api/schema/plan
  curl $base/api/openapi.json
  curl -H "X-Api-Key: ${council_key:-$admin_key}" "$base/api/plans/E07000243"
  curl -H "X-Api-Key: ${council_key:-$admin_key}" "$base/api/plans/E07000243?week=$(date +%G-W%V)&band=red"
  and samples/requests.http (set @councilKey and @adminKey to the keys above)

Ctrl-C stops the function app, the channel inbox, MailDev and Azurite.
INFO
wait "$app_pid"
