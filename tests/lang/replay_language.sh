#!/usr/bin/env bash
# A waiting room of three languages, through the real program on the fake
# clock (--render-frames --trace), with Spanish short of one clip:
#  - touch mode, Español tapped: the session starts in Spanish and its first
#    cue (welcome) is Spanish with its clip; the cue whose clip is missing
#    still comes (its caption shows) and the cues after it have their clips;
#  - walked away (paused, untouched): "still there?", then the loop goes on
#    in English, the language it was showing, from its start;
#  - the loop's order: English for a cycle, then Spanish (language_switch =
#    cycle), or Spanish from the second stretch on (stretch);
#  - --check names the missing clip as a warning, per language, and passes.
# Needs SK (the program) and SK_SOURCE_DIR, as ctest sets them.
# shellcheck source=../cli/lib.sh
. "$(dirname "$0")/../cli/lib.sh"
set -o pipefail
src=$SK_SOURCE_DIR
# Assets as shipped, but Spanish without safety.ogg.
mkdir -p "$tmp/assets/voice/es"
for d in fonts sprites routines; do ln -s "$src/assets/$d" "$tmp/assets/$d"; done
for d in "$src"/assets/voice/*/; do
    l=$(basename "$d")
    [ "$l" = es ] || ln -s "$d" "$tmp/assets/voice/$l"
done
for f in "$src"/assets/voice/es/*; do ln -s "$f" "$tmp/assets/voice/es/"; done
rm "$tmp/assets/voice/es/safety.ogg"
printf '[kiosk]\nmode = touch\nlanguages = en, es, de\n' >"$tmp/k.ini"
printf '# Español, then a pause, then nobody\n3 language2\n40 pause\n' >"$tmp/r.replay"

order() {  # the lines matching each pattern appear in this order
    local file=$1; shift
    local last=0 n
    for pat in "$@"; do
        n=$(grep -n -m1 -E "$pat" <(tail -n +$((last + 1)) "$file") | cut -d: -f1)
        [ -n "$n" ] || { echo "missing after line $last: $pat" >&2; return 1; }
        last=$((last + n))
    done
}

"$SK" --config "$tmp/k.ini" --assets "$tmp/assets" --replay "$tmp/r.replay" --trace \
      --render-frames "$tmp/f" --at 4,120 --size 800x480 >"$tmp/t.txt" 2>"$tmp/err.txt"
check "replay: exit 0" [ $? -eq 0 ]
check "Español: a Spanish session, its first cue with its clip, the missing one still cued, the rest played" \
    order "$tmp/t.txt" '^t=0\.000 phase=intro mode=loop .* lang=en$' '^t=3\.000 intent=language2$' \
    'session-started' 'phase=welcome mode=session .* lang=es$' '^t=3\.000 voice=welcome lang=es clip=yes$' \
    'voice=safety lang=es clip=no$' 'voice=basic\.name lang=es clip=yes$' '^t=40\.000 intent=pause$'
check "no cue of another language during the Spanish session" \
    bash -c "! sed -n '/intent=language2/,/session-stopped/p' '$tmp/t.txt' | grep -E 'lang=(en|de)'"
check "walked away: still there, stopped, the loop in English from its start" order "$tmp/t.txt" \
    'phase=still-there' 'session-stopped' 'phase=intro mode=loop exercise=basic .* lang=en$' \
    'voice=basic\.name lang=en clip=yes'
check "frames" [ -s "$tmp/f/frame-004000ms.png" ] && [ -s "$tmp/f/frame-120000ms.png" ]

# The loop's order: a whole cycle of English, then Spanish.
# Started in the language on show, changed on the welcome's buttons: the
# session starts again in German, and it is still one session.
printf '2 start\n5 language3\n' >"$tmp/w.replay"
"$SK" --config "$tmp/k.ini" --assets "$tmp/assets" --replay "$tmp/w.replay" --trace \
      --render-frames "$tmp/w" --at 8 --size 480x800 >"$tmp/w.txt" 2>/dev/null
check "welcome: English, then Deutsch from its buttons" order "$tmp/w.txt" '^t=2\.000 intent=start$' \
    'session-started' 'phase=welcome mode=session .* lang=en$' '^t=5\.000 intent=language3$' \
    'phase=welcome mode=session .* lang=de$' '^t=5\.000 voice=welcome lang=de clip=yes$'
check "welcome: one session started" [ "$(grep -c 'session-started' "$tmp/w.txt")" -eq 1 ]

"$SK" --config "$tmp/k.ini" --assets "$tmp/assets" --trace --render-frames "$tmp/c" --at 2300 \
      --size 320x240 >"$tmp/c.txt" 2>/dev/null
check "cycle: English, loop-wrapped, then Spanish" order "$tmp/c.txt" \
    'phase=intro mode=loop exercise=basic .* lang=en$' 'loop-wrapped' \
    'phase=intro mode=loop exercise=basic .* lang=es$'
check "cycle: no Spanish before the wrap" \
    bash -c "sed '/loop-wrapped/q' '$tmp/c.txt' | grep -qv 'lang=es' && ! sed '/loop-wrapped/q' '$tmp/c.txt' | grep -q 'lang=es'"
printf 'language_switch = stretch\n' >>"$tmp/k.ini"
"$SK" --config "$tmp/k.ini" --assets "$tmp/assets" --trace --render-frames "$tmp/s" --at 500 \
      --size 320x240 >"$tmp/s.txt" 2>/dev/null
check "stretch: en, es, de, en, one stretch each" order "$tmp/s.txt" \
    'phase=intro mode=loop exercise=basic .* lang=en$' 'phase=intro mode=loop exercise=advanced .* lang=es$' \
    'phase=intro mode=loop exercise=ball .* lang=de$' 'phase=intro mode=loop exercise=basic .* lang=en$'

# --check: the missing clip is a warning naming it; the file still passes.
"$SK" --assets "$tmp/assets" --check "$src/assets/routines/sciatica-es.ini" >"$tmp/chk.txt" 2>&1
check "--check passes with a missing clip" [ $? -eq 0 ]
check "--check names the missing Spanish clip" grep -q 'es/safety\.ogg' "$tmp/chk.txt"
check "--check: but see the warnings" grep -q 'no problems found (but see the warnings)' "$tmp/chk.txt"
[ "$failed" -eq 0 ] || { echo "--- trace:"; head -40 "$tmp/t.txt"; cat "$tmp/chk.txt"; } >&2
finish
