#!/usr/bin/env bash
# Scripted replays through the real program, headless and on the fake clock.
. "$(dirname "$0")/lib.sh"
data="$SK_SOURCE_DIR/tests/data/replay"

# tap -> pause -> walk away -> "still there?" -> back to the loop
"$SK" --mode touch --replay "$data/walkaway.replay" --trace --render-frames "$tmp/w" \
      --at 10,85,100 --size 640x360 >"$tmp/walk.txt"
check "walk-away: exit 0" [ $? -eq 0 ]
order() {  # the lines matching each pattern appear in this order
    local file=$1; shift
    local last=0 n
    for pat in "$@"; do
        n=$(grep -n -m1 -E "$pat" <(tail -n +$((last + 1)) "$file") | cut -d: -f1)
        [ -n "$n" ] || { echo "missing after line $last: $pat" >&2; return 1; }
        last=$((last + n))
    done
}
check "walk-away: start, pause, still there, stopped, loop" order "$tmp/walk.txt" \
    '^t=2\.000 intent=start$' 'session-started' 'phase=welcome mode=session' \
    '^t=20\.000 intent=pause$' 'phase=still-there' 'session-stopped' 'mode=loop'
still=$(grep -m1 'phase=still-there' "$tmp/walk.txt" | sed -E 's/^t=([0-9.]+).*/\1/')
check "still-there comes after the walk-away time (60 s after the pause)" \
    awk -v t="$still" 'BEGIN { exit !(t >= 80 && t <= 81) }'
back=$(grep -m1 'session-stopped' "$tmp/walk.txt" | sed -E 's/^t=([0-9.]+).*/\1/')
check "back in the loop within the still-there time (10 s)" \
    awk -v s="$still" -v b="$back" 'BEGIN { exit !(b - s >= 9.9 && b - s <= 10.1) }'
check "frames written" [ -s "$tmp/w/frame-085000ms.png" ] && [ -s "$tmp/w/frame-100000ms.png" ]

# tap -> skip x3 -> back -> stop -> confirm
"$SK" --mode touch --replay "$data/skips.replay" --trace --render-frames "$tmp/s" \
      --at 12 --size 640x360 >"$tmp/skip.txt"
check "skips: exit 0" [ $? -eq 0 ]
check "skips: welcome, intro, get-ready, hold, back to get-ready, stopped" order "$tmp/skip.txt" \
    'intent=start$' 'phase=welcome mode=session' \
    '^t=3\.000 intent=skip$' 'phase=intro mode=session exercise=basic' \
    '^t=4\.000 intent=skip$' 'phase=get-ready mode=session exercise=basic leg=painful rep=1/4' \
    '^t=5\.000 intent=skip$' 'phase=hold mode=session exercise=basic leg=painful rep=1/4' \
    '^t=6\.500 intent=back$' 'phase=get-ready mode=session' \
    '^t=8\.000 intent=stop$' '^t=8\.800 intent=stop$' 'session-stopped' 'mode=loop'

# a single stop press does not end the session
"$SK" --mode touch --replay "$data/stop-unconfirmed.replay" --trace --render-frames "$tmp/u" \
      --at 90 --size 640x360 >"$tmp/one.txt"
check "one stop press: no session-stopped" bash -c "! grep -q session-stopped '$tmp/one.txt'"
check "one stop press: the session goes on" grep -q 'phase=intro mode=session' "$tmp/one.txt"
finish
