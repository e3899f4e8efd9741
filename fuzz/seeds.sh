#!/usr/bin/env bash
# Copies the seed inputs of fuzz target $1 from the fixtures into folder $2:
# statute files, country records, framework provisions, the benchmark queries, or the
# published-statute sources of the importers.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
out=$2
mkdir -p "$out"
case $target in
  statute) find tests/fixtures -path '*/statutes/*' -name '*.md' ;;
  country) find tests/fixtures -name country.yaml ;;
  framework) find tests/fixtures -path '*/model-law/*' -name '*.md' ;;
  query) ;;
  import) find tests/fixtures/import -type f ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac | while read -r f; do
  cp "$f" "$out/seed-$(echo "$f" | tr '/' '_')"
done
if [ "$target" = query ]; then
  n=0
  while IFS= read -r q; do
    [ -z "$q" ] && continue
    n=$((n + 1))
    printf '%s' "$q" >"$out/seed-query-$n"
  done <benches/search-queries.txt
fi
