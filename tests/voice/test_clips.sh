#!/usr/bin/env bash
# Every shipped clip, measured with sox: Ogg Vorbis, 22050 Hz mono, peaks
# below full scale, loudness at one level, no long silence at either end,
# and a sidecar beside it (and no sidecar without its clip).
#   tests/voice/test_clips.sh [VOICE_DIR]...  (default: every language in
#                                              assets/voice/)
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
if [ $# = 0 ]; then set -- "${SK_SOURCE_DIR:-$here}"/assets/voice/*/; fi
command -v sox >/dev/null || { echo "test_clips: sox is missing"; exit 1; }

fail=0 n=0
bad() { echo "$1: $2"; fail=$((fail + 1)); }

# Silence at one end: how much `silence` strips below -50 dBFS (speech sits
# at -20 dBFS RMS; a soft final "th" or "s" is quieter than -40 and is speech).
lead_ms() { # file [reverse]
    local d t
    d=$(soxi -D "$1")
    t=$(sox "$1" -n ${2:+"$2"} silence 1 0.001 -50d stat 2>&1 | awk '/^Length/ { print $3 }')
    awk -v d="$d" -v t="${t:-0}" 'BEGIN { printf "%d", (d - t) * 1000 }'
}

for dir in "$@"; do
dir=${dir%/}
for f in "$dir"/*.ogg; do
    [ -e "$f" ] || { bad "$dir" "no clips"; break; }
    n=$((n + 1))
    k=$(basename "$f" .ogg)
    [ -f "$dir/$k.txt" ] || bad "$f" "no sidecar $k.txt"
    [ "$(soxi -t "$f" 2>/dev/null)" = vorbis ] || { bad "$f" "not Ogg Vorbis"; continue; }
    rate=$(soxi -r "$f") ch=$(soxi -c "$f")
    [ "$rate" = 22050 ] || bad "$f" "sample rate $rate, want 22050"
    [ "$ch" = 1 ] || bad "$f" "$ch channels, want 1"
    stats=$(sox "$f" -n stats 2>&1)
    pk=$(awk '/^Pk lev dB/ { print $4 }' <<<"$stats")
    rms=$(awk '/^RMS lev dB/ { print $4 }' <<<"$stats")
    awk -v p="$pk" 'BEGIN { exit !(p < -1.0) }' || bad "$f" "peak $pk dBFS, want below -1"
    awk -v r="$rms" 'BEGIN { exit !(r > -23 && r < -17) }' || bad "$f" "RMS $rms dBFS, want -20 +-3"
    head=$(lead_ms "$f") tail=$(lead_ms "$f" reverse)
    [ "$head" -lt 150 ] || bad "$f" "${head} ms of silence at the start"
    [ "$tail" -lt 150 ] || bad "$f" "${tail} ms of silence at the end"
    [ -n "${VERBOSE:-}" ] && printf '%-2s %-28s %6.2f s  peak %6s  rms %6s  head %3d ms  tail %3d ms\n' \
        "$(basename "$dir")" "$k" "$(soxi -D "$f")" "$pk" "$rms" "$head" "$tail"
done
for t in "$dir"/*.txt; do
    [ -e "$t" ] || continue
    [ -f "${t%.txt}.ogg" ] || bad "$t" "a sidecar without its clip"
    [ -s "$t" ] || bad "$t" "empty sidecar"
done
done
echo "$n clips checked, $fail problems"
[ "$fail" = 0 ]
