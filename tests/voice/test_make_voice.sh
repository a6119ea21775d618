#!/usr/bin/env bash
# kiosk/make-voice decides what to make from the sidecars alone: with
# --dry-run it needs no synthesiser, so this runs anywhere.
set -uo pipefail
root=${SK_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
mv=$root/kiosk/make-voice
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
expect() { # description grep-pattern file
    if grep -q -- "$2" "$3"; then :; else echo "FAILED: $1 (no '$2' in:)"; cat "$3"; fail=$((fail + 1)); fi
}
refuse() {
    if grep -q -- "$2" "$3"; then echo "FAILED: $1 ('$2' in:)"; cat "$3"; fail=$((fail + 1)); fi
}

mkdir -p "$work/en"
for k in hold relax count.3; do
    cp "$root/assets/voice/en/$k.ogg" "$root/assets/voice/en/$k.txt" "$work/en/"
done
printf 'hold\tHold\nrelax\tRelax and breathe\ncount.3\tthree\nnew.key\tA new line\n' > "$work/cues.tsv"

"$mv" --cues "$work/cues.tsv" --out "$work/en" --dry-run > "$work/out" 2>&1
expect "changed text is made again" "would make relax: Relax and breathe" "$work/out"
expect "a new cue is made" "would make new.key" "$work/out"
refuse "unchanged clips are left alone" "would make hold" "$work/out"
refuse "unchanged clips are left alone" "would make count.3" "$work/out"
expect "summary" "4 cues in $work/en: 2 to make, 2 unchanged" "$work/out"

# a missing clip with its sidecar still there is made again
rm "$work/en/hold.ogg"
"$mv" --cues "$work/cues.tsv" --out "$work/en" --dry-run > "$work/out" 2>&1
expect "a missing clip is made" "would make hold" "$work/out"

# a <key>.say with other words than the clip was spoken from remakes it;
# the shipped references card's .say files match their clips
if command -v vorbiscomment >/dev/null; then
    echo "Count of three" > "$work/en/count.3.say"
    "$mv" --cues "$work/cues.tsv" --out "$work/en" --dry-run > "$work/out" 2>&1
    expect "a changed .say is made" "would make count.3" "$work/out"
    rm "$work/en/count.3.say"
    cp "$root"/assets/voice/en/card.references.1.* "$work/en/"
    touch "$work/en/card.references.1.say"   # newer than the clip: times do not count
    printf 'card.references.1\t%s\n' "$(cat "$work/en/card.references.1.txt")" > "$work/cues4.tsv"
    "$mv" --cues "$work/cues4.tsv" --out "$work/en" --dry-run > "$work/out" 2>&1
    expect "a clip spoken from its .say is current" "0 to make" "$work/out"
fi

# --prune names clips whose key is no longer listed
printf 'hold\tHold\n' > "$work/cues2.tsv"
"$mv" --cues "$work/cues2.tsv" --out "$work/en" --dry-run --prune > "$work/out" 2>&1
expect "prune" "would remove relax" "$work/out"
[ -f "$work/en/relax.ogg" ] || { echo "FAILED: a dry run removed a clip"; fail=$((fail + 1)); }

# a key that cannot name a file is refused, and the run says so
printf '../evil\tNo\n' > "$work/cues3.tsv"
if "$mv" --cues "$work/cues3.tsv" --out "$work/en" --dry-run > "$work/out" 2>&1; then
    echo "FAILED: a bad key passed"; fail=$((fail + 1))
fi
expect "bad key" "cannot name a clip file" "$work/out"

# the shipped clips match the shipped routine's cue list when the program
# can list it (the C test test_voice_catalog checks the same without it)
bin=${SK_BINARY_DIR:-}/stretch-kiosk
if [ -x "$bin" ] && "$bin" --list-cues > "$work/all.tsv" 2>/dev/null; then
    "$mv" --cues "$work/all.tsv" --dry-run > "$work/out" 2>&1
    expect "shipped clips are current" " 0 to make" "$work/out"
    for r in "$root"/assets/routines/sciatica-*.ini; do   # and each translation's
        l=$(basename "$r" .ini); l=${l#sciatica-}
        "$bin" --list-cues --routine "$r" > "$work/all-$l.tsv"
        "$mv" --lang "$l" --cues "$work/all-$l.tsv" --out "$root/assets/voice/$l" --dry-run > "$work/out" 2>&1
        expect "shipped $l clips are current" " 0 to make" "$work/out"
    done
fi

# a voice in a section apt does not know here: make-voice names the package
# and section, says how to enable it, and changes nothing (no pico2wave on a
# PATH whose apt-cache knows no candidate for it)
mkdir -p "$work/bin"
for t in /usr/bin/* /bin/*; do
    n=$(basename "$t")
    case $n in pico2wave | apt-cache) continue ;; esac
    [ -e "$work/bin/$n" ] || ln -s "$t" "$work/bin/$n"
done
cat > "$work/bin/apt-cache" <<'EOF'
#!/bin/sh
printf '%s:\n  Installed: (none)\n  Candidate: (none)\n' "$2"
EOF
chmod +x "$work/bin/apt-cache"
printf 'hold\tMantenga\n' > "$work/cues-es.tsv"
if PATH=$work/bin "$mv" --lang es --cues "$work/cues-es.tsv" --out "$work/es" > "$work/out" 2>&1; then
    echo "FAILED: make-voice ran without pico2wave"; fail=$((fail + 1))
fi
expect "missing voice: package named" "install the Debian package libttspico-utils" "$work/out"
expect "missing voice: section named" 'in Debian.s "non-free" section' "$work/out"
expect "missing voice: how to enable it" "apt-get update && apt-get install libttspico-utils" "$work/out"
[ ! -e "$work/es/hold.ogg" ] || { echo "FAILED: a clip was made without a voice"; fail=$((fail + 1)); }

echo "make-voice checks: $fail failed"
[ "$fail" = 0 ]
