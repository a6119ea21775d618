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
finish
