#!/usr/bin/env python3
"""Writes the small test sheet next to this script (committed; tests never
need Python): frames of 8x8 px, 3 columns, 10 frames over two images.
good-0.png is 24x16 (frames 0-5), good-1.png 24x16 (frames 6-9, two cells
left empty). Frame f is filled with R = 20*f + 10, G = 255 - 20*f, A = 255,
and B = 50 in its left half, 200 in its right half (to see mirroring)."""
import os, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(path, w, h, pixel):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(w)) for y in range(h))
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(data)


def sheet_pixel(image):
    def pixel(x, y):
        f = image * 6 + (y // 8) * 3 + x // 8
        if f >= 10:
            return (0, 0, 0, 0)
        return (20 * f + 10, 255 - 20 * f, 50 if x % 8 < 4 else 200, 255)
    return pixel


png("good-0.png", 24, 16, sheet_pixel(0))
png("good-1.png", 24, 16, sheet_pixel(1))
