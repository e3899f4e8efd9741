#!/usr/bin/env bash
# Load-and-validate benchmark: generates a synthetic corpus of SIZE MiB (default 50) in
# COUNTRIES countries (default 200) and times `harmonia check` on it RUNS times (default 5),
# printing every run, the median, and the peak memory. VOCAB=small generates the 60-word
# vocabulary instead of the realistic default (see examples/gen_corpus.rs).
# The corpus is deleted at the end unless KEEP=1. Rerun: bash benches/load.sh [SIZE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-50}
runs=${2:-5}
countries=${COUNTRIES:-200}
vocab=${VOCAB:-realistic}
out=${BENCH_DIR:-target/bench-corpus-$size-$vocab}
cargo build --release --quiet --bin harmonia --example gen_corpus
./target/release/examples/gen_corpus --out "$out" --countries "$countries" --mib "$size" --vocab "$vocab"
bytes=$(du -sb "$out/statutes" | cut -f1)
echo "corpus: $out, $(awk "BEGIN{printf \"%.1f\", $bytes/1048576}") MiB of statutes, $countries countries, $vocab vocabulary"
times=()
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o target/bench-load.mem ./target/release/harmonia check --corpus "$out" --quiet 2>/dev/null
  end=$(date +%s.%N)
  t=$(awk "BEGIN{printf \"%.3f\", $end-$start}")
  times+=("$t")
  echo "run $i: ${t} s, peak $(( $(cat target/bench-load.mem) / 1024 )) MiB"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print (NR%2==1)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}')
echo "median: ${median} s (target: under 2 s for 50 MiB)"
if [ "${KEEP:-0}" != 1 ]; then
  rm -rf "$out"
fi
