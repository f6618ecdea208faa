#!/usr/bin/env bash
# Renders a card's HTML to PNG screenshots with headless Chromium (no network: the card is self-contained).
#   scripts/render-card.sh [CARD.html] [OUT_PREFIX]
# Writes OUT_PREFIX-desktop.png (1200 px wide) and OUT_PREFIX-phone.png (390 px wide), full height.
# Needs Debian's `chromium` package (apt-get install -y chromium). The PNGs are for looking, not committing.
set -euo pipefail

card="${1:-card/card.html}"
prefix="${2:-${card%.html}}"
[ -f "$card" ] || { echo "no card at $card (run: systemcard card --models ... --out DIR)" >&2; exit 2; }
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "needs Chromium: apt-get install -y chromium" >&2; exit 2; }
url="file://$(cd "$(dirname "$card")" && pwd)/$(basename "$card")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

shoot() { # width height output
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
        --disable-background-networking --no-first-run --force-device-scale-factor=1 \
        --window-size="$1,$2" --screenshot="$3" "$url" >/dev/null 2>&1
    echo "wrote $3"
}

# Full height: long enough for the whole page (Chromium cuts the screenshot at the window height).
height="${CARD_HEIGHT:-6000}"
shoot 1200 "$height" "$prefix-desktop.png"
shoot 390 "$((height * 2))" "$prefix-phone.png"
