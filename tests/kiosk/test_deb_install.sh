#!/usr/bin/env bash
# The .deb as an image build or a clinic installs it: `apt install ./deb` in a
# clean minimal Debian root of that suite (mmdebstrap minbase, no systemd
# yet, as in an image build's first steps). Checks: apt resolves every
# dependency from the suite's archive, the unit is enabled although systemctl
# was not there (and systemd, installed afterwards, agrees), the kiosk user
# and the config exist; `apt remove` keeps a clinic's config and leaves a unit
# that starts nothing, a re-install enables it again, `apt purge` deletes the
# config and the links.
#   tests/kiosk/test_deb_install.sh [--suite trixie|bookworm] [--arch amd64|arm64] [DEB]
# Without DEB it builds one with kiosk/deb/build for that suite and arch.
# Needs root and mmdebstrap (installed when missing); arm64 on an amd64 host
# needs qemu-user-static's binfmt (installed when missing). Downloaded
# packages are kept in ${SK_CACHE_DIR:-/var/cache/stretch-kiosk}/apt-archives.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
suite=trixie arch=$(dpkg --print-architecture) deb='' in_root=''
while [ $# -gt 0 ]; do
    case $1 in
        --suite) suite=$2; shift 2 ;;
        --arch) arch=$2; shift 2 ;;
        --in-root) in_root=1; shift; break ;;
        -*) echo "usage: $0 [--suite S] [--arch A] [DEB]" >&2; exit 2 ;;
        *) deb=$1; shift ;;
    esac
done
# shellcheck source=tests/kiosk/lib.sh
. "$here/tests/kiosk/lib.sh"

# --- inside mmdebstrap's customize hook: $1 is the root, $2 the results file --
if [ -n "$in_root" ]; then
    r=$1 results=$2
    exec 2>>"$results.err"
    inr() { chroot "$r" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }
    apt_in() { inr apt-get -o APT::Install-Recommends=0 -y -q "$@"; }
    wants=/etc/systemd/system/multi-user.target.wants/stretch-kiosk.service
    ini=/etc/stretch-kiosk/kiosk.ini
    log="$r/tmp/apt.log"
    check "no systemctl before the .deb (the image-build case)" test ! -e "$r/usr/bin/systemctl"
    if apt_in install /tmp/pkg/stretch-kiosk.deb >"$log" 2>&1; then ok; else
        bad "apt install ./stretch-kiosk.deb: $(tail -n 20 "$log")"; fi
    # shellcheck disable=SC2016
    check "apt installed it" test "$(inr dpkg-query -W -f='${Status}' stretch-kiosk)" = "install ok installed"
    check "postinst said nothing about enabling" bash -c "! grep -q 'could not enable' '$log'"
    check "every library resolved" bash -c "! chroot '$r' ldd /usr/bin/stretch-kiosk | grep -q 'not found'"
    check "unit enabled without systemctl" inr test -L "$wants" -a -f "$wants"
    check "kiosk user" inr getent passwd kiosk
    for g in video render input audio; do
        check "kiosk in $g" bash -c "chroot '$r' id -nG kiosk | tr ' ' '\n' | grep -qx $g"
    done
    check "config made" cmp -s "$r/usr/share/stretch-kiosk/kiosk.ini.example" "$r$ini"
    if apt_in install systemd >>"$log" 2>&1; then ok; else bad "apt install systemd: $(tail -n 20 "$log")"; fi
    check "systemd, installed after, says enabled" test "$(inr systemctl is-enabled stretch-kiosk.service)" = enabled
    check "the installed unit verifies" inr systemd-analyze verify --man=no stretch-kiosk.service
    echo "rotate = 90" >>"$r$ini"
    if apt_in remove stretch-kiosk >>"$log" 2>&1; then ok; else bad "apt remove: $(tail -n 20 "$log")"; fi
    check "apt remove keeps the clinic's config" grep -qx 'rotate = 90' "$r$ini"
    check "after apt remove the unit starts nothing" test "$(inr systemctl is-enabled stretch-kiosk.service 2>/dev/null)" = masked
    if apt_in install /tmp/pkg/stretch-kiosk.deb >>"$log" 2>&1; then ok; else bad "apt re-install: $(tail -n 20 "$log")"; fi
    check "re-install enables it again" test "$(inr systemctl is-enabled stretch-kiosk.service)" = enabled
    check "re-install keeps the clinic's config" grep -qx 'rotate = 90' "$r$ini"
    if apt_in purge stretch-kiosk >>"$log" 2>&1; then ok; else bad "apt purge: $(tail -n 20 "$log")"; fi
    check "apt purge deletes the config" test ! -e "$r/etc/stretch-kiosk"
    check "apt purge removes the links" test ! -L "$r$wants" -a ! -L "$r/etc/systemd/system/stretch-kiosk.service"
    echo "$passed $fail" >"$results"
    exit 0
fi

# --- outside ----------------------------------------------------------------
[ "$(id -u)" -eq 0 ] || { echo "FAILED: needs root (mmdebstrap's root mode, apt in the chroot)" >&2; exit 1; }
need=()
command -v mmdebstrap >/dev/null || need+=(mmdebstrap)
if [ "$arch" != "$(dpkg --print-architecture)" ] && ! command -v arch-test >/dev/null; then
    need+=(arch-test)
fi
if [ "$arch" = arm64 ] && [ "$(dpkg --print-architecture)" != arm64 ] &&
   [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
    need+=(qemu-user-static binfmt-support)
fi
if [ ${#need[@]} -gt 0 ]; then
    echo "test_deb_install: installing ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
        --no-install-recommends "${need[@]}" >/dev/null ||
        { echo "FAILED: could not install ${need[*]}" >&2; exit 1; }
fi
if [ "$arch" = arm64 ] && [ "$(dpkg --print-architecture)" != arm64 ]; then
    [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || update-binfmts --enable qemu-aarch64 2>/dev/null || true
    arch-test arm64 >/dev/null ||
        { echo "FAILED: this host cannot run arm64 programs (qemu-user-static binfmt)" >&2; exit 1; }
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "$deb" ]; then
    deb=$("$here/kiosk/deb/build" --suite "$suite" --arch "$arch" --out "$tmp/out" | tail -n 1)
fi
[ -f "$deb" ] || { echo "FAILED: no .deb: $deb" >&2; exit 1; }
check "the .deb is for $arch" test "$(dpkg-deb -f "$deb" Architecture)" = "$arch"
echo "== apt install $(basename "$deb") in a clean $suite $arch root"
mkdir -p "$tmp/pkg"
cp "$deb" "$tmp/pkg/stretch-kiosk.deb"

cache=${SK_CACHE_DIR:-/var/cache/stretch-kiosk}/apt-archives/$suite-$arch
mkdir -p "$cache"
start=$(date +%s)
# shellcheck disable=SC2016
if ! mmdebstrap --quiet --variant=minbase --architectures="$arch" \
        --components=main "$suite" "$tmp/root" http://deb.debian.org/debian \
        --skip=download/empty --skip=essential/unlink \
        --setup-hook='mkdir -p "$1"/var/cache/apt/archives/' \
        --setup-hook="sync-in '$cache' /var/cache/apt/archives/" \
        --customize-hook="copy-in '$tmp/pkg' /tmp" \
        --customize-hook="'$here/tests/kiosk/test_deb_install.sh' --in-root \"\$1\" '$tmp/results'" \
        --customize-hook="sync-out /var/cache/apt/archives '$cache'" \
        --format=directory >"$tmp/mmdebstrap.log" 2>&1; then
    bad "mmdebstrap: $(tail -n 30 "$tmp/mmdebstrap.log")"
fi
if [ -s "$tmp/results" ]; then
    read -r p f <"$tmp/results"
    passed=$((passed + p)) fail=$((fail + f))
    cat "$tmp/results.err" >&2 2>/dev/null || true
else
    bad "the checks in the root did not run"
fi
echo "== $suite $arch: $(($(date +%s) - start)) s"
kiosk_finish
