#!/usr/bin/env bash
# Makes the README's pictures of each shipped language, docs/screen-lang-<l>.png,
# with the program itself (--render-frames: no display needed): the loop in
# touch mode of a kiosk set to languages = <l>, then the other two, during a
# hold (the tag top right, a button per language beside the invitation).
#   tests/lang/screenshots.sh [path/to/stretch-kiosk]   (default build/stretch-kiosk)
# Look at them before committing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
SK=${1:-$root/build/stretch-kiosk}
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$root/docs"
for lang in en es de; do
    others=$(printf '%s\n' en es de | grep -vx "$lang" | paste -sd, -)
    printf '[kiosk]\nmode = touch\nlanguages = %s, %s\n' "$lang" "$others" >"$tmp/k.ini"
    "$SK" --config "$tmp/k.ini" --assets "$root/assets" --render-frames "$tmp/t" --at 400 --size 64x64 \
        --trace >"$tmp/trace" 2>/dev/null
    t0=$(grep -m1 -E "phase=hold.*exercise=advanced.*lang=$lang" "$tmp/trace" | sed -E 's/^t=([0-9.]+) .*/\1/')
    [ -n "$t0" ] || { echo "screenshots: no hold of $lang in the schedule" >&2; exit 1; }
    at=$(awk -v a="$t0" 'BEGIN { printf "%.3f", a + 9.5 }')
    rm -rf "${tmp:?}/$lang"
    "$SK" --config "$tmp/k.ini" --assets "$root/assets" --render-frames "$tmp/$lang" --at "$at" \
        --size 1280x720 >/dev/null 2>&1
    cp "$tmp/$lang"/frame-*.png "$root/docs/screen-lang-$lang.png"
    echo "docs/screen-lang-$lang.png  (touch, languages = $lang, $others; 1280x720, t=$at s)"
done
