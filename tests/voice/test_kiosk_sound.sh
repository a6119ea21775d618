#!/usr/bin/env bash
# The whole program, headless, with SDL's audio drivers standing in for a
# sound card: it speaks on the disk driver, it runs silently and logs one
# line with no device, and quiet hours and --mute keep it silent.
# (Sample-exact alignment of sounds with timeline events is
# tests/unit/test_audio_disk.c: the program runs on the wall clock.)
# Exit 77 (skipped) when the program is not built.
set -uo pipefail
root=${SK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SK_BINARY_DIR:-$root/build}/stretch-kiosk
[ -x "$bin" ] || { echo "no $bin: skipped"; exit 77; }
command -v sox >/dev/null || { echo "sox missing: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
bad() { echo "FAILED: $*"; fail=$((fail + 1)); }

run() { # driver seconds extra-args...
    local driver=$1 secs=$2
    shift 2
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=$driver SDL_DISKAUDIOFILE=$work/out.raw \
        "$bin" --windowed 640x360 --mode session --exit-after "$secs" \
        --assets "$root/assets" "$@" > "$work/log" 2>&1
}
# peak (0..1) of the raw output, and the time of the first sample above -40 dBFS
peak() { sox -t raw -r 44100 -e signed -b 16 -c 2 "$work/out.raw" -n stat 2>&1 | awk '/^Maximum amplitude/ { print $3 }'; }
onset() {
    sox -t raw -r 44100 -e signed -b 16 -c 2 "$work/out.raw" -n silence 1 0.001 -40d stat 2>&1 |
        awk -v total="$(($(stat -c %s "$work/out.raw") / 4))" '/^Samples read/ { printf "%d", (total - $3 / 2) * 1000 / 44100 }'
}

# 1. speaks: the welcome starts with the session
rm -f "$work/out.raw"
run disk 5 || bad "exit status $? on the disk driver"
if [ -s "$work/out.raw" ]; then
    secs=$(( $(stat -c %s "$work/out.raw") / 4 / 44100 ))
    [ "$secs" -ge 4 ] || bad "only $secs s of audio in a 5 s run"
    p=$(peak)
    awk -v p="$p" 'BEGIN { exit !(p > 0.1) }' || bad "peak $p: the welcome is not heard"
    o=$(onset)
    [ "${o:-9999}" -lt 1500 ] || bad "first sound at ${o} ms, want the welcome within 1.5 s"
    echo "disk: ${secs} s of audio, peak $p, first sound at ${o} ms"
else
    bad "no audio written"; cat "$work/log"
fi

# 2. no device: one line, exit 0
run nonexistent 3 || bad "exit status $? without a sound device"
n=$(grep -c '^audio:' "$work/log")
[ "$n" = 1 ] || { bad "$n audio lines without a device, want 1"; cat "$work/log"; }

# 3. quiet hours all day on a synchronised clock: silent (this machine's
# clock may not be synchronised: SK_TEST_WALL_CLOCK_SYNCED says it is)
printf '[kiosk]\nquiet_hours = 00:00-12:00, 12:00-00:00\n' > "$work/quiet.ini"
rm -f "$work/out.raw"
SK_TEST_WALL_CLOCK_SYNCED=1 run disk 4 --config "$work/quiet.ini" || bad "exit status $? in quiet hours"
if [ -s "$work/out.raw" ]; then
    p=$(peak)
    [ "$p" = 0.000000 ] || bad "quiet hours: peak $p, want silence"
fi
# 3b. the same on a clock nobody synchronised (a Pi after a power cut): it
# speaks, as it does for screen-off hours (src/core/hours.h)
rm -f "$work/out.raw"
SK_TEST_WALL_CLOCK_SYNCED=0 run disk 4 --config "$work/quiet.ini" || bad "exit status $? unsynchronised"
p=$( [ -s "$work/out.raw" ] && peak || echo 0)
awk -v p="$p" 'BEGIN { exit !(p > 0.1) }' || bad "quiet hours on an unsynchronised clock: peak $p, want speech"

# 4. --mute: the device is not even opened (or stays silent)
rm -f "$work/out.raw"
run disk 3 --mute || bad "exit status $? with --mute"
if [ -s "$work/out.raw" ]; then
    p=$(peak)
    [ "$p" = 0.000000 ] || bad "--mute: peak $p, want silence"
fi

echo "kiosk sound checks: $fail failed"
[ "$fail" = 0 ]
