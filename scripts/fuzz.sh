#!/usr/bin/env bash
# Runs harmonia's fuzz targets with libFuzzer on the stable toolchain (no cargo-fuzz, no
# nightly: the coverage instrumentation is stable rustc flags; libfuzzer-sys builds
# libFuzzer from source with the C++ compiler).
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS] [-- LIBFUZZER-FLAGS...]
#
# TARGET is statute, country, framework, query or import (default: all); SECONDS a target
# (default 60). Seeds come from the fixtures (fuzz/seeds.sh); the growing corpus is kept in
# target/fuzz/corpus/TARGET, crashes in target/fuzz/artifacts/TARGET. The last line of each
# run ("Done N runs in S second(s)") and libFuzzer's cov:/ft: figures go in docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=${1:-all}
seconds=${2:-60}
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
[ "$targets" = all ] && targets="statute country framework query import"

host=$(rustc -vV | sed -n 's/^host: //p')
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"
# --target keeps the instrumentation off build scripts and proc macros.
cargo build --manifest-path fuzz/Cargo.toml --release --target "$host" \
  --target-dir target/fuzz/build --bins

for t in $targets; do
  corpus=target/fuzz/corpus/$t
  artifacts=target/fuzz/artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  fuzz/seeds.sh "$t" "$corpus"
  echo "== $t: $seconds s"
  "target/fuzz/build/$host/release/$t" "$corpus" \
    -dict="fuzz/dict/$t.dict" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
    -timeout=10 -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" 2>&1 |
    grep -E "^#[0-9]+ +(INITED|DONE|pulse)|^Done|^stat::|ERROR|panicked|SUMMARY|^==" || true
  if ls "$artifacts" | grep -q .; then
    echo "!! $t: crash inputs in $artifacts" >&2
    exit 1
  fi
done
