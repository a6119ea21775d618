#!/usr/bin/env bash
# Compares the speech synthesisers Debian ships on sentences of the routine:
# each engine speaks every sentence, pocketsphinx (an independent recogniser)
# writes down what it heard, and we count word errors (WER) and the pace.
# Not run by ctest: it is how the voice of kiosk/make-voice was chosen.
#
#   tests/voice/compare-engines.sh [SENTENCES.txt]   (one sentence a line)
#   tests/voice/compare-engines.sh assets/voice/en   (the shipped clips
#                               against their sidecars: the same measure)
#   ENGINES="espeak-ng mbrola-us1 pico-en festival-hts" tests/voice/compare-engines.sh
#                               (the engines behind the Spanish and German voices)
# Needs: espeak-ng flite festival festvox-us-slt-hts sox pocketsphinx
#        pocketsphinx-en-us; mbrola-us1 (non-free) and libttspico-utils
#        (non-free) for those two engines
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sentences=${1:-$here/engine-sentences.txt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in espeak-ng flite text2wave sox pocketsphinx_continuous; do
    command -v "$tool" >/dev/null || { echo "compare-engines: $tool is missing" >&2; exit 2; }
done

# shellcheck source=wer-lib.sh
. "$here/wer-lib.sh"

synth() { # engine text out.wav
    case $1 in
    espeak-ng) espeak-ng -v en-us -w "$3" "$2" ;;
    # the engines of the Spanish and German voices, in English: what
    # pocketsphinx says of them stands for what it cannot say in es/de
    mbrola-us1) espeak-ng -v mb-us1 -w "$3" "$2" 2>/dev/null ;;
    pico-en) pico2wave -l en-US -w "$3" "$2" ;;
    pico-calm) pico2wave -l en-US -w "$3" "<speed level='75'>$2</speed>" ;;   # ~140 words/min
    flite-slt) flite -voice slt -t "$2" -o "$3" ;;
    festival-hts)
        printf '%s\n' "$2" > "$work/in.txt"
        text2wave -eval '(voice_cmu_us_slt_arctic_hts)' "$work/in.txt" -o "$3" ;;
    # the same two at the calmer pace kiosk/make-voice uses
    flite-calm) flite -voice slt --setf duration_stretch=1.15 -t "$2" -o "$3" ;;
    festival-calm)
        printf '%s\n' "$2" > "$work/in.txt"
        text2wave -eval '(voice_cmu_us_slt_arctic_hts)' \
            -eval "(set! cmu_us_slt_arctic_hts::hts_engine_params (append cmu_us_slt_arctic_hts::hts_engine_params (list '(\"-r\" 0.87))))" \
            -eval '(voice_cmu_us_slt_arctic_hts)' "$work/in.txt" -o "$3" ;;
    esac
}

if [ -d "$sentences" ]; then   # shipped clips against their sidecars
    errors=0 words=0 secs=0
    for f in "$sentences"/*.ogg; do
        sox "$f" -r 16000 -c 1 -b 16 "$work/c.wav"
        heard=$(pocketsphinx_continuous -infile "$work/c.wav" -logfn /dev/null 2>/dev/null | tr '\n' ' ' | sk_norm)
        ref=$(sk_norm < "${f%.ogg}.txt" | tr '\n' ' ' | sed 's/ $//')
        read -r e n < <(sk_wer_counts "$ref" "$heard")
        errors=$((errors + e)) words=$((words + n))
        secs=$(awk -v a="$secs" -v b="$(soxi -D "$f")" 'BEGIN { print a + b }')
        [ -n "${VERBOSE:-}" ] && printf '  %s: heard "%s"\n' "$(basename "$f")" "$heard" >&2
    done
    awk -v e="$errors" -v n="$words" -v s="$secs" \
        'BEGIN { printf "shipped clips: WER %.0f%% over %d words, %.1f s, %.0f words/min\n", 100 * e / n, n, s, 60 * n / s }'
    exit 0
fi

printf '%-13s %6s %7s %8s %9s\n' engine WER words seconds words/min
for engine in ${ENGINES:-espeak-ng flite-slt festival-hts flite-calm festival-calm}; do
    errors=0 words=0 secs=0 i=0
    while IFS= read -r s; do
        [ -n "$s" ] || continue
        i=$((i + 1))
        synth "$engine" "$s" "$work/$i.wav"
        # trim the engine's own leading/trailing silence before timing it
        sox "$work/$i.wav" -r 16000 -c 1 -b 16 "$work/$i-16k.wav" \
            silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
        heard=$(pocketsphinx_continuous -infile "$work/$i-16k.wav" -logfn /dev/null 2>/dev/null | tr '\n' ' ' | sk_norm)
        ref=$(printf '%s' "$s" | sk_norm)
        read -r e n < <(sk_wer_counts "$ref" "$heard")
        errors=$((errors + e)) words=$((words + n))
        secs=$(awk -v a="$secs" -v b="$(soxi -D "$work/$i-16k.wav")" 'BEGIN { print a + b }')
        [ -n "${VERBOSE:-}" ] && printf '  %s: heard "%s"\n' "$engine" "$heard" >&2
    done < "$sentences"
    awk -v en="$engine" -v e="$errors" -v n="$words" -v s="$secs" \
        'BEGIN { printf "%-13s %5.0f%% %7d %8.1f %9.0f\n", en, 100 * e / n, n, s, 60 * n / s }'
done
