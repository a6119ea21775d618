#!/usr/bin/env bash
# The kiosk fullscreen on X with no window manager (a bare X kiosk; Xvfb):
# its window opens borderless over the whole display, so that the first
# frame is not held back 100 ms by SDL waiting for a window manager
# (src/app/window.c), and once that frame is shown it is made fullscreen
# (_NET_WM_STATE_FULLSCREEN, for a window manager if there is one). Checks,
# on a display of an unusual size (1366x768): the window's place and size,
# its fullscreen state, and the picture on the screen itself: the
# background in all four corners, and no black anywhere (a window that did
# not cover the display, or lost its picture when it became fullscreen).
#   SK=path/to/stretch-kiosk tests/screen/test_x11_fullscreen.sh
set -euo pipefail
: "${SK:?set SK to the stretch-kiosk binary}"
for t in Xvfb xwininfo xprop import convert openbox; do
    command -v "$t" >/dev/null || { echo "FAIL: $t is missing (tests/run installs xvfb, x11-utils, imagemagick, openbox)"; exit 1; }
done
tmp=$(mktemp -d)
xvfb=
kiosk=
wm=
cleanup() {
    [ -n "$kiosk" ] && kill "$kiosk" 2>/dev/null
    [ -n "$wm" ] && kill "$wm" 2>/dev/null
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
    rm -rf "${tmp:?}"
}
trap cleanup EXIT
W=1366 H=768
# -displayfd: the server picks a free display and says which.
Xvfb -displayfd 3 -noreset -screen 0 ${W}x${H}x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xvfb=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || { echo "FAIL: Xvfb said no display number in 10 s"; exit 1; }
DISPLAY=:$(head -1 "$tmp/display")
export DISPLAY
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# check LEG WM_STATE: one start of the kiosk; WM_STATE "fullscreen" when a
# window manager runs (it sets _NET_WM_STATE when asked), "" without one.
check() {
    local leg=$1 want=$2 id="" state="" geo="" px black at
    echo "== $leg"
    SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy "$SK" --exit-after 30 --fps 30 >"$tmp/log" 2>&1 &
    kiosk=$!
    for _ in $(seq 200); do grep -q "first frame on screen" "$tmp/log" && break; sleep 0.1; done
    grep -q "first frame on screen" "$tmp/log" || { cat "$tmp/log"; bad "$leg: no first frame in 20 s"; return; }
    grep "first frame on screen" "$tmp/log"
    # The window, settled (up to 10 s after the first frame): where the
    # window manager has made it fullscreen, or (none) where it opened.
    for _ in $(seq 100); do
        id=$(xwininfo -root -tree | awk '/"Stretches for sciatica"/ && !id { id = $1 } END { print id }')
        if [ -n "$id" ]; then
            state=$(xprop -id "$id" _NET_WM_STATE 2>/dev/null || true)
            geo=$(xwininfo -id "$id" | awk '/Absolute upper-left X/ { x = $NF }
                /Absolute upper-left Y/ { y = $NF } /Width:/ { w = $NF } /Height:/ { h = $NF }
                END { print w "x" h "+" x "+" y }')
        fi
        if [ "$geo" = "${W}x${H}+0+0" ]; then
            [ "$want" != fullscreen ] && break
            case $state in *_NET_WM_STATE_FULLSCREEN*) break ;; esac
        fi
        sleep 0.1
    done
    [ -n "$id" ] || { bad "$leg: no window named \"Stretches for sciatica\" on $DISPLAY"; return; }
    if [ "$geo" = "${W}x${H}+0+0" ]; then echo "ok $leg: the window covers the display: $geo"
    else bad "$leg: the window is $geo, the display ${W}x${H}+0+0"; fi
    if [ "$want" = fullscreen ]; then
        case $state in
            *_NET_WM_STATE_FULLSCREEN*) echo "ok $leg: $state" ;;
            *) bad "$leg: the window manager was not asked to make it fullscreen: ${state:-no state}" ;;
        esac
    fi
    # The picture on the display, a moment after the switch (it is drawn
    # again then): the background colour (palette.c SK_COL_BG) in each
    # corner, and not one black pixel.
    sleep 1.5
    import -window root "$tmp/screen.png"
    for at in "0,0" "$((W - 1)),0" "0,$((H - 1))" "$((W - 1)),$((H - 1))"; do
        px=$(convert "$tmp/screen.png" -format \
             "%[fx:int(255*p{$at}.r+0.5)],%[fx:int(255*p{$at}.g+0.5)],%[fx:int(255*p{$at}.b+0.5)]" info:)
        if [ "$px" = "19,30,42" ]; then echo "ok $leg: corner $at is the background, $px"
        else bad "$leg: corner $at is $px, not the background 19,30,42"; fi
    done
    black=$(convert "$tmp/screen.png" -fill white +opaque black -format "%[fx:int(w*h*(1-mean)+0.5)]" info:)
    if [ "$black" = 0 ]; then echo "ok $leg: no black pixel on the ${W}x${H} screen"
    else bad "$leg: $black black pixel(s) on the screen (a part the kiosk does not cover?)"; fi
    cp "$tmp/screen.png" "${SK_SHOTS:-$tmp}/x11-$leg.png" 2>/dev/null || true
    kill "$kiosk" 2>/dev/null || true
    wait "$kiosk" 2>/dev/null || true
    kiosk=
}

check no-wm ""
# A window manager (Openbox, as a desktop or an X kiosk session would have)
# asked by the kiosk to make it fullscreen.
openbox >"$tmp/openbox.log" 2>&1 &
wm=$!
for _ in $(seq 100); do xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q window && break; sleep 0.1; done
xprop -root _NET_SUPPORTING_WM_CHECK | grep -q window || bad "openbox did not start: $(cat "$tmp/openbox.log")"
check openbox fullscreen
kill "$wm" 2>/dev/null || true
wm=

[ "$fail" = 0 ] && echo "PASS: fullscreen on X, without a window manager and with one"
exit "$fail"
