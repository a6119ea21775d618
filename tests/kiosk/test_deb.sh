#!/usr/bin/env bash
# The .deb: cpack builds it from the build folder; `dpkg-deb -I/-c` show the
# right name, dependencies and files in Debian's places; its maintainer
# scripts (run with DPKG_ROOT on a temporary root) create the user and the
# config, keep a clinic's config on upgrade and on `apt remove`, and delete
# it only on purge.
set -euo pipefail
src=${SK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SK_BINARY_DIR:?SK_BINARY_DIR: the build folder}
for t in cpack dpkg-deb; do command -v $t >/dev/null || { echo "SKIP: no $t"; exit 77; }; done
# shellcheck source=tests/kiosk/lib.sh
. "$src/tests/kiosk/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if out=$(cpack -G DEB --config "$bin/CPackConfig.cmake" -B "$tmp/out" 2>&1); then ok; else bad "cpack: $out"; fi
deb=$(find "$tmp/out" -maxdepth 1 -name 'stretch-kiosk_*.deb' 2>/dev/null | head -n 1)
[ -n "$deb" ] || { bad "no .deb made"; kiosk_finish; exit 1; }
arch=$(dpkg --print-architecture)
check "file name" grep -Eq "/stretch-kiosk_[0-9]+\.[0-9]+\.[0-9]+_$arch\.deb\$" <<<"$deb"
echo "== $(basename "$deb"), $(stat -c %s "$deb") bytes"

info=$(dpkg-deb -I "$deb")
field() { dpkg-deb -f "$deb" "$1"; }
check "Package" test "$(field Package)" = stretch-kiosk
check "Architecture" test "$(field Architecture)" = "$arch"
depends=$(field Depends)
echo "Depends: $depends"
# Debian 13's 64-bit-time libraries carry a t64 suffix (libpng16-16t64).
for p in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libpng16-16 libinih1 libjson-c5 libc6 passwd fonts-dejavu-core procps; do
    check "Depends names $p" grep -Eq "(^|, )$p(t64)?( |,|\$)" <<<"$depends"
done
# Every library the program needs is a dependency (shlibdeps did its job).
needed=$(LC_ALL=C readelf -d "$bin/stretch-kiosk" 2>/dev/null | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
for lib in $needed; do
    case $lib in
        libSDL2_mixer-2.0.so.0) pkg=libsdl2-mixer-2.0-0 ;;
        libSDL2_ttf-2.0.so.0) pkg=libsdl2-ttf-2.0-0 ;;
        libSDL2-2.0.so.0) pkg=libsdl2-2.0-0 ;;
        libsystemd.so.0) pkg=libsystemd0 ;;
        libpng16.so.16) pkg=libpng16-16 ;;
        libinih.so.1) pkg=libinih1 ;;
        libjson-c.so.5) pkg=libjson-c5 ;;
        *) continue ;;
    esac
    check "needs $lib, so Depends names $pkg" grep -Eq "(^|, )$pkg(t64)?( |,|\$)" <<<"$depends"
done
for s in postinst prerm postrm; do
    check "control has $s" grep -Eq "^ +[0-9]+ bytes, +[0-9]+ lines +\* +$s " <<<"$info"
done
check "no conffiles (the config is made by postinst, kept on remove)" \
    bash -c "! dpkg-deb -I '$deb' conffiles >/dev/null 2>&1"

files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/stretch-kiosk ./usr/lib/systemd/system/stretch-kiosk.service \
         ./usr/share/stretch-kiosk/kiosk.ini.example ./usr/share/stretch-kiosk/fonts/ \
         ./usr/share/stretch-kiosk/routines/; do
    check "ships $f" grep -qx -- "$f" <<<"$files"
done
check "nothing under /usr/local" bash -c "! grep -q '^./usr/local' <<<'$files'"
check "nothing in /etc (the clinic's config is not the package's)" bash -c "! grep -q '^./etc/.' <<<'$files'"
check "program is executable" grep -Eq '^-rwxr-xr-x root/root .* \./usr/bin/stretch-kiosk$' <<<"$(dpkg-deb -c "$deb")"

# --- maintainer scripts on a temporary root -------------------------------------
# The root has no systemctl, as a chroot where systemd is not unpacked yet:
# the unit must still be enabled (tests/kiosk/test_deb_install.sh does the
# same with apt in real Debian roots).
if [ "$(id -u)" -ne 0 ]; then
    echo "not root: maintainer scripts not run"
    kiosk_finish
    exit
fi
r="$tmp/root"
make_pi_root "$r"
dpkg-deb -x "$deb" "$r"
dpkg-deb -e "$deb" "$tmp/control"
# As dpkg runs them (deb-systemd-helper refuses to run otherwise).
run() { DPKG_ROOT="$r" DPKG_MAINTSCRIPT_PACKAGE=stretch-kiosk DPKG_MAINTSCRIPT_NAME=$1 \
      sh "$tmp/control/$1" "${@:2}"; }
wants="$r/etc/systemd/system/multi-user.target.wants/stretch-kiosk.service"
mask="$r/etc/systemd/system/stretch-kiosk.service"
remove_files() { (cd "$r" && dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '/$' | xargs rm -f); }
check "no systemctl in the test root" test ! -e "$r/usr/bin/systemctl" -a ! -e "$r/bin/systemctl"
check "postinst configure" run postinst configure
check "user made" grep -q '^kiosk:.*:/usr/sbin/nologin$' "$r/etc/passwd"
for g in video render input audio; do
    check "kiosk in $g" grep -Eq "^$g:x:[0-9]+:(.*,)?kiosk(,.*)?\$" "$r/etc/group"
done
check "config made from the example" cmp -s "$src/kiosk/kiosk.ini.example" "$r/etc/stretch-kiosk/kiosk.ini"
check "service enabled without systemctl" grep -Eqx '(/usr)?/lib/systemd/system/stretch-kiosk.service' <<<"$(readlink "$wants")"
echo "rotate = 90" >>"$r/etc/stretch-kiosk/kiosk.ini"
check "postinst again (upgrade)" run postinst configure 0.0.9
check "upgrade keeps the clinic's config" grep -qx 'rotate = 90' "$r/etc/stretch-kiosk/kiosk.ini"
check "upgrade keeps it enabled" test -L "$wants"
check "one kiosk user" test "$(grep -c '^kiosk:' "$r/etc/passwd")" -eq 1
rm "$wants"   # an admin's `systemctl disable`
check "postinst upgrade after a disable" run postinst configure 0.0.9
check "upgrade keeps an admin's disable" test ! -e "$wants" -a ! -L "$wants"
ln -s /usr/lib/systemd/system/stretch-kiosk.service "$wants"   # enabled again
# apt remove: prerm remove, dpkg deletes the package's files, postrm remove.
check "prerm remove" run prerm remove
remove_files
check "postrm remove" run postrm remove
check "apt remove keeps the clinic's config" grep -qx 'rotate = 90' "$r/etc/stretch-kiosk/kiosk.ini"
check "apt remove masks the unit (a leftover link starts nothing)" test "$(readlink "$mask")" = /dev/null
# Installed again: unmasked, enabled, the clinic's config untouched.
dpkg-deb -x "$deb" "$r"
check "postinst after a remove" run postinst configure 0.1.0
check "re-install unmasks" test ! -L "$mask"
check "re-install enables" test -L "$wants"
check "re-install keeps the clinic's config" grep -qx 'rotate = 90' "$r/etc/stretch-kiosk/kiosk.ini"
check "prerm remove again" run prerm remove
remove_files
check "postrm remove again" run postrm remove
check "postrm purge" run postrm purge
check "apt purge deletes the config" test ! -e "$r/etc/stretch-kiosk"
check "apt purge removes the links" test ! -L "$wants" -a ! -L "$mask"
check "apt purge removes deb-systemd-helper's state" \
    test -z "$(find "$r/var/lib/systemd" -name '*stretch-kiosk*' 2>/dev/null)"

kiosk_finish
