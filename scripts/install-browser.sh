#!/usr/bin/env bash
# Installs the browser the browser tests need (tests/browser.rs): Debian's or Ubuntu's
# Chromium, when no Chromium or Chrome is on the PATH. `.ci/run` calls it before the tests.
# It never fails the run: a machine that cannot install a browser gets a notice, and the
# browser test is then skipped with a notice of its own.
#
#   scripts/install-browser.sh
set -uo pipefail

for b in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$b" >/dev/null 2>&1; then
        echo "browser: $(command -v "$b")"
        exit 0
    fi
done
if [ -n "${HARMONIA_BROWSER:-}" ] && [ -x "$HARMONIA_BROWSER" ]; then
    echo "browser: $HARMONIA_BROWSER"
    exit 0
fi

sudo=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo="sudo -n"
    else
        echo "notice: no browser, and no root to install one: the browser test will be skipped" >&2
        exit 0
    fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "notice: no browser, and no apt-get to install Chromium: the browser test will be skipped" >&2
    exit 0
fi
echo "installing Chromium (apt-get)"
export DEBIAN_FRONTEND=noninteractive
if $sudo apt-get install -y -qq chromium >/dev/null 2>&1 ||
    { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq chromium >/dev/null 2>&1; } ||
    $sudo apt-get install -y -qq chromium-browser >/dev/null 2>&1; then
    echo "browser: $(command -v chromium || command -v chromium-browser)"
else
    echo "notice: Chromium could not be installed: the browser test will be skipped" >&2
fi
exit 0
