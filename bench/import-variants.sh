#!/usr/bin/env bash
# The Amazon import under several publish settings, side by side (decision 0010): each round imports the file into a fresh
# database with every published folder in turn, after one sqlite3 .import of the same file. Prints wall s, user CPU s
# and peak KB per import. On a busy machine compare user CPU, not wall time.
# Usage: bench/import-variants.sh CSV ROUNDS DIR...   (each DIR a `dotnet publish Dashboard.Web -c Release -o DIR [-p:...]`)
# Used for docs/BENCHMARKS.md with: pub-jit (plain), pub-jit-qjfl (-p:TieredCompilationQuickJitForLoops=true),
# pub-r2r (-p:PublishReadyToRun=true), pub-r2r-qjfl, pub-r2r-pgo (-p:TieredPGO=true), and the previous commit's plain publish.
set -u
csv=$1; rounds=$2; shift 2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
echo "start $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= rounds; i++)); do
  rm -f "$work"/*.db*
  echo "round $i sqlite3 $( { /usr/bin/time -f "%e %U %M" sqlite3 "$work/floor.db" ".mode csv" ".import $csv t" >/dev/null; } 2>&1 | tail -1)"
  for dir in "$@"; do
    rm -f "$work"/ours.db*
    echo "round $i $dir $( { ConnectionStrings__Dashboard="Data Source=$work/ours.db" /usr/bin/time -f "%e %U %M" "$dir/Dashboard.Web" import "$csv" >/dev/null; } 2>&1 | tail -1)"
  done
done
echo "end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
