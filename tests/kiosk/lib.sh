# shellcheck shell=bash
# Shared by the kiosk shell tests: counters and a Raspberry Pi OS Lite-like
# temporary root. Source it; call kiosk_finish at the end.
fail=0 passed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAILED: $*" >&2; fail=$((fail + 1)); }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
kiosk_finish() { echo "$passed passed, $fail failed"; [ "$fail" -eq 0 ]; }

pi_cmdline='console=serial0,115200 console=tty1 root=PARTUUID=1234-02 rootfstype=ext4 fsck.repair=yes rootwait'

# make_pi_root DIR: users and groups as on Pi OS (a "pi" user, no render
# group yet), the host's systemd units, getty enabled on tty1, /boot/firmware.
make_pi_root() {
    local r=$1
    mkdir -p "$r/etc/systemd/system/getty.target.wants" "$r/lib/systemd" "$r/boot/firmware"
    cp -a /lib/systemd/system "$r/lib/systemd/"
    ln -s /lib/systemd/system/getty@.service "$r/etc/systemd/system/getty.target.wants/getty@tty1.service"
    printf 'root:x:0:0:root:/root:/bin/bash\npi:x:1000:1000::/home/pi:/bin/bash\n' >"$r/etc/passwd"
    printf 'root:x:0:\nvideo:x:44:pi\naudio:x:29:pi\ninput:x:105:pi\npi:x:1000:\n' >"$r/etc/group"
    printf 'root:*::0:99999:7:::\npi:*::0:99999:7:::\n' >"$r/etc/shadow"
    printf 'root:*::\nvideo:!::pi\naudio:!::pi\ninput:!::pi\npi:!::\n' >"$r/etc/gshadow"
    echo "$pi_cmdline" >"$r/boot/firmware/cmdline.txt"
    printf '[all]\ndtoverlay=vc4-kms-v3d\nmax_framebuffers=2\n' >"$r/boot/firmware/config.txt"
}

# snapshot DIR: every file and link with its mode and contents (not the
# copied unit folder).
snapshot() {
    (cd "$1" && find . -path ./lib/systemd/system -prune -o \( -type f -o -type l \) \
        -printf '%p -> %l %m\n' | sort &&
        find . -path ./lib/systemd/system -prune -o -type f -print0 | sort -z | xargs -0 md5sum)
}
