# shellcheck shell=bash
# Cached Debian roots made with mmdebstrap, and commands run inside them.
# Sourced by kiosk/deb/build and tests/suite/run. Needs root.
#   sk_root_make KIND SUITE ARCHS "PACKAGES"   prints the root's path
#   sk_root_run ROOT SRC [OUT] -- COMMAND...   runs COMMAND in ROOT, with SRC
#                                              at /src and OUT at /out
# Roots live in ${SK_CACHE_DIR:-/var/cache/stretch-kiosk}/KIND/, one per
# suite, architectures, mirror and package list (a changed list makes a new
# root; old ones can be deleted). Made once, then only read: builds write
# under /src, /out and a private /tmp.

sk_root_mirror=${SK_DEBIAN_MIRROR:-http://deb.debian.org/debian}

sk_root_make() {
    local kind=$1 suite=$2 archs=$3 packages=$4
    local dir=${SK_CACHE_DIR:-/var/cache/stretch-kiosk}/$kind key root
    if ! command -v mmdebstrap >/dev/null; then
        echo "stretch-kiosk: installing mmdebstrap" >&2
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
            --no-install-recommends mmdebstrap >/dev/null ||
            { echo "stretch-kiosk: could not install mmdebstrap" >&2; return 1; }
    fi
    mkdir -p "$dir"
    key=$(printf '%s\n' "$suite" "$archs" "$sk_root_mirror" "$packages" | sha256sum | cut -c1-12)
    root=$dir/$suite-${archs//,/-}-$key
    (
        # Another run making the same root: wait for it.
        flock 9
        [ -e "$root/.stretch-kiosk-root" ] && exit 0
        echo "stretch-kiosk: making the $suite root $root (once; $packages)" >&2
        rm -rf "$root.tmp"
        # shellcheck disable=SC2016
        mmdebstrap --quiet --variant=buildd --architectures="$archs" --components=main \
            --include="$(echo "$packages" | tr -s ' ' ',')" \
            --customize-hook='mkdir -p "$1/src" "$1/out"' \
            --customize-hook='touch "$1/.stretch-kiosk-root"' \
            "$suite" "$root.tmp" "$sk_root_mirror" >&2 || { rm -rf "$root.tmp"; exit 1; }
        mv "$root.tmp" "$root"
    ) 9>"$root.lock" || { echo "stretch-kiosk: mmdebstrap failed for $suite ($archs)" >&2; return 1; }
    echo "$root"
}

# A private mount namespace: the mounts go away with it, and two runs at once
# each see their own /src, /out and /tmp.
sk_root_run() {
    local root=$1 src=$2 out=''
    shift 2
    if [ "${1:-}" != -- ]; then out=$1; shift; fi
    [ "${1:-}" = -- ] && shift
    # shellcheck disable=SC2016
    unshare --mount --pid --fork --kill-child -- bash -euo pipefail -c '
        root=$1 src=$2 out=$3; shift 3
        mount --rbind /dev "$root/dev"
        mount -t proc proc "$root/proc"
        mount --rbind /sys "$root/sys"
        mount -t tmpfs tmpfs "$root/tmp"
        mount --bind "$src" "$root/src"
        [ -z "$out" ] || mount --bind "$out" "$root/out"
        exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
            LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-}" "$@"
    ' sk_root_run "$root" "$src" "$out" "$@"
}
