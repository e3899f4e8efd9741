#!/usr/bin/env bash
# Runs every fuzz target (already built by scripts/fuzz.sh) in parallel until each has made
# RUNS executions (default 1,000,000) or MAX seconds passed (default 3600); logs in
# target/fuzz/logs/TARGET.log, whose last lines give the figures of docs/fuzzing.md.
#
#   scripts/fuzz-runs.sh [RUNS] [MAX]
#
# TARGETS="country query" runs only those (default: every target), so that on a small machine
# the targets can take turns, two at a time on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000000}
max=${2:-3600}
host=$(rustc -vV | sed -n 's/^host: //p')
mkdir -p target/fuzz/logs
targets=${TARGETS:-statute country framework query import}
for t in $targets; do
  corpus=target/fuzz/corpus/$t
  artifacts=target/fuzz/artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  fuzz/seeds.sh "$t" "$corpus"
  "target/fuzz/build/$host/release/$t" "$corpus" -dict="fuzz/dict/$t.dict" \
    -runs="$runs" -max_total_time="$max" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"target/fuzz/logs/$t.log" 2>&1 &
done
wait
for t in $targets; do
  echo "== $t"
  grep -E "^#[0-9]+ +(INITED|DONE)|^Done|^stat::" "target/fuzz/logs/$t.log" || true
  ls "target/fuzz/artifacts/$t"
done
