"""Benchmark: build the print edition (layout, binding, cover, imposition, its own preflight) and preflight
it; then time how fast `wromik preflight` rejects a flate bomb (a page content stream of 1 GiB of `q Q` operators, about 1 MB
packed; target: well under 10 s, where it used to run for more than 10 minutes).

Run: .venv/bin/python bench/print.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import pikepdf

from guide.document.builder import Documents
from guide import compose, load_guide
from guide.pdf.preflight import preflight
from guide.language import pack
from guide.renderers.print_ready import PrintPdfRenderer

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    model = compose(load_guide(ROOT / "routes" / "wroclaw"))
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        PrintPdfRenderer(Documents(model), Path(out), "pl").render()
        built = time.perf_counter() - start
        pdf = Path(out) / "pl" / pack("pl").FILE_NAMES["print"]
        start = time.perf_counter()
        findings = preflight(pdf)
        checked = time.perf_counter() - start
        size = pdf.stat().st_size
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        bomb = Path(out) / "bomb.pdf"
        packed = _flate_bomb(pdf, bomb)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "guide", "preflight", str(bomb)], cwd=ROOT,
                                capture_output=True, text=True, timeout=900)
        rejected = time.perf_counter() - start
    print(f"print edition: {built:.1f} s to lay out (the booklet, then the perfect-bound block when it is over 64 "
          f"pages), prepress, impose, make the cover and preflight its own files; {size / 1e6:.2f} MB")
    print(f"preflight: {checked:.1f} s, {len(findings)} finding(s); peak memory {peak:.0f} MiB")
    print(f"flate bomb ({packed / 1e6:.2f} MB packed, 1 GiB unpacked): wromik preflight took {rejected:.1f} s "
          f"(target under 10 s), exit code {result.returncode}")
    print("  " + (result.stdout.strip().splitlines() or [result.stderr.strip()])[-1][:160])


def _flate_bomb(good: Path, bomb: Path) -> int:
    """The good print file with 1 GiB of `q Q` operators, zlib level 9, added to page 2; the packed size."""
    packer, operators = zlib.compressobj(9), b"q Q " * (16 << 20)
    packed = b"".join(packer.compress(operators) for _ in range(16)) + packer.flush()
    with pikepdf.open(good) as pdf:
        pdf.pages[1].contents_add(pdf.make_stream(packed, Filter=pikepdf.Name.FlateDecode))
        pdf.save(bomb)
    return len(packed)


if __name__ == "__main__":
    main()
