#!/usr/bin/env bash
# kiosk/setup-pi against temporary roots shaped like Raspberry Pi OS Lite and
# like Debian's raspi-firmware layout (the kiosk image):
# what it writes, that a second run changes nothing (idempotent), that it
# never overwrites a clinic's kiosk.ini, and the console/boot edits.
# Uses the program already built in SK_BINARY_DIR (--no-build).
set -euo pipefail
src=${SK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SK_BINARY_DIR:?SK_BINARY_DIR: the build folder}
[ "$(id -u)" -eq 0 ] || { echo "SKIP: useradd --prefix needs root"; exit 77; }
for t in useradd systemctl; do command -v $t >/dev/null || { echo "SKIP: no $t"; exit 77; }; done
# shellcheck source-path=SCRIPTDIR source=lib.sh
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

# --- Debian's raspi-firmware layout (Debian's Pi images, the kiosk image) ---------
# Its kernel hook rewrites cmdline.txt and config.txt on every kernel
# upgrade from /etc/default: the options must land there, and today's
# cmdline.txt gets them too; no dtoverlay (Debian's overlays have none).
make_debian_raspi_root() {
    make_pi_root "$1"
    mkdir -p "$1/etc/kernel/postinst.d" "$1/etc/default"
    printf '#!/bin/sh\n# stands in for raspi-firmware'"'"'s hook\n' >"$1/etc/kernel/postinst.d/z50-raspi-firmware"
    echo 'console=tty0 console=ttyS1,115200 root=LABEL=RASPIROOT rw fsck.repair=yes net.ifnames=0 cma=64M rootwait' \
        >"$1/boot/firmware/cmdline.txt"
    printf '# Do not modify this file!\narm_64bit=1\nenable_uart=1\nupstream_kernel=1\nkernel=vmlinuz-6.12\n' \
        >"$1/boot/firmware/config.txt"
}
r5="$tmp/root5"
make_debian_raspi_root "$r5"
config_before=$(cat "$r5/boot/firmware/config.txt")
out=$(setup "$r5") || bad "setup-pi failed on a Debian raspi root: $out"
check "says Debian's layout" grep -q "Debian's raspi-firmware layout" <<<"$out"
check "raspi-extra-cmdline made with the options" \
    test "$(cat "$r5/etc/default/raspi-extra-cmdline")" = "consoleblank=0 vt.global_cursor_default=0"
check "raspi-extra-cmdline is one line" test "$(wc -l <"$r5/etc/default/raspi-extra-cmdline")" -eq 1
check "today's cmdline.txt has them too" \
    test "$(cat "$r5/boot/firmware/cmdline.txt")" = "console=tty0 console=ttyS1,115200 root=LABEL=RASPIROOT rw fsck.repair=yes net.ifnames=0 cma=64M rootwait consoleblank=0 vt.global_cursor_default=0"
check "config.txt untouched (no vc4-kms-v3d overlay on Debian)" test "$(cat "$r5/boot/firmware/config.txt")" = "$config_before"
check "no raspi-firmware-custom made" test ! -e "$r5/etc/default/raspi-firmware-custom"
check "enabled on Debian's layout" test -L "$r5/etc/systemd/system/multi-user.target.wants/stretch-kiosk.service"
# An owner's extra options stay, an old consoleblank goes; a second run changes nothing.
r6="$tmp/root6"
make_debian_raspi_root "$r6"
echo 'quiet consoleblank=300 splash' >"$r6/etc/default/raspi-extra-cmdline"
printf 'dtoverlay=vc4-kms-v3d\ngpu_mem=128\n' >"$r6/etc/default/raspi-firmware-custom"
out=$(setup "$r6") || bad "setup-pi failed on root6: $out"
check "extra-cmdline keeps quiet splash, consoleblank=0: $(cat "$r6/etc/default/raspi-extra-cmdline")" \
    test "$(cat "$r6/etc/default/raspi-extra-cmdline")" = "quiet splash consoleblank=0 vt.global_cursor_default=0"
check "vc4-kms-v3d dropped from raspi-firmware-custom, the rest kept" \
    test "$(cat "$r6/etc/default/raspi-firmware-custom")" = "gpu_mem=128"
before=$(snapshot "$r6")
out=$(setup "$r6") || bad "second run on root6 failed: $out"
check "second run on Debian's layout changed nothing: $(diff <(echo "$before") <(snapshot "$r6") || true)" \
    test "$before" = "$(snapshot "$r6")"
# Debian's layout without a boot partition mounted (an image build's chroot).
r7="$tmp/root7"
make_debian_raspi_root "$r7"
rm -rf "${r7:?}/boot/firmware"
out=$(setup "$r7") || bad "setup-pi failed on root7: $out"
check "no /boot/firmware: /etc/default still set" grep -q consoleblank=0 "$r7/etc/default/raspi-extra-cmdline"

# --- wrong use ---------------------------------------------------------------------
check "refuses --deb with --root" bash -c "! '$src/kiosk/setup-pi' --root '$r3' --deb --no-packages --no-build >/dev/null 2>&1"
check "refuses an unknown option" bash -c "! '$src/kiosk/setup-pi' --frobnicate >/dev/null 2>&1"

kiosk_finish
