#!/usr/bin/env bash
# Models benchmark (decisions 0005 and 0009): the real-data protocol for both tasks on ML.NET, scikit-learn on the SAME split in the
# same run, the leakage check with promotion-ids switched on, and the trees' training time with one CPU-bound process beside
# them. Usage: bench/models.sh [DATA_DIR]   (needs python3-sklearn python3-pandas for the comparison)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/data}
work=$(mktemp -d)
spinner=
trap '[ -n "$spinner" ] && kill "$spinner" 2>/dev/null; rm -rf "$work"' EXIT

dotnet build "$root/Dashboard.Web" -c Release -o "$work/app" >/dev/null
dotnet build "$root/Dashboard.Benchmarks" -c Release -o "$work/bench" >/dev/null
export ConnectionStrings__Dashboard="Data Source=$work/real.db"
for gz in amazon-sale-report.csv.gz black-friday-train-noids.csv.gz; do
  zcat "$data/$gz" > "$work/${gz%.gz}"
  "$work/app/Dashboard.Web" import "$work/${gz%.gz}" >/dev/null
done
bench="$work/bench/Dashboard.Benchmarks"

echo "== Dashboard on ML.NET, both tasks; load $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
"$bench" models "$work/real.db" --export "$work"
if /usr/bin/python3 -c "import sklearn, pandas" 2>/dev/null; then
  echo "== scikit-learn on the same split, load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/python3 "$root/bench/sklearn_models.py" "$work/black-friday-train-noids.csv" "$work"
fi
echo "== cancellation with promotion-ids switched on (the leakage check must flag it)"
"$bench" models "$work/real.db" --task cancellation --trees-only --promotion-ids | grep -A3 '"warnings"' || true
echo "== purchase trees' training time: without, then with one CPU-bound process beside them"
"$bench" models "$work/real.db" --task purchase --trees-only | grep -E '"model"|"train_seconds"|"train_cpu_seconds"'
/usr/bin/python3 -c 'while True: pass' & spinner=$!
"$bench" models "$work/real.db" --task purchase --trees-only | grep -E '"model"|"train_seconds"|"train_cpu_seconds"'
kill "$spinner"; spinner=
