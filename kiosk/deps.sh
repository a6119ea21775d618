#!/usr/bin/env bash
# Installs the Debian / Raspberry Pi OS packages stretch-kiosk needs, when missing.
# Sourced by kiosk/run and tests/run:  sk_install_deps build|run|test|voice|lint
# Uses apt-get, with sudo when not root. Installs nothing that is already there.
# Knows Debian 12 (bookworm) and 13 (trixie), Raspberry Pi OS on either: the
# names that differ are picked by sk_suite (the running system's, or
# SK_SUITE=bookworm|trixie when listing packages for another root, as
# kiosk/deb/build and tests/suite/run do:  sk_packages_for test trixie).

# sk_suite: the Debian codename of the running system (bookworm, trixie).
sk_suite() {
    if [ -n "${SK_SUITE:-}" ]; then echo "$SK_SUITE"; return; fi
    local id=
    # shellcheck disable=SC1091
    [ -r /etc/os-release ] && id=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    echo "${id:-bookworm}"
}

# libdrm-dev: DPMS in screen-off hours (src/platform/dpms.c); linux/cec.h
# (HDMI-CEC) comes with linux-libc-dev, which build-essential brings.
sk_packages_build=(build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev
                   libsdl2-mixer-dev libpng-dev libinih-dev libsystemd-dev fonts-dejavu-core
                   libjson-c-dev libdrm-dev)
# libFuzzer and the sanitizer runtimes come with clang's compiler-rt, whose
# package name carries the default clang's version (14 in bookworm, 19 in
# trixie).
# openssh-client: ssh-keygen checks the boot partition's SSH keys
# (tests/image/test_boot_settings.sh). python3: the source's shape
# (tests/code/code_shape.py).
# x11-utils (xwininfo, xprop) and openbox: the kiosk fullscreen on X with and
# without a window manager (tests/screen/test_x11_fullscreen.sh).
sk_packages_test_common=(xvfb xauth sox vorbis-tools systemd clang valgrind imagemagick
                         openssh-client python3 x11-utils openbox)
sk_packages_test_clang_rt() {
    case $1 in bookworm) echo libclang-rt-14-dev ;; trixie) echo libclang-rt-19-dev ;; esac
}
# Only for making voice clips (kiosk/make-voice) and comparing speech engines
# (tests/voice/compare-engines.sh): the clips are committed, so neither a
# build nor the tests need these.  sk_install_deps voice
# Spanish and German are spoken by SVOX Pico (libttspico-utils), which is in
# Debian's non-free section: not listed here, so this works on a machine with
# main only; kiosk/make-voice --lang es|de names the package and the section.
sk_packages_voice=(flite sox vorbis-tools espeak-ng festival festvox-us-slt-hts
                   pocketsphinx pocketsphinx-en-us)

# The .deb (cpack): dpkg-shlibdeps for the Depends, file to find the ELF files.
sk_packages_deb=(dpkg-dev file)
# Cross-building for arm64 on amd64: Debian's cross compiler and the :arm64
# -dev packages beside the native tools (libsdl2-mixer-dev:arm64 needs JACK's
# -dev named: two packages provide it).
sk_packages_cross_arm64=(gcc-aarch64-linux-gnu cmake pkg-config libc6-dev:arm64
    libsdl2-dev:arm64 libsdl2-ttf-dev:arm64 libsdl2-mixer-dev:arm64 libjack-jackd2-dev:arm64
    libpng-dev:arm64 libinih-dev:arm64 libsystemd-dev:arm64 libjson-c-dev:arm64
    libdrm-dev:arm64)

# sk_packages_for build|test|voice|deb|cross-arm64|bench|lint [SUITE]: the package
# names, on one line (deb: build + packaging; cross-arm64: only what a cross
# build needs, no native -dev packages).
sk_packages_for() {
    local suite=${2:-$(sk_suite)} want=("${sk_packages_build[@]}")
    case $suite in
        bookworm|trixie) ;;
        *) echo "stretch-kiosk: unknown Debian suite '$suite' (bookworm or trixie)" >&2; return 1 ;;
    esac
    [ "${1:-}" = deb ] && want+=("${sk_packages_deb[@]}")
    [ "${1:-}" = cross-arm64 ] && want=("${sk_packages_cross_arm64[@]}" "${sk_packages_deb[@]}" fonts-dejavu-core)
    if [ "${1:-}" = test ]; then
        # The .deb test runs cpack.
        want+=("${sk_packages_test_common[@]}" "$(sk_packages_test_clang_rt "$suite")"
               "${sk_packages_deb[@]}")
    fi
    [ "${1:-}" = voice ] && want+=("${sk_packages_voice[@]}")
    # tests/lint/shellcheck, on the machine that runs tests/run only (not in
    # the suites' roots).
    [ "${1:-}" = lint ] && want=(shellcheck)
    # The benchmark (tests/bench/run): the test packages and its peer, a
    # Chromium kiosk.
    [ "${1:-}" = bench ] && want+=("${sk_packages_test_common[@]}" chromium)
    echo "${want[@]}"
}

sk_missing_packages() {
    local p missing=()
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    echo "${missing[@]}"
}

sk_install_deps() {
    local want missing
    want=$(sk_packages_for "${1:-build}") || return 1
    # shellcheck disable=SC2086
    missing=$(sk_missing_packages $want)
    [ -z "$missing" ] && return 0
    echo "stretch-kiosk: installing missing packages: $missing" >&2
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq || return 1
    # shellcheck disable=SC2086
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends $missing ||
        return 1
}
