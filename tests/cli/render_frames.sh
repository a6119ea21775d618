#!/usr/bin/env bash
# --render-frames: pictures without a display; golden frame of a hold.
. "$(dirname "$0")/lib.sh"
golden="$SK_SOURCE_DIR/tests/golden"

out=$("$SK" --render-frames "$tmp/f" --at 0,75 --size 960x540); rc=$?
check "render-frames exits 0" [ $rc -eq 0 ]
check "frame at 0 s written" [ -s "$tmp/f/frame-000000ms.png" ]
check "frame at 75 s written" [ -s "$tmp/f/frame-075000ms.png" ]
check "paths printed" grep -q "frame-075000ms.png" <<<"$out"

# Same input, same bytes: the software renderer is deterministic.
"$SK" --render-frames "$tmp/g" --at 75 --size 960x540 >/dev/null
check "deterministic" cmp -s "$tmp/f/frame-075000ms.png" "$tmp/g/frame-075000ms.png"

# A session frame ten seconds into the first hold of the first stretch
# (when that is, the voice clips decide: ask the program's own trace).
hold=$("$SK" --mode session --trace --render-frames "$tmp/t" --at 300 --size 160x90 |
       grep -m1 'phase=hold' | sed -E 's/^t=([0-9]+)\.([0-9]{3}).*/\1\2/')
check "the trace names the first hold" [ -n "$hold" ]
at=$(( hold + 10000 ))
secs=$(printf '%d.%03d' $((at / 1000)) $((at % 1000)))
"$SK" --mode session --trace --render-frames "$tmp/s" --at "$secs" --size 960x540 >"$tmp/s.txt"
f="$tmp/s/frame-$(printf '%06d' "$at")ms.png"
check "session frame written" [ -s "$f" ]
check "it is a hold of the basic stretch" grep -q 'phase=hold mode=session exercise=basic leg=painful rep=1/4' "$tmp/s.txt"
# The welcome frame has no stretch name, no ring and no numerals: a hold
# frame that looked like it would have lost what matters.
"$SK" --mode session --render-frames "$tmp/w" --at 0 --size 960x540 >/dev/null
check "the hold frame differs from the welcome frame" "$COMPARE" "$f" "$tmp/w/frame-000000ms.png" --differ 5
if [ -f "$golden/session-hold-960x540.png" ]; then
    check "hold frame matches its golden image" "$COMPARE" "$f" "$golden/session-hold-960x540.png" --diff "$tmp/diff.png"
    [ -f "$tmp/diff.png" ] && cp "$tmp/diff.png" "${SK_BINARY_DIR:-/tmp}/render_frames-diff.png"
else
    fail "golden image $golden/session-hold-960x540.png is missing"
fi
[ "${SK_UPDATE_GOLDEN:-}" = 1 ] && cp "$f" "$golden/session-hold-960x540.png"

# A broken routine still gives a picture (the built-in routine + a note).
printf '[exercise.x]\nhold_seconds = -1\n' >"$tmp/broken.ini"
"$SK" --routine "$tmp/broken.ini" --render-frames "$tmp/b" --at 1 --size 640x360 >/dev/null 2>"$tmp/err"
check "broken routine: frame still written" [ -s "$tmp/b/frame-001000ms.png" ]
check "broken routine: the error is logged with its line" grep -q "broken.ini:2:" "$tmp/err"
finish
