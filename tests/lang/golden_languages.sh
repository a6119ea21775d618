#!/usr/bin/env bash
# Golden frames of each shipped language (en, es, de) as a kiosk of several
# languages shows them: a hold in a guided session (its words, the ring,
# the controls, the language tag) and an info card of the loop in touch
# mode (the tag and a button per language beside the invitation), 960x540.
# Each language in turn leads the list (languages = es, en, de), so the
# frames are of that language's own timeline.
#
# As in tests/screen/golden.sh: the routines with their sprite lines
# removed (the still figure shows: re-baked sprites do not break these),
# frame times from the --trace schedule, compare_png's default tolerance.
# After an intended change: SK_UPDATE_GOLDEN=1 ctest -R lang_golden, then
# LOOK at every file in tests/golden/lang/ before committing them.
# shellcheck source=../cli/lib.sh
. "$SK_SOURCE_DIR/tests/cli/lib.sh"
golden="$SK_SOURCE_DIR/tests/golden/lang"
r="$SK_SOURCE_DIR/assets/routines"
grep -v '^sprite *=' "$r/sciatica.ini" >"$tmp/routine.ini"
for l in es de; do grep -v '^sprite *=' "$r/sciatica-$l.ini" >"$tmp/routine-$l.ini"; done

start_of() {  # start_of TRACE PATTERN: the first such phase's start
    grep -m1 -E "$2" "$1" | sed -E 's/^t=([0-9.]+) .*/\1/'
}
plus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a + b }'; }
for lang in en es de; do
    others=$(printf '%s\n' en es de | grep -vx "$lang" | paste -sd, -)
    for mode in session touch; do
        printf '[kiosk]\nroutine = %s\nmode = %s\nlanguages = %s, %s\n' "$tmp/routine.ini" "$mode" \
            "$lang" "$others" >"$tmp/$lang-$mode.ini"
        "$SK" --config "$tmp/$lang-$mode.ini" --render-frames "$tmp/t-$lang-$mode" --at 900 \
            --size 64x64 --trace >"$tmp/$lang-$mode.trace" 2>/dev/null
    done
    for shot in "hold session phase=hold.*exercise=basic.*lang=$lang 12.5" \
                "card touch phase=card.*lang=$lang 2"; do
        read -r name mode pattern off <<<"$shot"
        t0=$(start_of "$tmp/$lang-$mode.trace" "$pattern")
        if [ -z "$t0" ]; then
            fail "$lang $name: no phase matching '$pattern' in the schedule"
            continue
        fi
        at=$(plus "$t0" "$off")
        out="$tmp/$lang-$name"
        "$SK" --config "$tmp/$lang-$mode.ini" --render-frames "$out" --at "$at" --size 960x540 \
            >/dev/null 2>"$out.err"
        f=$(find "$out" -name 'frame-*.png' 2>/dev/null | head -1)
        if [ -z "$f" ]; then
            fail "$lang $name: no frame rendered ($(head -c 300 "$out.err"))"
            continue
        fi
        g="$golden/$name-$lang.png"
        if [ "${SK_UPDATE_GOLDEN:-0}" = 1 ]; then
            mkdir -p "$golden"
            cp "$f" "$g"
            echo "updated $g (t=$at s): look at it before committing"
            ok
        elif [ -f "$g" ]; then
            check "$lang $name (t=$at s) matches tests/golden/lang/$name-$lang.png" \
                "$COMPARE" "$f" "$g" --diff "$tmp/$name-$lang-diff.png"
        else
            fail "golden image $g is missing (SK_UPDATE_GOLDEN=1 makes it)"
        fi
    done
done
finish
