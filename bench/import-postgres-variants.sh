#!/usr/bin/env bash
# bench/import-variants.sh for the PostgreSQL store: the Amazon import by several published folders side by side (e.g. the
# commits before and after a schema step's index), each round one psql \copy of the same file into an unindexed table of
# text columns (the floor), then with every folder in turn a first import into a fresh database. Prints wall s, user CPU s
# and peak KB per import; on a busy machine the folders alternate within each round so that the load hits them alike.
# Usage: bench/import-postgres-variants.sh CSV ROUNDS DIR...   (each DIR a `dotnet publish Dashboard.Web -c Release -o DIR`)
# Needs what bench/import-postgres.sh needs (DASHBOARD_BENCH_POSTGRES, PG* variables; same defaults).
set -u
csv=$1; rounds=$2; shift 2
server=${DASHBOARD_BENCH_POSTGRES:-Host=127.0.0.1;Port=5432;Username=dashboard;Password=dashboard}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-dashboard} PGPASSWORD=${PGPASSWORD:-dashboard}
db=dashboard_bench_variants
trap 'psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE);" 2>/dev/null || true' EXIT
fresh() { psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE);" 2>/dev/null; psql -d postgres -qc "CREATE DATABASE $db;"; }
columns=$(head -1 "$csv" | python3 -c "import sys, csv; print(', '.join(f'c{i} text' for i, _ in enumerate(next(csv.reader(sys.stdin)))))")
echo "start $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= rounds; i++)); do
  fresh
  psql -d "$db" -qc "CREATE TABLE raw_copy ($columns);"
  echo "round $i psql-copy $( { /usr/bin/time -f "%e %U %M" psql -d "$db" -qc "\\copy raw_copy FROM '$csv' WITH (FORMAT csv, HEADER true)" >/dev/null; } 2>&1 | tail -1)"
  for dir in "$@"; do
    fresh
    echo "round $i $dir $( { Store__Provider=PostgreSQL ConnectionStrings__Dashboard="$server;Database=$db" /usr/bin/time -f "%e %U %M" "$dir/Dashboard.Web" import "$csv" >/dev/null; } 2>&1 | tail -1)"
  done
done
echo "end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
