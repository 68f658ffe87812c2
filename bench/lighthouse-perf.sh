#!/usr/bin/env bash
# Lighthouse 12.2.3's performance category of the overview and the weekly review, mobile (the default: simulated slow
# 4G and a 4x slower CPU) and desktop (--preset=desktop), signed in, over one or more publishes of the app
# (`dotnet publish Dashboard.Web -c Release -o DIR`), each over its own fresh SQLite store with the export CSV imported.
# Several publishes are measured interleaved (A, B, A, B ...), so that the machine's load falls on each alike; the load
# average is printed beside every run. Prints score, FCP, LCP, TBT, SI, TTI and CLS per run, then the medians.
# Usage: bench/lighthouse-perf.sh CSV RUNS DIR [DIR ...]      (e.g. /work/shared/data/amazon-sale-report.csv.gz 3 /tmp/pub)
# Needs: Node 20 and npm, Debian's chromium (CHROME_PATH, default /usr/bin/chromium). KEEP=1 keeps the JSON reports.
set -euo pipefail
csv=$1 runs=$2
shift 2
apps=("$@")
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -n "${KEEP:-}" ] && echo "reports: $work" || rm -rf "$work"' EXIT
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
(cd "$work" && npm init -y >/dev/null && npm i -E lighthouse@12.2.3 >/dev/null 2>&1)

ports=() cookies=()
for i in "${!apps[@]}"; do
  app=$(cd "${apps[$i]}" && pwd)
  port=$((20000 + RANDOM % 20000))
  mkdir -p "$work/app$i"
  (
    export ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Dashboard="Data Source=$work/app$i/dashboard.db" \
      Uploads__Folder="$work/app$i/uploads" Auth__Admin__UserName=lighthouse Auth__Admin__Password=lighthouse-password-1 \
      Models__TrainOnFirstStart=false Logging__LogLevel__Default=Warning
    cd "$app" # the publish is its own content root
    ./Dashboard.Web import "$csv" >/dev/null 2>&1
    exec ./Dashboard.Web --urls "http://127.0.0.1:$port" >"$work/app$i/app.log" 2>&1
  ) &
  pids+=($!)
  ports+=("$port")
done
for i in "${!apps[@]}"; do
  port=${ports[$i]}
  for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/account/login" && break; sleep 1; done
  # Sign in as a browser would: the form's antiforgery token, then the post; the cookies go to Lighthouse as a header.
  jar=$work/app$i/cookies
  token=$(curl -fs -c "$jar" "http://127.0.0.1:$port/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
    --data-urlencode "Input.UserName=lighthouse" --data-urlencode "Input.Password=lighthouse-password-1" "http://127.0.0.1:$port/account/login"
  cookies+=("$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")")
  for path in / /weekly; do curl -fs -o /dev/null -H "Cookie: ${cookies[$i]}" "http://127.0.0.1:$port$path"; done # warms the frames
done

results=$work/results.tsv
for run in $(seq 1 "$runs"); do
  for path in / /weekly; do
    for preset in mobile desktop; do
      for i in "${!apps[@]}"; do
        flags=()
        [ "$preset" = desktop ] && flags+=(--preset=desktop)
        report=$work/r-$run-${path//\//_}-$preset-$i.json
        load=$(cut -d' ' -f1 /proc/loadavg)
        "$work/node_modules/.bin/lighthouse" "http://127.0.0.1:${ports[$i]}$path" --quiet --only-categories=performance "${flags[@]}" \
          --output=json --output-path="$report" --extra-headers="{\"Cookie\": \"${cookies[$i]}\"}" \
          --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking"
        python3 - "$report" "$path" "$preset" "$(basename "${apps[$i]}")" "$run" "$load" <<'PY' | tee -a "$results"
import json, sys
r = json.load(open(sys.argv[1]))
a = r["audits"]
ms = lambda k: a[k].get("numericValue") or 0
print("\t".join([sys.argv[4], sys.argv[2], sys.argv[3], sys.argv[5], sys.argv[6], str(round(r["categories"]["performance"]["score"] * 100)),
                 *(f'{ms(k)/1000:.2f}' for k in ("first-contentful-paint", "largest-contentful-paint")), f'{ms("total-blocking-time"):.0f}',
                 *(f'{ms(k)/1000:.2f}' for k in ("speed-index", "interactive")), f'{ms("cumulative-layout-shift"):.3f}',
                 f'{ms("total-byte-weight")/1024:.0f}']))
PY
      done
    done
  done
done
echo
python3 - "$results" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
print("medians: app page preset | runs | load | score FCP(s) LCP(s) TBT(ms) SI(s) TTI(s) CLS KiB")
groups = {}
for r in rows:
    groups.setdefault(tuple(r[:3]), []).append(r)
for key, rs in groups.items():
    med = [statistics.median(float(r[c]) for r in rs) for c in range(5, 13)]
    loads = "-".join(sorted({r[4] for r in rs}, key=float)[::max(1, len(rs) - 1)])
    print(f'{" ".join(key):28} | {len(rs)} | {loads:9} | {med[0]:.0f} {med[1]:.2f} {med[2]:.2f} {med[3]:.0f} {med[4]:.2f} {med[5]:.2f} {med[6]:.3f} {med[7]:.0f}')
PY
