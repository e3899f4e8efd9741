#!/usr/bin/env bash
# Search benchmark: harmonia against ripgrep and SQLite FTS5 on one generated corpus.
#
#   bash benches/search.sh [SIZE_MIB (1024)] [ROUNDS (5)]
#
# Generates SIZE MiB of statutes in COUNTRIES countries (default 200) with
# examples/gen_corpus.rs (VOCAB=realistic, the default, or VOCAB=small for the worst case of a
# 60-word vocabulary), then measures for each tool: index build time and MiB/s (harmonia:
# `harmonia index --rebuild`, parsing included; SQLite: a Python script splitting the same
# files into sections; ripgrep: no index), the p50/p99 latency of the queries in
# benches/search-queries.txt (one warm-up pass, then ROUNDS timed passes, against a warm
# index: `harmonia search --bench-queries` opens the index once), and peak memory
# (/usr/bin/time). Results go to $BENCH_DIR/results.md. The generated data (corpus, indexes,
# SQLite database) is deleted at the end unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
rounds=${2:-5}
countries=${COUNTRIES:-200}
vocab=${VOCAB:-realistic}
dir=${BENCH_DIR:-target/bench-search-$size-$vocab}
corpus=$dir/corpus
index=$dir/index
db=$dir/fts5.db
queries=benches/search-queries.txt
results=$dir/results.md

if ! command -v rg >/dev/null; then
  echo "installing ripgrep"
  apt-get install -y ripgrep >/dev/null || { apt-get update >/dev/null && apt-get install -y ripgrep >/dev/null; }
fi
cargo build --release --quiet --bin harmonia --example gen_corpus
bin=./target/release/harmonia
mkdir -p "$dir"
./target/release/examples/gen_corpus --out "$corpus" --countries "$countries" --mib "$size" --vocab "$vocab"
mib=$(du -sb "$corpus/statutes" | awk '{printf "%.1f", $1/1048576}')
# Warm the page cache so every tool reads the corpus from memory.
cat "$corpus"/statutes/*/* >/dev/null

# peak_kib LOGFILE: the "Maximum resident set size" line of /usr/bin/time -v.
peak_mib() { awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$1"; }
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.2f", s}' "$1"; }
field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }

echo "== harmonia: build"
rm -rf "$index"
/usr/bin/time -v "$bin" index --rebuild --corpus "$corpus" --index "$index" 2>"$dir/h-build.time" | tee "$dir/h-build.out"
h_build=$(wall_s "$dir/h-build.time"); h_build_mem=$(peak_mib "$dir/h-build.time")
h_index_mib=$(du -sm "$index" | cut -f1)
echo "== harmonia: queries"
/usr/bin/time -v "$bin" search --corpus "$corpus" --index "$index" --bench-queries "$queries" --bench-rounds "$rounds" \
  >"$dir/h-query.json" 2>"$dir/h-query.time"
h_query_mem=$(peak_mib "$dir/h-query.time")

echo "== SQLite FTS5: build"
/usr/bin/time -v python3 benches/search_baselines.py sqlite-build "$corpus" "$db" >"$dir/s-build.json" 2>"$dir/s-build.time"
s_build=$(wall_s "$dir/s-build.time"); s_build_mem=$(peak_mib "$dir/s-build.time")
s_index_mib=$(du -sm "$db" | cut -f1)
echo "== SQLite FTS5: queries"
/usr/bin/time -v python3 benches/search_baselines.py sqlite-query "$db" "$queries" "$rounds" >"$dir/s-query.json" 2>"$dir/s-query.time"
s_query_mem=$(peak_mib "$dir/s-query.time")

echo "== ripgrep: queries"
/usr/bin/time -v python3 benches/search_baselines.py rg-query "$corpus" "$queries" "$rounds" >"$dir/r-query.json" 2>"$dir/r-query.time"
# The memory of rg itself, on one query.
/usr/bin/time -v rg -i -F -c "acceso ilícito" "$corpus/statutes" >/dev/null 2>"$dir/r-one.time" || true
r_query_mem=$(peak_mib "$dir/r-one.time")

rate() { awk "BEGIN{printf \"%.1f\", $mib/$1}"; }
{
  echo "# Search benchmark: $mib MiB, $countries countries, $vocab vocabulary, $(field "$dir/h-query.json" sections) sections, $(nproc) cores, $(date -u +%Y-%m-%d)"
  echo
  echo "Queries: $queries ($rounds timed rounds after a warm-up pass; ripgrep and SQLite skip the field: queries)."
  echo
  echo "| tool | build s | build MiB/s | build peak MiB | index MiB | query p50 ms | query p99 ms | query peak MiB |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "| harmonia | $h_build | $(rate "$h_build") | $h_build_mem | $h_index_mib | $(field "$dir/h-query.json" p50_ms) | $(field "$dir/h-query.json" p99_ms) | $h_query_mem |"
  echo "| SQLite FTS5 (Python) | $s_build | $(rate "$s_build") | $s_build_mem | $s_index_mib | $(field "$dir/s-query.json" p50_ms) | $(field "$dir/s-query.json" p99_ms) | $s_query_mem |"
  echo "| ripgrep (no index) | - | - | - | - | $(field "$dir/r-query.json" p50_ms) | $(field "$dir/r-query.json" p99_ms) | $r_query_mem |"
  echo
  echo "Per query (p50 ms, and matching sections; ripgrep: matching lines):"
  echo
  python3 - "$dir" <<'PY'
import json, sys
d = sys.argv[1]
h = {q["query"]: q for q in json.load(open(f"{d}/h-query.json"))["per_query"]}
s = {q["query"]: q for q in json.load(open(f"{d}/s-query.json"))["per_query"]}
r = {q["query"]: q for q in json.load(open(f"{d}/r-query.json"))["per_query"]}
print("| query | harmonia ms | hits | SQLite ms | hits | ripgrep ms | lines |")
print("|---|---|---|---|---|---|---|")
for q, x in h.items():
    cell = lambda m: (f"{m[q]['p50_ms']} | {m[q]['total']}" if q in m else "- | -")
    print(f"| `{q}` | {x['p50_ms']} | {x['total']} | {cell(s)} | {cell(r)} |")
PY
} >"$results"
cat "$results"
if [ "${KEEP:-0}" != 1 ]; then
  rm -rf "$corpus" "$index" "$db"
fi
