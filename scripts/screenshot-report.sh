#!/usr/bin/env bash
# Renders a harmonization report of the shipped corpus and takes a screenshot of it with
# headless Chromium, to check how the HTML report reads.
#
#   scripts/screenshot-report.sh                 # region report: --region Americas
#   scripts/screenshot-report.sh AR              # country report for AR
#   AS_OF=2025-06-01 HEIGHT=6000 scripts/screenshot-report.sh AR
#
# Writes target/report[-CC].html and target/report[-CC].png. Installs Debian's chromium
# when it is missing (needs root, as in the project's containers). Nothing is fetched by
# the page itself: the report is one self-contained file.
set -euo pipefail

cd "$(dirname "$0")/.."

subject="${1:-}"
as_of="${AS_OF:-}"
width="${WIDTH:-1280}"
height="${HEIGHT:-4000}"

browser=""
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then
        browser="$b"
        break
    fi
done
if [ -z "$browser" ]; then
    echo "chromium not found: installing Debian's chromium" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    browser=chromium
fi

args=(report --format html)
if [ -n "$subject" ]; then
    args+=("$subject")
    name="report-$(echo "$subject" | tr '[:upper:]' '[:lower:]')"
else
    args+=(--region Americas)
    name="report"
fi
if [ -n "$as_of" ]; then
    args+=(--as-of "$as_of")
fi
html="target/$name.html"
png="target/$name.png"
cargo run --release --quiet -- "${args[@]}" --out "$html"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$PWD/$png" --window-size="$width,$height" \
    "file://$PWD/$html" 2>/dev/null
echo "wrote $html and $png"
