#!/usr/bin/env bash
# Import benchmark (decisions 0003 and 0006): each real file imported by a whole process, against
#   - the raw-text floor: sqlite3 DB ".mode csv" ".import FILE t" (no parsing, no validation, no upsert), and
#   - pandas.read_csv + DataFrame.to_sql,
# on the same machine in the same run. Prints the median wall time of RUNS runs and our peak memory.
# Usage: bench/import.sh [DATA_DIR] [RUNS]     (DATA_DIR defaults to ../shared/data)
# Needs: sqlite3, /usr/bin/time, and for the pandas column python3-pandas (apt-get install -y sqlite3 time python3-pandas).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/data}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Published exactly as the README says (ReadyToRun comes from the project file), so the measured import is the users' one.
echo "Publishing Dashboard.Web (dotnet publish -c Release, as the README) ..." >&2
dotnet publish "$root/Dashboard.Web" -c Release -o "$work/app" >/dev/null
app="$work/app/Dashboard.Web"

have_pandas=1
/usr/bin/python3 -c "import pandas" 2>/dev/null || have_pandas=0

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { # command... -> prints wall seconds and peak KB of the whole process
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  cat "$work/time"
}

printf '%-34s %8s %10s %10s %8s %10s %8s %10s\n' file rows "sqlite3 s" "ours s" ratio "pandas s" ratio "peak MB"
for gz in amazon-sale-report.csv.gz black-friday-train-noids.csv.gz black-friday-test.csv.gz; do
  csv="$work/${gz%.gz}"
  zcat "$data/$gz" > "$csv"
  rows=$(($(wc -l < "$csv") - 1))
  floor=() ours=() peak=() pandas=()
  for ((i = 0; i < runs; i++)); do
    rm -f "$work"/*.db*
    floor+=("$(seconds sqlite3 "$work/floor.db" ".mode csv" ".import $csv t" | cut -d' ' -f1)")
    rm -f "$work"/*.db*
    read -r s kb < <(ConnectionStrings__Dashboard="Data Source=$work/ours.db" seconds "$app" import "$csv")
    ours+=("$s"); peak+=("$kb")
    if [ $have_pandas = 1 ]; then
      rm -f "$work"/*.db*
      pandas+=("$(seconds /usr/bin/python3 -c "
import sqlite3, sys, pandas as pd
df = pd.read_csv(sys.argv[1], low_memory=False)
with sqlite3.connect(sys.argv[2]) as c:
    df.to_sql('t', c, index=False)
" "$csv" "$work/pandas.db" | cut -d' ' -f1)")
    fi
  done
  f=$(printf '%s\n' "${floor[@]}" | median)
  o=$(printf '%s\n' "${ours[@]}" | median)
  m=$(printf '%s\n' "${peak[@]}" | sort -n | tail -1)
  if [ $have_pandas = 1 ]; then
    p=$(printf '%s\n' "${pandas[@]}" | median)
    pr=$(awk -v o="$o" -v p="$p" 'BEGIN {printf "%.2f", o / p}')
  else
    p=n/a; pr=n/a
  fi
  printf '%-34s %8d %10s %10s %8s %10s %8s %10d\n' "${gz%.gz}" "$rows" "$f" "$o" \
    "$(awk -v o="$o" -v f="$f" 'BEGIN {printf "%.2f", o / f}')" "$p" "$pr" $((m / 1024))
done
echo "ratio = ours / sqlite3 .import (target <= 1.5) and ours / pandas (target < 0.5); $runs runs, medians; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
