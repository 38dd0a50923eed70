#!/usr/bin/env bash
# Imports the real published notices in samples/notices for the councils that published them, so a newcomer sees
# real notices scored: each council is registered (PUT /api/councils/{code}) with the buyer identifiers and names its
# notices carry, then each file that holds its notices is sent to POST /api/notices/{code}. Only the council's own
# scored tenders are stored; everything else in a file is scored and reported. Nothing in a file is fetched.
#
#   bash scripts/seed-notices.sh <base URL> <admin key>      e.g. bash scripts/seed-notices.sh http://localhost:7071 "$admin_key"
#
# Codes are the councils' ONS GSS codes today (Sheffield's since April 2025). Buyers in the files that are not
# councils (the Science Museum Group, MOPAC, universities, police, NHS bodies, parish councils) are not registered,
# and neither are councils whose notices here are award or contract notices only (Lancaster's Find a Tender UK7,
# Merton, Enfield, Liverpool …): those files would store nothing for them.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: seed-notices.sh <base URL> <admin key>}
admin_key=${2:?usage: seed-notices.sh <base URL> <admin key>}
folder=samples/notices
page=contractsfinder-ocds-search_2025-01-20T23-00-00_2025-01-23T23-00-00.json
csv=export-2020-08-05.csv

# code | name | buyer identifiers (comma-separated, as the notices carry them) | other buyer names (;-separated) | files
councils() {
  cat <<'TABLE'
E09000005|Brent Council||London Borough of Brent|ocds-b5fd17-2ca8d8dd-adc8-11e6-9901-0019b9f3037b-lbbrent-9neg-2tvy6y.json
E10000013|Gloucestershire County Council|||ocds-b5fd17-2c4e441d-adc8-11e6-9901-0019b9f3037b-glouc-9puc-592zaa.json
E09000008|Croydon Council|||ocds-b5fd17raw-a4e7375e-d7be-4fd7-ae79-9801682a7acd.json ocds-b5fd17raw-61c38955-77fb-4a29-b3af-8465bd1107de.json
E08000024|Sunderland City Council|||ocds-b5fd17raw-8a79c599-d165-4d72-a3d1-1dcb222a184f.json
E10000017|Lancashire County Council|GB-SRS-sid4gov.cabinetoffice.gov.uk/v2gr32H4||ocds-b5fd17raw-de149438-be34-427c-b23c-f0ff1e0ac781.json
W06000012|Neath Port Talbot Council||Neath Port Talbot County Borough Council|ocds-kuma6s-139455.json
W06000011|Swansea Council||Swansea City & County Council;City and County of Swansea|ocds-kuma6s-139455.json
S12000049|Glasgow City Council|||ocds-r6ebe6-0000567519.json
E06000032|Luton Council|GB-CFS-107313||PAGE
E06000061|North Northamptonshire Council|GB-SRS-supplierregistration.cabinetoffice.gov.uk/FdrJ277p||PAGE
E08000035|Leeds City Council|GB-CFS-186962||PAGE CSV
E06000066|Somerset Council|GB-SRS-sid4gov.cabinetoffice.gov.uk/XhPB26DC||PAGE
E08000039|Sheffield City Council|GB-CFS-187357||PAGE
E09000009|Ealing Council|GB-CFS-283428|London Borough of Ealing Council|PAGE
E07000210|Mole Valley District Council|GB-CFS-164491||PAGE
E06000065|North Yorkshire Council|GB-CFS-307553,GB-CFS-245947,GB-SRS-sid4gov.cabinetoffice.gov.uk/8s944V4W|The North Yorkshire Council|PAGE
E08000025|Birmingham City Council|GB-CFS-307489||PAGE
E09000015|Harrow Council|GB-CFS-53414||PAGE
E06000022|Bath and North East Somerset Council|GB-CFS-95246||PAGE
E09000019|Islington Council|GB-CFS-240942||PAGE
E06000058|Bournemouth, Christchurch and Poole Council|GB-CFS-207906||PAGE
E10000024|Nottinghamshire County Council|GB-CFS-171860||PAGE
E08000027|Dudley Metropolitan Borough Council|GB-CFS-83384||PAGE
E10000015|Hertfordshire County Council|GB-CFS-198904|Hertfordshire County Council - Children's Services|PAGE
E06000047|Durham County Council|GB-LAE-DUR,GB-CFS-107286||PAGE
E10000019|Lincolnshire County Council|GB-CFS-51222||PAGE
E06000016|Leicester City Council|||CSV
E06000020|Telford & Wrekin Council|||CSV
E09000017|Hillingdon Council||London Borough of Hillingdon|CSV
E09000001|City of London Corporation|||CSV
E06000018|Nottingham City Council|||CSV
E08000021|Newcastle City Council|GB-LAE-NET||CSV
E06000011|East Riding of Yorkshire Council|GB-SRS-sid4gov.cabinetoffice.gov.uk/AB9AP52C||CSV
E07000036|Erewash Borough Council|GB-SRS-sid4gov.cabinetoffice.gov.uk/ZY257YSU||CSV
E10000008|Devon County Council|||CSV
E06000054|Wiltshire Council|||CSV
E08000022|North Tyneside Council|||CSV
TABLE
}

record() {   # record <code> <name> <identifiers> <names>: the council record as JSON
  node -e '
    const [code, name, ids, names] = process.argv.slice(1);
    const list = (s, sep) => s ? s.split(sep).map((x) => x.trim()).filter(Boolean) : undefined;
    console.log(JSON.stringify({ code, name, buyerIdentifiers: list(ids, ","), buyerNames: list(names, ";") }));
  ' "$@"
}

outcome() {   # what an import answered, in one line
  node -e '
    let s = ""; process.stdin.on("data", (d) => s += d).on("end", () => {
      try {
        const v = JSON.parse(s);
        if (!v.results) { console.log(v.detail || v.title || ""); return; }
        const count = (status) => v.results.filter((r) => r.status === status).length;
        const stored = v.results.filter((r) => ["created", "updated", "unchanged"].includes(r.status)).map((r) => r.scorecard.plan.title);
        console.log(`${count("created")} created, ${count("updated")} updated, ${count("unchanged")} unchanged, ` +
          `${count("rejected")} another buyer, ${count("outcome-only") + count("not-scored")} not scored` + (stored.length ? `: ${stored.join("; ").slice(0, 90)}` : ""));
      } catch { console.log(""); }
    });'
}

echo "== published notices (samples/notices): the councils that published them"
while IFS='|' read -r code name ids names files; do
  [ -n "$code" ] || continue
  status=$(record "$code" "$name" "$ids" "$names" | curl -sS -o /dev/null -w '%{http_code}' -X PUT "$base/api/councils/$code" \
    -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' --data-binary @-)
  if [ "$status" != 200 ] && [ "$status" != 201 ]; then echo "   $code $name: could not register ($status)"; continue; fi
  for file in $files; do
    case $file in PAGE) file=$page ;; CSV) file=$csv ;; esac
    type=application/json; [ "${file##*.}" = csv ] && type=text/csv
    answer=$(curl -sS -w '\n%{http_code}' -X POST "$base/api/notices/$code" -H "X-Api-Key: $admin_key" -H "Content-Type: $type" \
      --data-binary "@$folder/$file")
    printf '   %s %-36s %s %s\n' "$code" "${name:0:36}" "${answer##*$'\n'}" "$(echo "${answer%$'\n'*}" | outcome)"
  done
done < <(councils)

cat <<INFO
   Their notices: $base/api/app/council?code=E09000005 (Brent; any council code above; use the admin key on the page),
   or curl -H "X-Api-Key: <admin key>" "$base/api/notices/E10000017" and its guidance:
   "$base/api/notices/E10000017/ocds-b5fd17-de149438-be34-427c-b23c-f0ff1e0ac781/guidance?format=md"
INFO
