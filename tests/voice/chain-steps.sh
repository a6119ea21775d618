#!/usr/bin/env bash
# Which step of kiosk/make-voice's clip chain costs words with an independent
# recogniser: festival's raw output of every cue, each sox step of the chain
# alone, the whole chain before Vorbis, and the shipped clips, each decoded
# by pocketsphinx (en-us, batch mode: the model loads once per step) and
# scored against the caption (word errors, WER).
# Not run by ctest: it is how the chain was fixed (README "Voice and sound"):
# the old -42 dB trim cut final and initial fricatives ("underneath").
#   tests/voice/chain-steps.sh CUES.tsv [CLIP_DIR]
#       CUES.tsv from `stretch-kiosk --list-cues`; CLIP_DIR: the clips made
#       from those cues (default assets/voice/en)
#   STEPS="raw trim42" ...   only these steps; WORK=DIR keeps the audio
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cues=$1 clips=${2:-$here/../../assets/voice/en}
work=${WORK:-}
if [ -z "$work" ]; then work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
# shellcheck source=wer-lib.sh
. "$here/wer-lib.sh"
for tool in text2wave sox pocketsphinx_batch; do
    command -v "$tool" >/dev/null || { echo "chain-steps: $tool is missing" >&2; exit 2; }
done
steps=${STEPS:-raw hp trim42 trim55 level rate chain42 chain shipped}

# Level as make-voice does it: RMS -20 dBFS unless the peak would pass -2.
level_gain() {
    sox "$1" -n stats 2>&1 | awk '/^RMS lev dB/ { r = $4 } /^Pk lev dB/ { p = $4 }
        END { g = -20 - r; if (p + g > -2) g = -2 - p; printf "%.2f", g }'
}

step() { # step raw.wav key out.wav
    local t=$work/t
    case $1 in
    raw) cp "$2" "$4" ;;
    hp) sox -R "$2" "$4" highpass 70 ;;
    trim42) sox -R "$2" "$4" gain -n -3 silence 1 0.005 -42d reverse silence 1 0.005 -42d reverse ;;
    trim55) sox -R "$2" "$4" gain -n -3 silence 1 0.005 -55d reverse silence 1 0.005 -55d reverse ;;
    trim42pad) sox -R "$2" "$4" gain -n -3 silence 1 0.005 -42d reverse silence 1 0.005 -42d reverse pad 0.1 0.1 ;;
    level) sox -R "$2" "$4" gain "$(level_gain "$2")" ;;
    rate) sox -R "$2" "$4" rate -v 22050 ;;
    fade) sox -R "$2" "$4" fade h 0.005 -0 0.02 ;;
    chain | chain42) # make-voice's chain up to the Vorbis encoder (chain42: before the fix)
        local db=-55
        [ "$1" = chain42 ] && db=-42
        sox -R "$2" -e floating-point -b 32 "$t-1.wav" highpass 70 gain -n -3 \
            silence 1 0.005 "${db}d" reverse silence 1 0.005 "${db}d" reverse rate -v 22050
        db=-50; [ "$1" = chain42 ] && db=-45
        sox -R "$t-1.wav" "$t-2.wav" gain "$(level_gain "$t-1.wav")" \
            silence 1 0.002 "${db}d" reverse silence 1 0.002 "${db}d" reverse
        sox -R "$t-2.wav" -b 16 -D "$4" fade h 0.005 -0 0.02 ;;
    shipped) sox "$clips/$3.ogg" "$4" ;;
    *) echo "chain-steps: unknown step $1" >&2; exit 2 ;;
    esac
}

mkdir -p "$work/raw"
while IFS=$'\t' read -r key text; do
    [ -n "$key" ] || continue
    raw=$work/raw/$key.wav
    if [ ! -s "$raw" ]; then   # exactly make-voice's festival call
        printf '%s\n' "$text" > "$work/in.txt"
        text2wave -eval '(voice_cmu_us_slt_arctic_hts)' \
            -eval "(set! cmu_us_slt_arctic_hts::hts_engine_params (append cmu_us_slt_arctic_hts::hts_engine_params (list '(\"-r\" 0.83))))" \
            -eval '(voice_cmu_us_slt_arctic_hts)' "$work/in.txt" -o "$raw" >/dev/null
    fi
    for s in $steps; do
        mkdir -p "$work/$s"
        step "$s" "$raw" "$key" "$work/t-out.wav"
        sox "$work/t-out.wav" -r 16000 -c 1 -b 16 "$work/$s/$key.wav"
    done
done < "$cues"

printf '%-10s %6s %7s\n' step WER words
for s in $steps; do
    cut -f1 "$cues" > "$work/$s.ctl"
    pocketsphinx_batch -ctl "$work/$s.ctl" -cepdir "$work/$s" -cepext .wav -adcin yes -adchdr 44 \
        -hyp "$work/$s.hyp" -logfn /dev/null
    errors=0 words=0
    while IFS=$'\t' read -r key text; do
        heard=$(awk -v k="($key" 'index($0, k) { sub(/ \([^ ]* -?[0-9]+\)$/, ""); print; exit }' "$work/$s.hyp" | sk_norm)
        read -r e n < <(sk_wer_counts "$(printf '%s' "$text" | sk_norm)" "$heard")
        errors=$((errors + e)) words=$((words + n))
    done < "$cues"
    awk -v s="$s" -v e="$errors" -v n="$words" 'BEGIN { printf "%-10s %5.1f%% %7d\n", s, 100 * e / n, n }'
done
