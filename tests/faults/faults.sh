#!/usr/bin/env bash
# Fault tests: each broken input gives a clear message naming what is wrong,
# and the kiosk goes on where it can.
. "$(dirname "$0")/../cli/lib.sh"
src="$SK_SOURCE_DIR"
routine="$src/assets/routines/sciatica.ini"
frame() {  # frame DIR ARGS...: one frame at 70 s (a hold), small
    local dir=$1; shift
    "$SK" "$@" --mode session --render-frames "$dir" --at 70 --size 480x270 >/dev/null
}

# A copy of the assets we can break. Font links stay links.
cp -a "$src/assets" "$tmp/assets"

# --- fonts: missing, then corrupt -----------------------------------------
rm "$tmp/assets/fonts/DejaVuSans.ttf" "$tmp/assets/fonts/DejaVuSans-Bold.ttf"
frame "$tmp/f1" --assets "$tmp/assets" 2>"$tmp/err"
check "missing font: a frame is still written" [ -s "$tmp/f1/frame-070000ms.png" ]
check "missing font: the font file is named" grep -q "fonts/DejaVuSans.*cannot open font" "$tmp/err"
head -c 5000 /dev/urandom >"$tmp/assets/fonts/DejaVuSans.ttf"
head -c 5000 /dev/urandom >"$tmp/assets/fonts/DejaVuSans-Bold.ttf"
frame "$tmp/f2" --assets "$tmp/assets" 2>"$tmp/err"
check "corrupt font: a frame is still written" [ -s "$tmp/f2/frame-070000ms.png" ]
check "corrupt font: the font file is named" grep -q "fonts/DejaVuSans.*cannot open font" "$tmp/err"
rm -rf "$tmp/assets"; cp -a "$src/assets" "$tmp/assets"

# --- sprite sheet: corrupt PNG -----------------------------------------------
png=$(ls "$tmp"/assets/sprites/basic*.png 2>/dev/null | head -1)
if [ -n "$png" ]; then
    head -c 300 "$src/assets/sprites/$(basename "$png")" >"$png"   # truncated
    frame "$tmp/s1" --assets "$tmp/assets" 2>"$tmp/err"
    check "truncated sprite sheet: a frame is still written" [ -s "$tmp/s1/frame-070000ms.png" ]
    check "truncated sprite sheet: the file is named" grep -q "$(basename "$png")" "$tmp/err"
    "$SK" --check "$tmp/assets/routines/sciatica.ini" >"$tmp/out" 2>&1
    check "truncated sprite sheet: --check fails" [ $? -eq 1 ]
    check "truncated sprite sheet: --check names it" grep -q "$(basename "$png")" "$tmp/out"
else
    fail "no sprite sheet shipped in assets/sprites"
fi
rm -rf "$tmp/assets"; cp -a "$src/assets" "$tmp/assets"

# --- voice clip: corrupt ----------------------------------------------------
clip=$(ls "$tmp"/assets/voice/en/*.ogg 2>/dev/null | head -1)
if [ -n "$clip" ]; then
    head -c 2000 /dev/urandom >"$clip"
    frame "$tmp/v1" --assets "$tmp/assets" 2>"$tmp/err"
    check "corrupt voice clip: a frame is still written" [ -s "$tmp/v1/frame-070000ms.png" ]
else
    fail "no voice clip shipped in assets/voice/en"
fi

# --- routine files ----------------------------------------------------------
head -c 4096 /dev/urandom >"$tmp/binary.ini"
"$SK" --check "$tmp/binary.ini" >"$tmp/out" 2>&1
check "binary routine: --check exits 1" [ $? -eq 1 ]
check "binary routine: says it is not text" grep -q "binary.ini.*not a text file\|binary.ini.*UTF-8" "$tmp/out"
frame "$tmp/r1" --routine "$tmp/binary.ini" 2>"$tmp/err"
check "binary routine: the kiosk still draws (built-in routine)" [ -s "$tmp/r1/frame-070000ms.png" ]

truncate -s 1G "$tmp/huge.ini"
start=$(date +%s%N)
"$SK" --check "$tmp/huge.ini" >"$tmp/out" 2>&1
check "1 GB routine: --check exits 1" [ $? -eq 1 ]
check "1 GB routine: names the size limit" grep -q "huge.ini: is 1073741824 bytes; the limit is" "$tmp/out"
check "1 GB routine: refused without reading it (under 2 s)" [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 2000 ]

{
    echo "[routine]"; echo "title = Many"
    for i in $(seq 1 10000); do printf '[exercise.e%d]\nname = E%d\nstep1 = Do it.\n' "$i" "$i"; done
} >"$tmp/many.ini"
"$SK" --check "$tmp/many.ini" >"$tmp/out" 2>&1
check "10,000 exercises: --check exits 1" [ $? -eq 1 ]
check "10,000 exercises: names the limit" grep -qi "too many exercises\|at most 32\|limit" "$tmp/out"
check "10,000 exercises: the report stays short" [ "$(wc -l <"$tmp/out")" -lt 1100 ]

mkdir "$tmp/dir.ini"
"$SK" --check "$tmp/dir.ini" >"$tmp/out" 2>&1
check "a directory: --check exits 1" [ $? -eq 1 ]
check "a directory: says so" grep -q "dir.ini: is a directory" "$tmp/out"

cp "$routine" "$tmp/vanishing.ini"
sed -i 's|\.\./sprites/|'"$src"'/assets/sprites/|' "$tmp/vanishing.ini"
"$SK" --check "$tmp/vanishing.ini" >/dev/null 2>&1
check "vanishing file: passes --check first" [ $? -eq 0 ]
rm "$tmp/vanishing.ini"
frame "$tmp/r2" --routine "$tmp/vanishing.ini" 2>"$tmp/err"
check "vanishing file: the kiosk still draws" [ -s "$tmp/r2/frame-070000ms.png" ]
check "vanishing file: says it cannot open it" grep -q "vanishing.ini: cannot open" "$tmp/err"

# --- no audio device, no display -------------------------------------------
SDL_AUDIODRIVER=nonexistent SDL_VIDEODRIVER=dummy timeout 20 "$SK" --windowed 320x240 --exit-after 2 \
    >/dev/null 2>"$tmp/err"
check "no audio device: runs and exits 0" [ $? -eq 0 ]
SDL_VIDEODRIVER=x11 DISPLAY= timeout 20 "$SK" >/dev/null 2>"$tmp/err"; rc=$?
check "no display: exits non-zero" [ $rc -ne 0 ] && [ $rc -ne 124 ]
check "no display: a clear message" grep -q "cannot open the display\|no display" "$tmp/err"

env -u SDL_VIDEODRIVER -u DISPLAY -u WAYLAND_DISPLAY timeout 20 "$SK" >/dev/null 2>"$tmp/err"; rc=$?
check "no display found at all: exits non-zero (not an invisible kiosk)" [ $rc -ne 0 ] && [ $rc -ne 124 ]
check "no display found at all: says so" grep -q "no display found\|cannot open the display" "$tmp/err"

# --- SIGHUP with broken content, then SIGTERM --------------------------------
cp "$routine" "$tmp/live.ini"
sed -i 's|\.\./sprites/|'"$src"'/assets/sprites/|' "$tmp/live.ini"
printf '[kiosk]\nroutine = %s\n' "$tmp/live.ini" >"$tmp/kiosk.ini"
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$SK" --config "$tmp/kiosk.ini" --windowed 320x240 \
    2>"$tmp/live.err" &
pid=$!
sleep 2
printf '[exercise.x]\nhold_seconds = forever\n' >"$tmp/live.ini"
kill -HUP $pid
sleep 1.5
check "SIGHUP with a broken routine: still running" kill -0 $pid
check "SIGHUP with a broken routine: the error names file and line" grep -q "live.ini:2: hold_seconds" "$tmp/live.err"
check "SIGHUP with a broken routine: keeps the old content" grep -q "still showing the previous routine" "$tmp/live.err"
t0=$(date +%s%N)
kill -TERM $pid
wait $pid; rc=$?
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
check "SIGTERM: clean exit (status 0)" [ $rc -eq 0 ]
check "SIGTERM: within 1 s (took $ms ms)" [ $ms -lt 1000 ]
finish
