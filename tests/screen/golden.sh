#!/usr/bin/env bash
# Golden frames of the screen at its key phases: the loop (touch mode, with
# the invitation), an info card, and in a guided session get ready, hold,
# rest, switch legs and the finish; 960x540 and one 800x480 and one
# portrait frame. Rendered by --render-frames through SDL's software
# renderer, so the same program gives the same bytes.
#
# The animation is left out (the routine is the built-in one with its
# sprite lines removed, so the still placeholder figure shows): re-baking
# the sprites must not break the screen's goldens; the sprites have their own.
# Times are found from the --trace schedule (a phase start + an offset), so a
# voice clip that lengthens an intro moves the frame with it.
#
# Tolerance: compare_png's defaults, at most 0.5 % of pixels off by more than
# 16 levels. FreeType's and SDL's anti-aliasing may move edge pixels by a few
# levels between versions or CPUs (the arm64 build); a changed colour,
# position, size or word moves whole glyphs and shapes, far beyond that.
#
# After an intended change: SK_UPDATE_GOLDEN=1 ctest -R screen_golden, then
# LOOK at every file in tests/golden/screen/ before committing them.
# shellcheck source-path=SCRIPTDIR source=../cli/lib.sh
. "$SK_SOURCE_DIR/tests/cli/lib.sh"
golden="$SK_SOURCE_DIR/tests/golden/screen"
grep -v '^sprite *=' "$SK_SOURCE_DIR/assets/routines/sciatica.ini" >"$tmp/routine.ini"

# start time of the Nth (1-based) phase matching a pattern in a trace
start_of() {  # start_of TRACE PATTERN N
    grep -E "$2" "$1" | sed -n "${3}p" | sed -E 's/^t=([0-9.]+) .*/\1/'
}
"$SK" --routine "$tmp/routine.ini" --mode touch --render-frames "$tmp/tl" --at 400 --size 64x64 \
    --trace >"$tmp/loop.trace" 2>/dev/null
"$SK" --routine "$tmp/routine.ini" --mode session --render-frames "$tmp/ts" --at 1500 --size 64x64 \
    --trace >"$tmp/session.trace" 2>/dev/null
plus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a + b }'; }

shots=(
  # name            mode     size      pattern                                 nth offset(s)
  "loop-intro       touch    960x540   phase=intro                             1   6"
  "loop-card        touch    960x540   phase=card                              1   2"
  "get-ready        session  960x540   phase=get-ready.*exercise=basic         1   2.5"
  "hold             session  960x540   phase=hold.*exercise=basic              1   12.5"
  "rest             session  960x540   phase=rest                              1   4"
  "switch           session  960x540   phase=switch                            1   2"
  "finish           session  960x540   phase=finish                            1   2"
  "hold-800x480     session  800x480   phase=hold.*exercise=advanced           1   12.5"
  "hold-1080x1920   session  1080x1920 phase=hold.*exercise=ball               1   12.5"
)
for s in "${shots[@]}"; do
    read -r name mode size pattern nth off <<<"$s"
    trace="$tmp/session.trace"
    [ "$mode" = touch ] && trace="$tmp/loop.trace"
    t0=$(start_of "$trace" "$pattern" "$nth")
    if [ -z "$t0" ]; then
        fail "$name: no phase matching '$pattern' in the schedule"
        continue
    fi
    at=$(plus "$t0" "$off")
    "$SK" --routine "$tmp/routine.ini" --mode "$mode" --render-frames "$tmp/$name" --at "$at" \
        --size "$size" >/dev/null 2>"$tmp/$name.err"
    f=$(ls "$tmp/$name"/frame-*.png 2>/dev/null | head -1)
    if [ -z "$f" ]; then
        fail "$name: no frame rendered ($(head -c 300 "$tmp/$name.err"))"
        continue
    fi
    if [ "${SK_UPDATE_GOLDEN:-0}" = 1 ]; then
        cp "$f" "$golden/$name.png"
        echo "updated $golden/$name.png (t=$at s): look at it before committing"
        ok
    elif [ -f "$golden/$name.png" ]; then
        check "$name (t=$at s) matches tests/golden/screen/$name.png" \
            "$COMPARE" "$f" "$golden/$name.png" --diff "$tmp/$name-diff.png"
    else
        fail "golden image $golden/$name.png is missing (SK_UPDATE_GOLDEN=1 makes it)"
    fi
done
finish
