#!/usr/bin/env bash
# Models benchmark (issue 6): the real-data protocol for both models, and scikit-learn on the same protocol in the
# same run for comparison. Usage: bench/models.sh [DATA_DIR]   (needs python3-sklearn python3-pandas for the comparison)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish "$root/Dashboard.Web" -c Release -o "$work/app" -p:PublishReadyToRun=true >/dev/null
dotnet build "$root/Dashboard.Benchmarks" -c Release >/dev/null
export ConnectionStrings__Dashboard="Data Source=$work/real.db"
for gz in amazon-sale-report.csv.gz black-friday-train-noids.csv.gz; do
  zcat "$data/$gz" > "$work/${gz%.gz}"
  "$work/app/Dashboard.Web" import "$work/${gz%.gz}" >/dev/null
done
bench=$(find "$root/Dashboard.Benchmarks/bin/Release" -name Dashboard.Benchmarks -type f | head -1)

echo "== Dashboard (in-process trainers), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$bench" models "$work/real.db"
echo "== Dashboard, cancellation with promotion-ids switched on (the leakage check must flag it)"
"$bench" models "$work/real.db" --promotion-ids | grep -A3 '"warnings"' || true
if /usr/bin/python3 -c "import sklearn, pandas" 2>/dev/null; then
  echo "== scikit-learn on the same protocol, load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/python3 "$root/bench/sklearn_purchase.py" "$work/black-friday-train-noids.csv"
fi
