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

# A session frame in the middle of the first hold of the first stretch.
"$SK" --mode session --render-frames "$tmp/s" --at "${SK_HOLD_AT:-60}" --size 960x540 >/dev/null
f="$tmp/s/frame-$(printf '%06d' $(( ${SK_HOLD_AT:-60} * 1000 )))ms.png"
check "session frame written" [ -s "$f" ]
# An empty frame: a routine-less background, drawn from a frame far into
# a card-free state is not available, so compare against the welcome.
"$SK" --mode session --render-frames "$tmp/w" --at 0 --size 960x540 >/dev/null
check "the hold frame differs from the welcome frame" "$COMPARE" "$f" "$tmp/w/frame-000000ms.png" --differ 1
if [ -f "$golden/session-hold-960x540.png" ]; then
    check "hold frame matches its golden image" "$COMPARE" "$f" "$golden/session-hold-960x540.png" --diff "$tmp/diff.png"
else
    fail "golden image $golden/session-hold-960x540.png is missing"
fi

# A broken routine still gives a picture (the built-in routine + a note).
printf '[exercise.x]\nhold_seconds = -1\n' >"$tmp/broken.ini"
"$SK" --routine "$tmp/broken.ini" --render-frames "$tmp/b" --at 1 --size 640x360 >/dev/null 2>"$tmp/err"
check "broken routine: frame still written" [ -s "$tmp/b/frame-001000ms.png" ]
check "broken routine: the error is logged with its line" grep -q "broken.ini:2:" "$tmp/err"
finish
