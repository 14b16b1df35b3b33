"""Benchmark: build the print edition (layout, prepress, imposition) and preflight it.

Run: .venv/bin/python bench/print.py
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from guide import compose, load_guide
from guide.preflight import preflight
from guide.renderers.print_ready import PrintPdfRenderer

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    model = compose(load_guide(ROOT / "routes" / "wroclaw"))
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        PrintPdfRenderer(model, Path(out), "pl").render()
        built = time.perf_counter() - start
        pdf = Path(out) / "pl" / PrintPdfRenderer.file_name
        start = time.perf_counter()
        findings = preflight(pdf)
        checked = time.perf_counter() - start
        size = pdf.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"print edition: {built:.1f} s to lay out, prepress and impose; {size / 1e6:.2f} MB")
    print(f"preflight: {checked:.1f} s, {len(findings)} finding(s); peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
