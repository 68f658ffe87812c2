#!/usr/bin/env bash
# PostgreSQL import benchmark (decision 0013): the real Amazon export imported by a whole process into a fresh PostgreSQL
# database (binary COPY into a staging table, then one upsert), then imported again (every line unchanged), against the
# floor: psql's \copy of the same file into an unindexed table of text columns (no parsing, no validation, no upsert).
# Same machine, same run; prints the median wall time of RUNS runs.
# Usage: bench/import-postgres.sh [DATA_DIR] [RUNS]     (DATA_DIR defaults to ../shared/data)
# Needs: a PostgreSQL server and a role that may create databases: DASHBOARD_BENCH_POSTGRES (an Npgsql connection string
# without Database, default the one .ci/run creates) and the matching PG* variables for psql (default the same role).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/data}
runs=${2:-3}
server=${DASHBOARD_BENCH_POSTGRES:-Host=127.0.0.1;Port=5432;Username=dashboard;Password=dashboard}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-dashboard} PGPASSWORD=${PGPASSWORD:-dashboard}
work=$(mktemp -d)
db=dashboard_bench_import
trap 'rm -rf "$work"; psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE);" 2>/dev/null || true' EXIT

echo "Publishing Dashboard.Web (dotnet publish -c Release, as the README) ..." >&2
dotnet publish "$root/Dashboard.Web" -c Release -o "$work/app" >/dev/null
csv="$work/amazon-sale-report.csv"
zcat "$data/amazon-sale-report.csv.gz" > "$csv"
rows=$(($(wc -l < "$csv") - 1))
columns=$(head -1 "$csv" | python3 -c "import sys, csv; print(', '.join(f'c{i} text' for i, _ in enumerate(next(csv.reader(sys.stdin)))))")

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }; cat "$work/time"; }
fresh() { psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE);" 2>/dev/null; psql -d postgres -qc "CREATE DATABASE $db;"; }

floor=() first=() again=()
for ((i = 0; i < runs; i++)); do
  fresh
  psql -d "$db" -qc "CREATE TABLE raw_copy ($columns);"
  floor+=("$(seconds psql -d "$db" -qc "\\copy raw_copy FROM '$csv' WITH (FORMAT csv, HEADER true)")")
  fresh
  export Store__Provider=PostgreSQL ConnectionStrings__Dashboard="$server;Database=$db"
  first+=("$(seconds "$work/app/Dashboard.Web" import "$csv")")
  again+=("$(seconds "$work/app/Dashboard.Web" import "$csv")")
  unset Store__Provider ConnectionStrings__Dashboard
done
f=$(printf '%s\n' "${floor[@]}" | median); a=$(printf '%s\n' "${first[@]}" | median); b=$(printf '%s\n' "${again[@]}" | median)
printf '%-26s %8s %12s %14s %8s %18s\n' file rows "psql \\copy s" "first import s" ratio "same file again s"
printf '%-26s %8d %12s %14s %8s %18s\n' amazon-sale-report.csv "$rows" "$f" "$a" "$(awk -v a="$a" -v f="$f" 'BEGIN {printf "%.1fx", a / f}')" "$b"
echo "runs: $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
