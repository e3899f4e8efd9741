#!/usr/bin/env bash
# Large-framework benchmark: penalties, draft and report (and gaps for reference) on a
# generated framework of N provisions (benches/gen_framework.py), six countries.
#
#   benches/framework.sh [BINARY] [N...]
#
# BINARY defaults to target/release/harmonia; N to 1000 2000 10000. Prints seconds and peak
# memory per command; a command stopped after 300 s shows as "timeout". Figures in
# docs/benchmarks.md ("Large frameworks").
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/harmonia}
shift || true
sizes=${*:-1000 2000 10000}
for n in $sizes; do
  corpus=/tmp/harmonia-big-$n
  [ -d "$corpus" ] || python3 benches/gen_framework.py "$corpus" "$n"
  for cmd in "gaps XA" "penalties --format csv" "draft XA" "report XA --format md --out /tmp/harmonia-big-report.md"; do
    start=$(date +%s.%N)
    out=$( { /usr/bin/time -f "%M" timeout 300 "$bin" $cmd --corpus "$corpus" --framework big \
      --as-of 2024-01-01 >/dev/null 2>/tmp/harmonia-big-err; } 2>&1 )
    rc=$?
    end=$(date +%s.%N)
    kb=$(tail -1 /tmp/harmonia-big-err)
    if [ $rc -eq 124 ]; then
      printf '%6s  %-10s  timeout\n' "$n" "${cmd%% *}"
    else
      printf '%6s  %-10s  %6.2f s  %6d MiB\n' "$n" "${cmd%% *}" "$(echo "$end - $start" | bc)" "$((kb / 1024))"
    fi
  done
done
