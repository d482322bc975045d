#!/usr/bin/env python3
"""Compares TraceStation's estimated unused error correction (UEC) of QR labels with zxing-cpp's.

Renders QR labels with `tracestation encode`, degrades them step by step (ink spread, voids,
low contrast, blur, noise), and reads each copy twice: `tracestation verify --grade --json`
for our UEC figure and PyPI zxing-cpp (`barcode.extra['UEC']`, zxing-cpp 2.3 or later) for
its own. Both figures are graded with the ISO/IEC 15415 UEC limits (0.62, 0.50, 0.37, 0.25);
the labels agree when the grades differ by at most one. Exits 1 when any label disagrees.

The figures are not measured alike. Ours follows ISO/IEC 15415, 1 - (e + 2t) / (d - p) over
the worst block, with t counted against the ideal grid from a few points about each module
centre and p the misdecode protection of versions 1 to 3; zxing-cpp counts the codewords its
decoder corrected, sampling one pixel a module, and leaves p out. Small voids that hit module
centres therefore cost more there.

    pip install zxing-cpp pillow
    python3 scripts/compare_uec.py --tracestation .build/release/tracestation
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import zxingcpp
from PIL import Image, ImageFilter

TEXTS = [
    "https://id.example.com/01/06901234567892/21/A1B2C3D4",
    "TS-0001-2026-LOT42",
    "产品名称：电线电缆 批号 LOT42",
]


def grade(uec):
    return next((4 - i for i, limit in enumerate([0.62, 0.50, 0.37, 0.25]) if uec >= limit), 0)


def degraded(image, kind, step):
    if step == 0:
        return image
    if kind == "ink spread":
        return image.filter(ImageFilter.MinFilter(2 * step + 1))
    if kind == "voids":
        out = image.copy()
        size, spacing = 2 + step, max(8, 30 - 4 * step)
        for y in range(spacing // 2, image.height - size, spacing):
            for x in range(spacing // 3, image.width - size, spacing):
                out.paste(255, (x, y, x + size, y + size))
        return out
    if kind == "low contrast":
        return image.point(lambda v: 30 * step + v * (255 - 42 * step) // 255)
    if kind == "blur":
        return image.filter(ImageFilter.GaussianBlur(0.6 * step))
    if kind == "noise":
        import random
        rng = random.Random(step)
        return image.point(lambda v: max(0, min(255, v + rng.randint(-25 * step, 25 * step))))
    raise ValueError(kind)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tracestation", default=".build/release/tracestation")
    parser.add_argument("--steps", type=int, default=5)
    args = parser.parse_args()
    rows, disagreements = [], 0
    with tempfile.TemporaryDirectory() as folder:
        for index, text in enumerate(TEXTS):
            clean_path = os.path.join(folder, f"label{index}.png")
            subprocess.run([args.tracestation, "encode", "--symbology", "qr", "--data", text, "--module", "6",
                            "--out", clean_path], check=True, capture_output=True)
            clean = Image.open(clean_path).convert("L")
            for kind in ["ink spread", "voids", "low contrast", "blur", "noise"]:
                for step in range(args.steps):
                    path = os.path.join(folder, f"label{index}-{kind.replace(' ', '-')}-{step}.png")
                    image = degraded(clean, kind, step)
                    image.save(path)
                    theirs = [b for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode]
                    out = subprocess.run([args.tracestation, "verify", "--json", "--grade", "--symbology", "qr", path],
                                         capture_output=True, text=True).stdout.strip()
                    result = json.loads(out) if out else {}
                    ours = next((p.get("value") for p in (result.get("grade") or {}).get("parameters", [])
                                 if p["name"] == "unused_error_correction"), None)
                    if not theirs or ours is None:
                        rows.append((index, kind, step, ours, None if not theirs else float(theirs[0].extra.get("UEC", "nan")), "not both read"))
                        continue
                    uec = float(theirs[0].extra["UEC"])
                    agree = abs(grade(ours) - grade(uec)) <= 1
                    disagreements += 0 if agree else 1
                    rows.append((index, kind, step, ours, uec, "ok" if agree else "DISAGREE"))
    print(f"{'label':>5} {'degradation':<13} {'step':>4} {'ours':>6} {'zxing':>6}  grades")
    for index, kind, step, ours, theirs, verdict in rows:
        fmt = lambda v: "   -  " if v is None else f"{v:6.3f}"
        grades = "" if ours is None or theirs is None else f"{grade(ours)} vs {grade(theirs)}"
        print(f"{index:>5} {kind:<13} {step:>4} {fmt(ours)} {fmt(theirs)}  {grades:<8} {verdict}")
    compared = sum(1 for row in rows if row[5] != "not both read")
    print(f"\n{compared} labels read by both, {disagreements} more than one grade apart")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
