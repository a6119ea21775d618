#!/usr/bin/env python3
"""Writes the broken PNG fixtures next to this script. Run once; the output
is committed (tests never need Python). Each file breaks one thing:

  good-4x3.png       a valid 4x3 RGBA image (the base for the others)
  zero-bytes.png     an empty file
  not-a-png.png      text, not a PNG
  truncated.png      good-4x3.png cut in the middle of its IDAT
  truncated-sig.png  the first 5 bytes of the signature only
  bad-crc.png        the IDAT's CRC changed, its data left as they were
  bad-data.png       one byte of IDAT data changed, CRC left as it was (zlib
                     notices first)
  huge-header.png    IHDR says 1000000x1000000 (valid CRC), tiny IDAT
  budget-header.png  IHDR says 8000x8000: under the 8192 px side limit but
                     over the default pixel budget
  no-iend.png        valid pixels, IEND missing (cut after IDAT)
  bad-zlib.png       IDAT holds junk that is not zlib data (valid CRC)
"""
import os, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SIG = b"\x89PNG\r\n\x1a\n"


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)


def ihdr(w, h, depth=8, color=6):
    return chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, color, 0, 0, 0))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# 4x3 RGBA: row y, column x -> (x*60, y*100, 200, 255 - x*50)
raw = b""
for y in range(3):
    raw += b"\x00"
    for x in range(4):
        raw += bytes([x * 60, y * 100, 200, 255 - x * 50])
idat = chunk(b"IDAT", zlib.compress(raw, 9))
good = SIG + ihdr(4, 3) + idat + chunk(b"IEND", b"")
write("good-4x3.png", good)
write("zero-bytes.png", b"")
write("not-a-png.png", b"This is a text file that someone renamed to .png.\n")
idat_at = good.index(b"IDAT") - 4
write("truncated.png", good[: idat_at + 8 + 10])
write("truncated-sig.png", SIG[:5])
bad = bytearray(good)
bad[idat_at + 8 + 5] ^= 0x55
write("bad-data.png", bytes(bad))
bad = bytearray(good)
idat_len = struct.unpack(">I", good[idat_at:idat_at + 4])[0]
bad[idat_at + 8 + idat_len + 3] ^= 0x01
write("bad-crc.png", bytes(bad))
tiny = chunk(b"IDAT", zlib.compress(b"\x00" * 16))
write("huge-header.png", SIG + ihdr(1000000, 1000000) + tiny + chunk(b"IEND", b""))
write("budget-header.png", SIG + ihdr(8000, 8000) + tiny + chunk(b"IEND", b""))
write("no-iend.png", good[: good.index(b"IEND") - 4])
write("bad-zlib.png", SIG + ihdr(4, 3) + chunk(b"IDAT", b"this is not zlib") + chunk(b"IEND", b""))
