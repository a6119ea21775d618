#!/usr/bin/env bash
# --check on the shipped routine and on broken ones.
. "$(dirname "$0")/lib.sh"
routine="$SK_SOURCE_DIR/assets/routines/sciatica.ini"

out=$("$SK" --check "$routine"); rc=$?
check "the built-in routine passes --check" [ $rc -eq 0 ]
check "and says so" grep -q "no problems found" <<<"$out"

cat >"$tmp/bad.ini" <<'INI'
[routine]
title = Broken

[exercise.one]
name = One
step1 = Lie down.
hold_seconds = thirty
sides = left

[exercise.one]
name = Again
step1 = x
rpes = 4
INI
out=$("$SK" --check "$tmp/bad.ini"); rc=$?
check "a bad routine exits 1" [ $rc -eq 1 ]
check "names file and line of hold_seconds" grep -q "bad.ini:7: hold_seconds must be 1..600, got \"thirty\"" <<<"$out"
check "bad sides value on line 8" grep -q "bad.ini:8:.*sides" <<<"$out"
check "duplicate id on line 10" grep -q "bad.ini:10:.*duplicate" <<<"$out"
check "did you mean reps on line 13" grep -q "bad.ini:13:.*did you mean \"\?reps" <<<"$out"

out=$("$SK" --check "$routine" "$tmp/bad.ini" "$tmp/missing.ini"); rc=$?
check "several files: exit 1 when one is bad" [ $rc -eq 1 ]
check "the missing one is named" grep -q "missing.ini" <<<"$out"
finish
