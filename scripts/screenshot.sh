#!/usr/bin/env bash
# Renders an HTML report in headless Chromium, as a person would see it: a PNG screenshot and
# the DOM after Chromium has parsed it (for tests to count what was drawn).
#
# Usage: scripts/screenshot.sh [REPORT.html [OUT.png]]
#   REPORT.html  the page to render; without it, `factline report data/articles` builds target/report.html
#   OUT.png      the screenshot (default target/report.png); the DOM goes to OUT.dom.html
# Environment: WIDTH, HEIGHT (window size, default 1280x1800).
# Exit status: 0 done, 3 no Chromium here (Debian: apt-get install -y chromium), else failure.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
html=${1:-}
png=${2:-$root/target/report.png}

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z $browser ]]; then
    echo "screenshot.sh: Chromium not found (Debian: apt-get install -y chromium)" >&2
    exit 3
fi

if [[ -z $html ]]; then
    html=$root/target/report.html
    (cd "$root" && cargo run --quiet -- report data/articles --quiet -o "$html") || true
    [[ -s $html ]] || { echo "screenshot.sh: factline report failed" >&2; exit 1; }
fi
html=$(realpath "$html")
mkdir -p "$(dirname "$png")"
png=$(realpath -m "$png")
dom=${png%.png}.dom.html

# A fresh profile each run; no network, no updates, no sync: the page must stand alone.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(
    --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --user-data-dir="$profile" --hide-scrollbars --force-device-scale-factor=1
    --window-size="${WIDTH:-1280},${HEIGHT:-1800}"
)
"$browser" "${flags[@]}" --screenshot="$png" "file://$html" >/dev/null 2>&1
"$browser" "${flags[@]}" --dump-dom "file://$html" >"$dom" 2>/dev/null
[[ -s $png && -s $dom ]] || { echo "screenshot.sh: Chromium wrote nothing" >&2; exit 1; }
echo "$png"
echo "$dom"
