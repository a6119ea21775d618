#!/usr/bin/env bash
# Installs the Debian / Raspberry Pi OS packages stretch-kiosk needs, when missing.
# Sourced by kiosk/run and tests/run:  sk_install_deps build|run|test|voice
# Uses apt-get, with sudo when not root. Installs nothing that is already there.

sk_packages_build=(build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev
                   libsdl2-mixer-dev libpng-dev libinih-dev libsystemd-dev fonts-dejavu-core)
sk_packages_test=(xvfb xauth sox vorbis-tools systemd clang libclang-rt-14-dev
                  valgrind imagemagick)
# Only for making voice clips (kiosk/make-voice) and comparing speech engines
# (tests/voice/compare-engines.sh): the clips are committed, so neither a
# build nor the tests need these.  sk_install_deps voice
sk_packages_voice=(flite sox vorbis-tools espeak-ng festival festvox-us-slt-hts
                   pocketsphinx pocketsphinx-en-us)

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
    local want=("${sk_packages_build[@]}")
    [ "${1:-}" = test ] && want+=("${sk_packages_test[@]}")
    [ "${1:-}" = voice ] && want+=("${sk_packages_voice[@]}")
    local missing
    missing=$(sk_missing_packages "${want[@]}")
    [ -z "$missing" ] && return 0
    echo "stretch-kiosk: installing missing packages: $missing" >&2
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq || return 1
    # shellcheck disable=SC2086
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends $missing || return 1
}
