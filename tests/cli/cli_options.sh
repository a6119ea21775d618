#!/usr/bin/env bash
# --help, --version and wrong usage behave as a user expects.
. "$(dirname "$0")/lib.sh"

out=$("$SK" --help); rc=$?
check "--help exits 0" [ $rc -eq 0 ]
check "--help names --windowed" grep -q -- '--windowed' <<<"$out"
check "--help names --check" grep -q -- '--check FILE' <<<"$out"

out=$("$SK" --version); rc=$?
check "--version exits 0" [ $rc -eq 0 ]
check "--version prints a version" grep -Eq '^stretch-kiosk [0-9]+\.[0-9]+\.[0-9]+$' <<<"$out"

err=$("$SK" --frobnicate 2>&1 >/dev/null); rc=$?
check "unknown option exits 2" [ $rc -eq 2 ]
check "unknown option is named" grep -q "unknown option '--frobnicate'" <<<"$err"
check "unknown option points to --help" grep -q -- "--help" <<<"$err"

"$SK" --mode party >/dev/null 2>"$tmp/err"; rc=$?
check "bad --mode exits 2" [ $rc -eq 2 ]
check "bad --mode says what is allowed" grep -q "loop, touch or session" "$tmp/err"
"$SK" --windowed big >/dev/null 2>&1; check "bad --windowed size exits 2" [ $? -eq 2 ]
"$SK" --render-frames "$tmp/x" >/dev/null 2>&1; check "--render-frames without --at exits 2" [ $? -eq 2 ]
"$SK" --check >/dev/null 2>&1; check "--check without files exits 2" [ $? -eq 2 ]
"$SK" --rotate 45 >/dev/null 2>&1; check "--rotate 45 exits 2" [ $? -eq 2 ]
check "--help names --renderer" grep -q -- '--renderer R' <<<"$("$SK" --help)"
"$SK" --renderer opengl >/dev/null 2>"$tmp/err"; rc=$?
check "bad --renderer exits 2" [ $rc -eq 2 ]
check "bad --renderer says what is allowed" grep -q "auto, gl or software, got 'opengl'" "$tmp/err"

# --renderer software: SDL's software renderer, drawing in place on the
# window's surface (the dummy video driver has one too).
"$SK" --renderer software --windowed 320x240 --mute --exit-after 1 >/dev/null 2>"$tmp/log"; rc=$?
check "--renderer software runs (exit $rc)" [ $rc -eq 0 ]
check "--renderer software is said, with why" \
    grep -q "renderer software: software: renderer = software (kiosk.ini or --renderer)" "$tmp/log"
check "--renderer software makes the software renderer" grep -q "^stretch-kiosk: renderer software (" "$tmp/log"
check "--renderer software draws in place" grep -q "on the window's surface" "$tmp/log"
# kiosk.ini says software, the command line says gl: the command line wins.
printf '[kiosk]\nrenderer = software\n' >"$tmp/kiosk.ini"
"$SK" --config "$tmp/kiosk.ini" --renderer gl --windowed 320x240 --mute --exit-after 1 \
    >/dev/null 2>"$tmp/log"; rc=$?
check "--renderer gl over kiosk.ini runs (exit $rc)" [ $rc -eq 0 ]
check "--renderer gl wins over kiosk.ini" grep -q "renderer gl: GL: renderer = gl" "$tmp/log"
"$SK" --config "$tmp/kiosk.ini" --windowed 320x240 --mute --exit-after 1 >/dev/null 2>"$tmp/log"
check "kiosk.ini renderer = software is used" grep -q "renderer software: software:" "$tmp/log"
# SDL_RENDER_DRIVER in the environment still decides.
SDL_RENDER_DRIVER=software "$SK" --renderer gl --windowed 320x240 --mute --exit-after 1 \
    >/dev/null 2>"$tmp/log"
check "SDL_RENDER_DRIVER decides over --renderer" grep -q "SDL_RENDER_DRIVER=software decides" "$tmp/log"
finish
