#!/usr/bin/env bash
# Makes the README's pictures of the screens, docs/screen-*.png, with the
# program itself (--render-frames: no display needed).
#   tests/screen/screenshots.sh [path/to/stretch-kiosk]   (default build/stretch-kiosk)
# Each picture is a phase start (found in the --trace schedule) plus an
# offset, so they follow the routine's timings. Look at them before
# committing.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
SK=${1:-$root/build/stretch-kiosk}
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$SK" --mode touch --render-frames "$tmp/tl" --at 400 --size 64x64 --trace >"$tmp/loop.trace" 2>/dev/null
"$SK" --mode session --render-frames "$tmp/ts" --at 1500 --size 64x64 --trace >"$tmp/session.trace" 2>/dev/null
start_of() { grep -E "$2" "$1" | sed -n "${3}p" | sed -E 's/^t=([0-9.]+) .*/\1/'; }
shot() {  # shot NAME MODE SIZE PATTERN NTH OFFSET
    local trace="$tmp/session.trace"
    [ "$2" = touch ] && trace="$tmp/loop.trace"
    local t0 at
    t0=$(start_of "$trace" "$4" "$5")
    at=$(awk -v a="$t0" -v b="$6" 'BEGIN { printf "%.3f", a + b }')
    rm -rf "${tmp:?}/$1"
    "$SK" --mode "$2" --render-frames "$tmp/$1" --at "$at" --size "$3" >/dev/null
    cp "$tmp/$1"/frame-*.png "$root/docs/screen-$1.png"
    echo "docs/screen-$1.png  ($2, $3, t=$at s)"
}
mkdir -p "$root/docs"
shot hold       session 1920x1080 'phase=hold.*exercise=basic'     1 12.5
shot loop       touch   1920x1080 'phase=hold.*exercise=advanced'  1 9.5
shot intro      session 1920x1080 'phase=intro.*exercise=basic'    1 3
shot get-ready  session 1920x1080 'phase=get-ready.*exercise=ball' 1 2.5
shot switch     session 1920x1080 'phase=switch'                   1 2
shot card       touch   1920x1080 'phase=card'                     2 3
shot welcome    session 1920x1080 'phase=welcome'                  1 3
shot finish     session 1920x1080 'phase=finish'                   1 3
shot 800x480    session 800x480   'phase=rest.*exercise=basic'     1 3
shot portrait   touch   1080x1920 'phase=hold.*exercise=ball'      1 9.5
