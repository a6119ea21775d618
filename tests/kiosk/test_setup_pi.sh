#!/usr/bin/env bash
# kiosk/setup-pi against a temporary root shaped like Raspberry Pi OS Lite:
# what it writes, that a second run changes nothing (idempotent), that it
# never overwrites a clinic's kiosk.ini, and the console/boot edits.
# Uses the program already built in SK_BINARY_DIR (--no-build).
set -euo pipefail
src=${SK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SK_BINARY_DIR:?SK_BINARY_DIR: the build folder}
[ "$(id -u)" -eq 0 ] || { echo "SKIP: useradd --prefix needs root"; exit 77; }
for t in useradd systemctl; do command -v $t >/dev/null || { echo "SKIP: no $t"; exit 77; }; done
# shellcheck source=tests/kiosk/lib.sh
. "$src/tests/kiosk/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmdline_orig=$pi_cmdline
make_root() { make_pi_root "$1"; }
setup() { "$src/kiosk/setup-pi" --root "$1" --no-packages --no-build --build-dir "$bin" 2>&1; }

# --- first run ----------------------------------------------------------------
r="$tmp/root"
make_root "$r"
if out=$(setup "$r"); then ok; else bad "setup-pi failed: $out"; fi
echo "$out"
check "program installed" test -x "$r/usr/bin/stretch-kiosk"
check "unit installed" cmp -s "$src/kiosk/stretch-kiosk.service" "$r/usr/lib/systemd/system/stretch-kiosk.service"
check "example installed" cmp -s "$src/kiosk/kiosk.ini.example" "$r/usr/share/stretch-kiosk/kiosk.ini.example"
check "assets installed" test -d "$r/usr/share/stretch-kiosk/fonts"
check "kiosk.ini written from the example" cmp -s "$src/kiosk/kiosk.ini.example" "$r/etc/stretch-kiosk/kiosk.ini"
check "kiosk user, no login" grep -q '^kiosk:x:[0-9]*:[0-9]*:[^:]*:/nonexistent:/usr/sbin/nologin$' "$r/etc/passwd"
for g in video render input audio; do
    check "kiosk in $g" grep -Eq "^$g:x:[0-9]+:(.*,)?kiosk(,.*)?\$" "$r/etc/group"
done
check "pi stays in audio" grep -Eq '^audio:x:29:pi,kiosk$' "$r/etc/group"
cmd=$(cat "$r/boot/firmware/cmdline.txt")
check "cmdline is one line" test "$(wc -l <"$r/boot/firmware/cmdline.txt")" -eq 1
check "cmdline keeps its options and gets consoleblank=0: $cmd" \
    test "$cmd" = "$cmdline_orig consoleblank=0 vt.global_cursor_default=0"
check "config.txt untouched" grep -qx 'max_framebuffers=2' "$r/boot/firmware/config.txt"
check "service enabled" test -L "$r/etc/systemd/system/multi-user.target.wants/stretch-kiosk.service"
check "getty on tty1 disabled" test ! -e "$r/etc/systemd/system/getty.target.wants/getty@tty1.service"
check "not started without systemd" grep -q 'starts at the next boot' <<<"$out"
if "$r/usr/bin/stretch-kiosk" --check-config "$r/etc/stretch-kiosk/kiosk.ini" >/dev/null 2>&1; then
    ok
else
    bad "the written kiosk.ini does not pass --check-config"
fi

# --- second run: a clinic changed its config; nothing else changes -------------
printf '\n; changed by the clinic\nrotate = 90\n' >>"$r/etc/stretch-kiosk/kiosk.ini"
before=$(snapshot "$r")
if out=$(setup "$r"); then ok; else bad "second run failed: $out"; fi
after=$(snapshot "$r")
check "second run changed nothing: $(diff <(echo "$before") <(echo "$after") || true)" test "$before" = "$after"
check "clinic's kiosk.ini kept" grep -qx 'rotate = 90' "$r/etc/stretch-kiosk/kiosk.ini"
check "says it keeps kiosk.ini" grep -q 'keeping /etc/stretch-kiosk/kiosk.ini' <<<"$out"
check "one kiosk user" test "$(grep -c '^kiosk:' "$r/etc/passwd")" -eq 1

# --- an older console setting, the fake-KMS driver ------------------------------
r2="$tmp/root2"
make_root "$r2"
echo "$cmdline_orig consoleblank=600" >"$r2/boot/firmware/cmdline.txt"
printf 'dtoverlay=vc4-fkms-v3d\n' >"$r2/boot/firmware/config.txt"
out=$(setup "$r2") || bad "setup-pi failed on root2: $out"
check "consoleblank=600 replaced" test "$(cat "$r2/boot/firmware/cmdline.txt")" = \
    "$cmdline_orig consoleblank=0 vt.global_cursor_default=0"
check "fkms switched to kms" grep -qx 'dtoverlay=vc4-kms-v3d' "$r2/boot/firmware/config.txt"

# --- not a Pi: says what it could not do -----------------------------------------
r3="$tmp/root3"
make_root "$r3"
rm -rf "${r3:?}/boot"
out=$(setup "$r3") || bad "setup-pi failed without /boot/firmware: $out"
check "says there is no cmdline.txt" grep -q 'no /boot/firmware/cmdline.txt' <<<"$out"
check "says there is no config.txt" grep -q 'no /boot/firmware/config.txt' <<<"$out"
check "still enabled" test -L "$r3/etc/systemd/system/multi-user.target.wants/stretch-kiosk.service"

# --- --no-install: the program came from elsewhere (the .deb) ---------------------
r4="$tmp/root4"
make_root "$r4"
check "--no-install refuses a root without the program" \
    bash -c "! '$src/kiosk/setup-pi' --root '$r4' --no-install >/dev/null 2>&1"
mkdir -p "$r4/usr/bin" "$r4/usr/lib/systemd/system"
cp "$r/usr/bin/stretch-kiosk" "$r4/usr/bin/"
cp "$src/kiosk/stretch-kiosk.service" "$r4/usr/lib/systemd/system/"
out=$("$src/kiosk/setup-pi" --root "$r4" --no-install 2>&1) || bad "--no-install failed: $out"
check "--no-install installs nothing" test ! -e "$r4/usr/share/stretch-kiosk"
check "--no-install still writes the config" test -f "$r4/etc/stretch-kiosk/kiosk.ini"
check "--no-install still sets the console" grep -q consoleblank=0 "$r4/boot/firmware/cmdline.txt"

# --- wrong use ---------------------------------------------------------------------
check "refuses --deb with --root" bash -c "! '$src/kiosk/setup-pi' --root '$r3' --deb --no-packages --no-build >/dev/null 2>&1"
check "refuses an unknown option" bash -c "! '$src/kiosk/setup-pi' --frobnicate >/dev/null 2>&1"

kiosk_finish
