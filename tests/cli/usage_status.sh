#!/usr/bin/env bash
# Usage counts and health (issue 15 parts 1, 2) through the real program,
# headless: --status on a live kiosk, a stale and a missing status.json, a
# scripted session in --usage, bad lines in usage.csv, an unwritable folder,
# usage = off, and JSON escaping of a routine title with quotes, a
# backslash, a tab and UTF-8.
. "$(dirname "$0")/lib.sh"
data="$SK_SOURCE_DIR/tests/data/replay"
unset STATE_DIRECTORY RUNTIME_DIRECTORY

# until SECONDS CMD...: waits (a deadline, not a sleep) for CMD to succeed.
until_ok() {
    local end=$((SECONDS + $1)); shift
    while ! "$@" 2>/dev/null; do
        [ "$SECONDS" -lt "$end" ] || return 1
        sleep 0.1
    done
}

# A routine whose title needs escaping, next to the real sprites.
mkdir -p "$tmp/content/routines"
ln -s "$SK_SOURCE_DIR/assets/sprites" "$tmp/content/sprites"
title=$(printf 'Dr. "Zoë" \\ back\tstretches')
sed "s|^title = .*|title = ${title//\\/\\\\}|" "$SK_SOURCE_DIR/assets/routines/sciatica.ini" \
    >"$tmp/content/routines/odd.ini"
check "the odd routine is valid" "$SK" --check "$tmp/content/routines/odd.ini" >/dev/null

st=$tmp/st
"$SK" --windowed 640x360 --mode touch --routine "$tmp/content/routines/odd.ini" \
      --replay "$data/skips.replay" --state-dir "$st" --exit-after 14 2>"$tmp/run.err" &
pid=$!
check "status.json with a frame within 10 s" until_ok 10 grep -q '"last_frame":"20' "$st/status.json"
check "--status on a live kiosk: exit 0" "$SK" --status --state-dir "$st" >"$tmp/status.txt"
check "--status says OK" grep -q ': OK$' "$tmp/status.txt"
check "--status shows the title as written" grep -qF "\"$title\"" "$tmp/status.txt"
"$SK" --status --json --state-dir "$st" >"$tmp/status.json"
check "status.json: the title escaped" \
    grep -qF '"title":"Dr. \"Zoë\" \\ back\tstretches"' "$st/status.json"
for k in '"pid":'"$pid" '"version":' '"checksum":"fnv1a64:[0-9a-f]{16}"' '"fallback":false' \
         '"mode":"touch"' '"audio":"' '"video_driver":"dummy"' '"renderer":"' '"uptime_s":' \
         '"last_frame":"20' '"today":' '"running":true' '"problem":null'; do
    check "--status --json has $k" grep -Eq "$k" "$tmp/status.json"
done

# The same file with an old time: stale; with a pid that is gone: not running.
mkdir -p "$tmp/stale" "$tmp/dead"
sed -E 's/"updated_unix":[0-9]+/"updated_unix":1000000000/' "$st/status.json" >"$tmp/stale/status.json"
"$SK" --status --state-dir "$tmp/stale" >/dev/null 2>"$tmp/stale.err"
check "stale status.json: exit 1" [ $? -eq 1 ]
check "stale: says so, with the limit" grep -q 'stale: status.json not rewritten for [0-9]* s (limit 30 s)' "$tmp/stale.err"
true & gone=$!; wait "$gone"
sed -E "s/\"pid\":[0-9]+/\"pid\":$gone/" "$st/status.json" >"$tmp/dead/status.json"
"$SK" --status --state-dir "$tmp/dead" >/dev/null 2>"$tmp/dead.err"
check "a dead pid: exit 1, not running" bash -c "[ $? -eq 1 ] && grep -q 'not running' '$tmp/dead.err'"
"$SK" --status --state-dir "$tmp/none" >/dev/null 2>"$tmp/none.err"
check "no status.json: exit 1, not running" bash -c "[ $? -eq 1 ] && grep -q 'not running.*missing' '$tmp/none.err'"

wait "$pid"
check "the kiosk exits 0" [ $? -eq 0 ]
check "status.json removed at a clean exit" test ! -e "$st/status.json"
"$SK" --status --state-dir "$st" >/dev/null 2>&1
check "--status after the exit: exit 1" [ $? -eq 1 ]
# The scripted session: started, stopped in the first stretch's get-ready.
today=$(date +%F)
line=$(grep "^$today," "$st/usage.csv")
check "usage.csv has today's line" [ -n "$line" ]
IFS=, read -r _ cycles wakes started completed stopped walked holds stopped_in _ _ _ starts _ <<<"$line"
check "one session started, none completed, one stopped ($line)" \
    [ "$started" = 1 ] && [ "$completed" = 0 ] && [ "$stopped" = 1 ] && [ "$walked" = 0 ]
check "stopped in basic/get-ready" [ "$stopped_in" = "basic/get-ready:1" ]
check "one start, no wake taps, no holds" [ "$starts" = 1 ] && [ "$wakes" = 0 ] && [ -z "$holds" ]
"$SK" --usage --state-dir "$st" >"$tmp/usage.txt"
check "--usage: exit 0" [ $? -eq 0 ]
check "--usage: today's row" grep -Eq "^$today +$cycles +0 +1 +0 +1 +0 +0 " "$tmp/usage.txt"
check "--usage: where it was stopped" grep -q '^Sessions stopped in: basic/get-ready 1$' "$tmp/usage.txt"
"$SK" --usage --json --state-dir "$st" >"$tmp/usage.json"
check "--usage --json: the day and the total" \
    bash -c "grep -q '\"date\":\"$today\"' '$tmp/usage.json' && grep -q '\"total\":' '$tmp/usage.json' && grep -q '\"basic/get-ready\":1' '$tmp/usage.json'"

# Bad and foreign lines: named, skipped, never fatal.
mkdir -p "$tmp/bad"
{ cat "$st/usage.csv"; echo "2026-02-30x,1"; echo "<html>"; echo "2025-01-01,1,2,3,2,1,0,,,,5,0,1,no-audio:1"; } \
    >"$tmp/bad/usage.csv"
"$SK" --usage --state-dir "$tmp/bad" >"$tmp/bad.txt" 2>"$tmp/bad.err"
check "--usage with bad lines: exit 0" [ $? -eq 0 ]
n=$(wc -l <"$st/usage.csv")
check "bad lines named file:line" grep -q "bad/usage.csv:$((n + 1)): warning: fewer than 14 fields: skipped" "$tmp/bad.err"
check "foreign line named" grep -q "bad/usage.csv:$((n + 2)): " "$tmp/bad.err"
check "the good lines still count" grep -Eq '^2025-01-01 +1 +2 +3 ' "$tmp/bad.txt"
check "start problems listed" grep -q '^Start problems: no-audio 1$' "$tmp/bad.txt"

# A folder that cannot be written (even by root): one line each, the kiosk goes on.
"$SK" --windowed 640x360 --state-dir /dev/null/kiosk --exit-after 3 2>"$tmp/ro.err"
check "unwritable folder: the kiosk runs and exits 0" [ $? -eq 0 ]
check "unwritable folder: one line about the counts" \
    [ "$(grep -c 'usage counts kept in memory only' "$tmp/ro.err")" = 1 ]
check "unwritable folder: one line about status.json" [ "$(grep -c 'no status.json' "$tmp/ro.err")" = 1 ]

# usage = off: no counts, the status still written; and a broken routine:
# the built-in one, said so.
printf '[kiosk]\nusage = off\n' >"$tmp/off.ini"
printf '[routine]\ntitle = x\n[exercise.a]\nname = A\n' >"$tmp/broken.ini"
"$SK" --config "$tmp/off.ini" --routine "$tmp/broken.ini" --windowed 640x360 --state-dir "$tmp/off" \
      --exit-after 5 2>/dev/null &
pid=$!
check "usage = off: status.json still written" until_ok 10 test -s "$tmp/off/status.json"
check "a broken routine: fallback in status.json" grep -q '"fallback":true' "$tmp/off/status.json"
check "a broken routine: --status says so and still exits 0" \
    bash -c "'$SK' --status --state-dir '$tmp/off' | grep -q 'running, but on the built-in routine'"
wait "$pid"
check "usage = off: no usage.csv" test ! -e "$tmp/off/usage.csv"
finish
