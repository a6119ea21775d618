#!/usr/bin/env bash
# Measures the Spanish or German voices Debian ships on the routine's own
# lines. Debian has no recogniser for es or de (pocketsphinx ships en-us
# only), so this measures what can be measured without one:
#   rate     the engine's own sample rate (Hz)
#   air      energy in 5.5-7.5 kHz (the top of s, z, f, sch) against the
#            whole, dB; "none" when the engine's rate stops below it
#   lost     diphones the MBROLA voice does not have, which espeak-ng asks
#            for anyway: each is spoken as silence (mbrola's own warnings)
#   wpm      words a minute over all lines (edges trimmed): the pace
#   spread   how far the slowest and fastest line (seconds per letter) are
#            from the median, as a factor: a skipped or garbled word, or
#            a letter the engine cannot read (ñ, ü, ß), shows up here
#   num      seconds of "30 ... 4" against the same line with the numbers
#            spelled out: 1.00 when the engine reads numbers in the language
#   clip     samples at full scale (0 = no clipping)
# Not run by ctest: it is how kiosk/make-voice's voices were chosen (README,
# "Voice and sound"). tests/voice/compare-engines.sh measures the same
# engines' English voices with pocketsphinx, the independent check.
#   tests/voice/measure-voices.sh es|de CUES.tsv   (stretch-kiosk --list-cues)
set -euo pipefail
lang=$1 cues=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case $lang in
es) engines=${ENGINES:-espeak-ng mb-es1 mb-es2 mb-es3 mb-es4 festival-el pico}
    num_digits="Mantenga 30 segundos y repita 4 veces."
    num_words="Mantenga treinta segundos y repita cuatro veces." ;;
de) engines=${ENGINES:-espeak-ng mb-de1 mb-de2 mb-de3 mb-de4 mb-de5 mb-de6 mb-de7 pico}
    num_digits="Halten Sie 30 Sekunden und wiederholen Sie die Übung 4 Mal."
    num_words="Halten Sie dreißig Sekunden und wiederholen Sie die Übung vier Mal." ;;
*) echo "measure-voices: language must be es or de" >&2; exit 2 ;;
esac

synth() { # engine text out.wav
    case $1 in
    espeak-ng) espeak-ng -v "$lang" -w "$3" "$2" ;;
    mb-*) espeak-ng -v "$1" -w "$3" "$2" 2>>"$work/mbrola.log" ;;
    festival-el) # festival reads ISO-8859-1
        printf '%s\n' "$2" | iconv -f UTF-8 -t ISO-8859-1//TRANSLIT > "$work/in.txt"
        text2wave -eval '(voice_el_diphone)' "$work/in.txt" -o "$3" >/dev/null ;;
    pico) pico2wave -l "$([ "$lang" = es ] && echo es-ES || echo de-DE)" -w "$3" "$2" ;;
    esac
}

trimmed() { sox "$1" "$2" silence 1 0.02 -45d reverse silence 1 0.02 -45d reverse; }
db() { sox "$1" -n stats 2>&1 | awk '/^RMS lev dB/ { print $4 }'; }

printf '%-11s %6s %6s %5s %11s %5s %5s %5s\n' engine rate air wpm spread num clip lost
for e in $engines; do
    words=0 secs=0 clip=0 i=0
    : > "$work/mbrola.log"
    : > "$work/spl"
    while IFS=$'\t' read -r key text; do
        [ -n "$key" ] || continue
        i=$((i + 1))
        if ! synth "$e" "$text" "$work/raw.wav" || [ ! -s "$work/raw.wav" ]; then
            echo "$e: no output for $key" >&2; continue
        fi
        rate=$(soxi -r "$work/raw.wav")
        trimmed "$work/raw.wav" "$work/$i.wav"
        d=$(soxi -D "$work/$i.wav")
        n=$(wc -w <<<"$text") letters=$(tr -cd '[:alnum:]' <<<"$text" | wc -m)
        words=$((words + n))
        secs=$(awk -v a="$secs" -v b="$d" 'BEGIN { print a + b }')
        # sentences only: "uno" or "1 de 4" say little about a voice's pace
        [ "$n" -ge 4 ] && awk -v d="$d" -v l="$letters" -v k="$key" 'BEGIN { print d / l, k }' >> "$work/spl"
        c=$(sox "$work/$i.wav" -n stats 2>&1 | awk '/^Pk count/ { print $3 }')
        pk=$(sox "$work/$i.wav" -n stats 2>&1 | awk '/^Pk lev dB/ { print $4 }')
        awk -v p="$pk" 'BEGIN { exit !(p > -0.1) }' && clip=$((clip + ${c%k}))
    done < "$cues"
    # the band of the consonants against the whole, over all lines joined
    sox "$work"/[0-9]*.wav "$work/all.wav"
    if [ "$rate" -ge 16000 ]; then
        sox "$work/all.wav" "$work/hf.wav" sinc 5500-7500
        air=$(awk -v a="$(db "$work/hf.wav")" -v b="$(db "$work/all.wav")" 'BEGIN { printf "%.1f", a - b }')
    else
        air=none
    fi
    lost=$(grep -c 'unknown, replaced' "$work/mbrola.log" || true)
    rm -f "$work"/[0-9]*.wav
    spread=$(sort -g "$work/spl" | awk '{ v[NR] = $1; k[NR] = $2 } END { m = v[int((NR + 1) / 2)]; printf "%.2f-%.2f", v[1] / m, v[NR] / m
        if (ENVIRON["VERBOSE"] != "") printf "fastest %s, slowest %s\n", k[1], k[NR] > "/dev/stderr" }')
    synth "$e" "$num_digits" "$work/d.wav"; trimmed "$work/d.wav" "$work/dt.wav"
    synth "$e" "$num_words" "$work/w.wav"; trimmed "$work/w.wav" "$work/wt.wav"
    num=$(awk -v a="$(soxi -D "$work/dt.wav")" -v b="$(soxi -D "$work/wt.wav")" 'BEGIN { printf "%.2f", a / b }')
    awk -v e="$e" -v r="$rate" -v hf="$air" -v lost="$lost" -v w="$words" -v s="$secs" -v sp="$spread" -v num="$num" -v c="$clip" \
        'BEGIN { printf "%-11s %6d %6s %5.0f %11s %5s %5d %5d\n", e, r, hf, 60 * w / s, sp, num, c, lost }'
done
