#!/usr/bin/env python3
"""Draws installer/icons/peershelf.png (128x128): three books on a shelf, linked like peers, and wraps the
same PNG as peershelf.ico (Windows) and peershelf.icns (macOS), the formats jpackage wants there.
Standard library only, so the icons can be redrawn anywhere: python3 installer/icons/make-icon.py"""
import os, struct, zlib

N = 128
BG, SHELF, LINK = (28, 74, 110), (233, 226, 208), (255, 255, 255)
BOOKS = [((14, 36, 30, 92), (231, 111, 81)), ((34, 24, 52, 92), (244, 162, 97)),
         ((56, 44, 70, 92), (42, 157, 143))]   # (x0, y0, x1, y1), colour
NODES = [(92, 36), (112, 64), (92, 92)]        # a small mesh of peers at the right


def inside_rounded(x, y, r=22):
    cx = min(max(x, r), N - 1 - r)
    cy = min(max(y, r), N - 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def near_segment(x, y, a, b, w):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / float(dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= w * w


def pixel(x, y):
    if not inside_rounded(x, y):
        return (0, 0, 0, 0)
    for (x0, y0, x1, y1), colour in BOOKS:
        if x0 <= x <= x1 and y0 <= y <= y1:
            return colour + (255,)
    if 10 <= x <= 118 and 93 <= y <= 99:
        return SHELF + (255,)
    for (nx, ny) in NODES:
        if (x - nx) ** 2 + (y - ny) ** 2 <= 36:
            return LINK + (255,)
    for i in range(len(NODES)):
        if near_segment(x, y, NODES[i], NODES[(i + 1) % len(NODES)], 1.6):
            return LINK + (255,)
    return BG + (255,)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(N)) for y in range(N))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
here = os.path.dirname(os.path.abspath(__file__))
# ICO with one PNG entry (Windows Vista and later): header, one directory entry, the PNG
ico = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", N, N, 0, 0, 1, 32, len(png), 22) + png
# ICNS with one 'ic07' (128x128 PNG) element
icns_element = b"ic07" + struct.pack(">I", 8 + len(png)) + png
icns = b"icns" + struct.pack(">I", 8 + len(icns_element)) + icns_element
for name, data in (("peershelf.png", png), ("peershelf.ico", ico), ("peershelf.icns", icns)):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)
