#!/usr/bin/env bash
# Lighthouse's accessibility score of the overview and the weekly review, in the light and the dark theme, signed in. The
# app runs from a build (default: the Debug build of Dashboard.Web) over a fresh SQLite store: the sample data of a first
# start, or the export CSV given. Lighthouse 12.2.3 (13 wants Node 22) is installed into a temporary folder with npm.
# Usage: bench/lighthouse.sh [CSV] [APP_DIR]
# Needs: Node 20 and npm, Debian's chromium (CHROME_PATH, default /usr/bin/chromium).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
csv=${1:-}
app=${2:-$root/Dashboard.Web/bin/Debug/net10.0}
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Dashboard="Data Source=$work/lighthouse.db" Uploads__Folder="$work/uploads" \
  Auth__Admin__UserName=lighthouse Auth__Admin__Password=lighthouse-password-1 Models__TrainOnFirstStart=false Logging__LogLevel__Default=Warning

(cd "$work" && npm init -y >/dev/null && npm i -E lighthouse@12.2.3 >/dev/null 2>&1)
cd "$root/Dashboard.Web" # the content root of a build (its static web assets)
if [ -n "$csv" ]; then "$app/Dashboard.Web" import "$csv" >/dev/null; fi
"$app/Dashboard.Web" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/account/login" && break; sleep 1; done

# Sign in as a browser would: the form's antiforgery token, then the post; the cookies go to Lighthouse as a header.
jar=$work/cookies
token=$(curl -fs -c "$jar" "http://127.0.0.1:$port/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
  --data-urlencode "Input.UserName=lighthouse" --data-urlencode "Input.Password=lighthouse-password-1" "http://127.0.0.1:$port/account/login"
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")
curl -fs -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$port/api/orders/overview" # warms the frames

for theme in light dark; do
  for path in / /weekly; do
    "$work/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$path" --quiet --only-categories=accessibility --output=json \
      --output-path="$work/report.json" --extra-headers="{\"Cookie\": \"${cookie}dashboard-theme=$theme\"}" \
      --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking"
    python3 - "$work/report.json" "$path" "$theme" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
category = report["categories"]["accessibility"]
failed = [a for a in category["auditRefs"] if report["audits"][a["id"]]["score"] == 0]
print(f'{sys.argv[2]:8} {sys.argv[3]:5} accessibility {round(category["score"] * 100)}  failed: {", ".join(a["id"] for a in failed) or "none"}  ({report["finalDisplayedUrl"]})')
PY
  done
done
