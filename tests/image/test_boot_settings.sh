#!/usr/bin/env bash
# kiosk/boot-settings/apply (the image's boot-partition settings) on a fake
# boot partition and root: what it writes for good values, that a bad value
# is logged as file:line and left out, and that it always exits 0.
set -euo pipefail
src=${SK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v ssh-keygen >/dev/null || { echo "FAILED: needs ssh-keygen (apt-get install openssh-client)" >&2; exit 1; }
fail=0 passed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAILED: $*" >&2; fail=$((fail + 1)); }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fresh() {   # a root and an empty boot partition
    rm -rf "$tmp/r" "$tmp/b"
    mkdir -p "$tmp/r/etc" "$tmp/r/usr/share/zoneinfo/Europe" "$tmp/b"
    echo stretch-kiosk >"$tmp/r/etc/hostname"
    printf '127.0.0.1\tlocalhost\n127.0.1.1\tstretch-kiosk\n' >"$tmp/r/etc/hosts"
    echo TZif >"$tmp/r/usr/share/zoneinfo/Europe/Berlin"
    echo TZif >"$tmp/r/usr/share/zoneinfo/UTC"
    ln -s /usr/share/zoneinfo/UTC "$tmp/r/etc/localtime"
}
apply() { SK_BOOT_DIR="$tmp/b" SK_ROOT="$tmp/r" SK_NO_SYSTEMCTL=1 "$src/kiosk/boot-settings/apply" 2>&1; }
env_file() { cat "$tmp/r/run/stretch-kiosk/boot-settings.env"; }

# --- nothing on the card: the package's settings, nothing changed ---------------
fresh
out=$(apply) || bad "exit status $? with an empty card"
check "no card files: /etc's config" test "$(env_file)" = "SK_ARGS=--config /etc/stretch-kiosk/kiosk.ini"
check "host name kept" test "$(cat "$tmp/r/etc/hostname")" = stretch-kiosk
check "no SSH keys" test ! -s "$tmp/r/run/stretch-kiosk/authorized_keys"
check "no Wi-Fi config" test ! -e "$tmp/r/etc/wpa_supplicant/wpa_supplicant-wlan0.conf"

# --- good values -----------------------------------------------------------------
fresh
printf '[kiosk]\nmode = touch\n' >"$tmp/b/stretch-kiosk.ini"
mkdir -p "$tmp/b/stretch-kiosk" "$tmp/b/ssh"
printf '[routine]\n' >"$tmp/b/stretch-kiosk/routine.ini"
printf '# the name\r\nReception-2\r\n' >"$tmp/b/hostname"
printf 'Europe/Berlin\n' >"$tmp/b/timezone"
ssh-keygen -q -t ed25519 -N '' -C 'clinic admin' -f "$tmp/key"
{ echo '# keys'; cat "$tmp/key.pub"; } >"$tmp/b/ssh/authorized_keys"
printf 'country=de\r\nssid=Clinic "Guest"\r\npsk=s3cret-pass\r\n' >"$tmp/b/wifi.txt"
out=$(apply) || bad "exit status $? with good values"
check "the card's ini and routine: $(env_file)" test "$(env_file)" = \
    "SK_ARGS=--config $tmp/b/stretch-kiosk.ini --routine $tmp/b/stretch-kiosk/routine.ini"
check "host name from the card, lower case (CRLF ok)" test "$(cat "$tmp/r/etc/hostname")" = reception-2
check "hosts follows" grep -q "^127.0.1.1.reception-2\$" "$tmp/r/etc/hosts"
check "time zone linked" test "$(readlink "$tmp/r/etc/localtime")" = /usr/share/zoneinfo/Europe/Berlin
check "/etc/timezone" test "$(cat "$tmp/r/etc/timezone")" = Europe/Berlin
check "the key, without the comment line" test "$(cat "$tmp/r/run/stretch-kiosk/authorized_keys")" = "$(cat "$tmp/key.pub")"
check "says SSH on" grep -q 'SSH on for 1 key' <<<"$out"
w=$tmp/r/etc/wpa_supplicant/wpa_supplicant-wlan0.conf
check "Wi-Fi ssid quoted" grep -qF 'ssid="Clinic \"Guest\""' "$w"
check "Wi-Fi psk" grep -qF 'psk="s3cret-pass"' "$w"
check "Wi-Fi country upper case" grep -qx 'country=DE' "$w"
check "Wi-Fi file not world-readable" test "$(stat -c %a "$w")" = 600
check "nothing logged as bad: $out" bash -c "! grep -q ':[0-9]*: ' <<<'$out'"
# A second boot with the same card writes nothing (an SD card wears).
m1=$(stat -c %Y%N "$tmp/r/etc/hostname" "$w" "$tmp/r/etc/timezone")
sleep 1.1
apply >/dev/null
check "second boot rewrites nothing" test "$m1" = "$(stat -c %Y%N "$tmp/r/etc/hostname" "$w" "$tmp/r/etc/timezone")"
# The key file taken off the card: SSH off again.
rm "$tmp/b/ssh/authorized_keys"
apply >/dev/null
check "keys gone with the file" test ! -s "$tmp/r/run/stretch-kiosk/authorized_keys"

# --- bad values: file:line: message, left out, exit 0 ------------------------------
fresh
mkdir -p "$tmp/b/ssh" "$tmp/b/stretch-kiosk"
printf 'bad_name!\n' >"$tmp/b/hostname"
printf '# zone\nMars/Olympus\n' >"$tmp/b/timezone"
printf '%s\nssh-ed25519 not-a-key\n' "$(cat "$tmp/key.pub")" >"$tmp/b/ssh/authorized_keys"
printf 'ssid=Clinic\npsk=short\nchannel=6\n' >"$tmp/b/wifi.txt"
if out=$(apply); then ok; else bad "exit status $? with bad values"; fi
echo "$out"
check "hostname: file:line" grep -q "$tmp/b/hostname:1: \"bad_name!\" is not a host name" <<<"$out"
check "host name kept" test "$(cat "$tmp/r/etc/hostname")" = stretch-kiosk
check "timezone: file:line (after a comment)" grep -q "$tmp/b/timezone:2: unknown time zone \"Mars/Olympus\"" <<<"$out"
check "time zone kept" test "$(readlink "$tmp/r/etc/localtime")" = /usr/share/zoneinfo/UTC
check "bad key: file:line" grep -q "$tmp/b/ssh/authorized_keys:2: not an SSH public key" <<<"$out"
check "the good key stays" test "$(cat "$tmp/r/run/stretch-kiosk/authorized_keys")" = "$(cat "$tmp/key.pub")"
check "short psk: file:line" grep -q "$tmp/b/wifi.txt:2: psk" <<<"$out"
check "unknown Wi-Fi key: file:line" grep -q "$tmp/b/wifi.txt:3: unknown key \"channel\"" <<<"$out"
check "no Wi-Fi config from a bad file" test ! -e "$tmp/r/etc/wpa_supplicant/wpa_supplicant-wlan0.conf"
check "content folder without routine.ini: logged" grep -q "$tmp/b/stretch-kiosk: no routine.ini" <<<"$out"
check "...and no --routine" test "$(env_file)" = "SK_ARGS=--config /etc/stretch-kiosk/kiosk.ini"

echo "$passed passed, $fail failed"
[ "$fail" -eq 0 ]
