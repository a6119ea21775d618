#!/usr/bin/env bash
# The translated routines against the English one, and each language's voice
# clips against its routine, through the program itself:
#  - every [section] and key of assets/routines/sciatica.ini is in each
#    sciatica-<lang>.ini and no key is added (no step, caution, card line or
#    phrase lost);
#  - the numbers of every value are the same ones (30 s, 4 reps, the years
#    and pages of the references), settings (seconds, reps, sides, sprite)
#    are identical, and so are the {placeholders};
#  - a line naming the piriformis names it in the translation too;
#  - the file says at the top it needs a native-speaking clinician's review;
#  - `stretch-kiosk --check` passes with no warning at all (so no clip is
#    missing or made from other words), and every cue of `--list-cues` has
#    <assets>/voice/<lang>/<key>.ogg with a <key>.txt holding its words, and
#    no clip is left that no cue names.
# Then the same checks run on broken copies (a step deleted, a number
# changed, a placeholder lost, a clip removed, a sidecar edited), which must
# each fail: the test shows it can.
#   tests/lang/test_translations.sh [STRETCH_KIOSK]   (SK_BIN, SK_SOURCE_DIR)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
src=${SK_SOURCE_DIR:-$here}
bin=${1:-${SK_BIN:-}}
if [ -z "$bin" ]; then
    for b in "$src/build/stretch-kiosk" "$src"/build-*/stretch-kiosk; do
        [ -x "$b" ] && { [ -z "$bin" ] || [ "$b" -nt "$bin" ]; } && bin=$b
    done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "test_translations: no stretch-kiosk binary (pass it or set SK_BIN)"
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# "section.key<TAB>value" for every key, continuation lines joined.
flatten() {
    awk '
        function out() { if (k != "") printf "%s.%s\t%s\n", sec, k, v; k = "" }
        /^[ \t]*[#;]/ || /^[ \t]*$/ { next }
        /^\[/ { out(); sec = $0; gsub(/^\[|\][ \t]*$/, "", sec); next }
        /^[ \t]/ { sub(/^[ \t]+/, ""); v = v " " $0; next }
        { out(); k = $0; sub(/[ \t]*=.*/, "", k); v = $0; sub(/^[^=]*=[ \t]*/, "", v) }
        END { out() }' "$1"
}
value() { awk -F'\t' -v k="$2" '$1 == k { print $2; exit }' "$1"; }
numbers() { grep -o '[0-9]\+' <<<"$1" | tr '\n' ' ' || true; }
placeholders() { grep -o '{[a-z_]*}' <<<"$1" | sort | tr '\n' ' ' || true; }

# Prints one line per problem of translation $2 against English $1.
check_table() { # en.ini tr.ini
    local en=$1 tr=$2 k ev tv lang
    flatten "$en" > "$work/en.tsv"
    flatten "$tr" > "$work/tr.tsv"
    cut -f1 "$work/en.tsv" | sort > "$work/en.keys"
    cut -f1 "$work/tr.tsv" | sort > "$work/tr.keys"
    comm -23 "$work/en.keys" "$work/tr.keys" | sed "s|^|$tr: missing |"
    comm -13 "$work/en.keys" "$work/tr.keys" | sed "s|^|$tr: not in the English routine: |"
    [ "$(sort "$work/tr.keys" | uniq -d)" = "" ] || uniq -d "$work/tr.keys" | sed "s|^|$tr: twice: |"
    while IFS=$'\t' read -r k ev; do
        tv=$(value "$work/tr.tsv" "$k")
        [ -n "$tv" ] || continue   # reported as missing
        case $k in
        routine.title | phrases.* | exercise.*.name | exercise.*.summary | exercise.*.equipment | \
        exercise.*.caution | exercise.*.step* | card.*.title | card.*.text* | card.*.item*)
            [ "$(numbers "$ev")" = "$(numbers "$tv")" ] ||
                echo "$tr: $k: numbers '$(numbers "$tv")' differ from the English '$(numbers "$ev")'"
            [ "$(placeholders "$ev")" = "$(placeholders "$tv")" ] ||
                echo "$tr: $k: placeholders '$(placeholders "$tv")' differ from '$(placeholders "$ev")'"
            if grep -qi piriformis <<<"$ev" && ! grep -qi piriform <<<"$tv"; then
                echo "$tr: $k: the English names the piriformis, the translation does not"
            fi ;;
        routine.language) ;;
        *) [ "$ev" = "$tv" ] || echo "$tr: $k = '$tv', the English routine has '$ev'" ;;
        esac
    done < "$work/en.tsv"
    lang=$(basename "$tr" .ini); lang=${lang#sciatica-}
    [ "$(value "$work/tr.tsv" routine.language)" = "$lang" ] ||
        echo "$tr: language is '$(value "$work/tr.tsv" routine.language)', the file name says '$lang'"
    head -n 5 "$tr" | grep -qi 'review' && head -n 5 "$tr" | grep -qi 'native' ||
        echo "$tr: the first lines do not say a native-speaking clinician must review it"
}

# Prints one line per problem of the clips of routine $1 under assets $2.
check_voice() { # routine.ini assets-dir
    local r=$1 a=$2 lang out key text dir
    lang=$(value <(flatten "$r") routine.language)
    dir=$a/voice/${lang:-en}
    if ! out=$("$bin" --assets "$a" --check "$r" 2>&1); then
        echo "$r: --check failed:"; echo "$out"
    elif grep -q 'warning' <<<"$out"; then
        echo "$r: --check warns:"; grep 'warning' <<<"$out" | sed 's/^/  /'
    fi
    "$bin" --assets "$a" --routine "$r" --list-cues > "$work/cues.tsv" ||
        { echo "$r: --list-cues failed"; return; }
    [ -s "$work/cues.tsv" ] || echo "$r: no cues"
    while IFS=$'\t' read -r key text; do
        [ -f "$dir/$key.ogg" ] || { echo "$dir/$key.ogg: missing (\"$text\")"; continue; }
        [ -f "$dir/$key.txt" ] || { echo "$dir/$key.txt: missing"; continue; }
        [ "$(cat "$dir/$key.txt")" = "$text" ] ||
            echo "$dir/$key.txt: says '$(cat "$dir/$key.txt")', the cue says '$text'"
    done < "$work/cues.tsv"
    for f in "$dir"/*.ogg; do
        [ -e "$f" ] || continue
        key=$(basename "$f" .ogg)
        cut -f1 "$work/cues.tsv" | grep -qxF "$key" || echo "$f: no cue names it (kiosk/make-voice --prune)"
    done
}

en=$src/assets/routines/sciatica.ini
fail=0 n=0
for tr in "$src"/assets/routines/sciatica-*.ini; do
    [ -e "$tr" ] || { echo "no translations in $src/assets/routines"; exit 1; }
    n=$((n + 1))
    problems=$( { check_table "$en" "$tr"; check_voice "$tr" "$src/assets"; } )
    if [ -n "$problems" ]; then echo "$problems"; fail=$((fail + 1)); fi
    echo "$(basename "$tr"): $(wc -l < "$work/en.tsv") keys, $(wc -l < "$work/cues.tsv") cues with clips${problems:+: PROBLEMS}"
done
problems=$(check_voice "$en" "$src/assets")
[ -z "$problems" ] || { echo "$problems"; fail=$((fail + 1)); }

# --- the checks must catch a broken copy ------------------------------------
# Each copy is broken one way and checked only by the check meant to see it.
trs=("$src"/assets/routines/sciatica-*.ini)
tr=${trs[0]}
lang=$(basename "$tr" .ini); lang=${lang#sciatica-}
b=$work/b/routines/sciatica-$lang.ini v=$work/b/voice/$lang
mkdir -p "$work/b/routines" "$work/b/voice"
cp -r "$src/assets/sprites" "$src/assets/fonts" "$work/b/"
table_broken() { # what sed-script
    cp "$tr" "$b"
    sed -i "$2" "$b"
    if cmp -s "$tr" "$b" || [ -z "$(check_table "$en" "$b")" ]; then
        echo "a broken copy passed: $1"; fail=$((fail + 1))
    fi
}
voice_broken() { # what
    cp "$tr" "$b"
    rm -rf "$v"; cp -r "$src/assets/voice/$lang" "$v"
    [ -z "$(check_voice "$b" "$work/b")" ] || { echo "the unbroken copy fails"; fail=$((fail + 1)); }
    case $1 in
    "clip removed") rm "$v/basic.step1.ogg" ;;
    "sidecar edited") echo other words > "$v/basic.step1.txt" ;;
    "stale clip") cp "$v/hold.ogg" "$v/gone.ogg" ;;
    esac
    [ -n "$(check_voice "$b" "$work/b")" ] || { echo "a broken copy passed: $1"; fail=$((fail + 1)); }
}
table_broken "step3 deleted" '/^step3 = /,/^[a-z_0-9]* = /{/^step3 = /d;/^  /d}'
table_broken "30 s changed to 20" '0,/ 30 /s/ 30 / 20 /'
table_broken "reps changed" '0,/^reps = 4/s/^reps = 4/reps = 3/'
table_broken "placeholder lost" 's/{total}/4/'
table_broken "phrase deleted" '/^still_there = /d'
table_broken "review note removed" '1,5{/^#/d}'
voice_broken "clip removed"
voice_broken "sidecar edited"
voice_broken "stale clip"
echo "$n translations checked (and 9 broken copies caught), $fail problems"
[ "$fail" = 0 ]
