"""Benchmark: build the standard PDF edition; compare with WeasyPrint rendering the same content.

WeasyPrint is used here only, for comparison (pdf_variant='pdf/ua-1'); it is not a dependency.
Install it into the venv to get the ratio: .venv/bin/pip install weasyprint
Run: .venv/bin/python bench/standard.py
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from guide.document.builder import Documents
from guide import compose, load_guide
from guide.renderers.standard import StandardPdfRenderer

ROOT = Path(__file__).resolve().parents[1]


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _same_content_as_html(pdf: Path) -> str:
    """The standard edition's tagged text, as headings and paragraphs of HTML."""
    raw = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True).stdout
    body, tag = [], "p"
    for line in raw.splitlines():
        stripped = line.strip()
        match = re.fullmatch(r"(H[1-6]|P|LBody|TD|TH|Link) \(\w+\)", stripped)
        if match:
            tag = {"LBody": "li", "TD": "p", "TH": "p", "Link": "p"}.get(match.group(1), match.group(1).lower())
        elif stripped.startswith('"') and stripped.endswith('"'):
            body.append(f"<{tag}>{html.escape(stripped[1:-1])}</{tag}>")
    font = ROOT / "media" / "fonts" / "DejaVuSans.ttf"
    return (f"<html lang='pl'><head><title>WROMIK</title><style>@font-face{{font-family:D;src:url('{font.as_uri()}')}}"
            "body{font-family:D;font-size:12pt} @page{size:A4;margin:20mm}</style></head><body>"
            + "\n".join(body) + "</body></html>")


def main() -> None:
    model = compose(load_guide(ROOT / "routes" / "wroclaw"))
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        StandardPdfRenderer(Documents(model), Path(folder), "pl").render()
        ours = time.perf_counter() - start
        pdf = Path(folder) / "pl" / "wromik-standard-polski.pdf"
        pages = _pages(pdf)
        maps = len(list((Path(folder) / "pl" / "maps").glob("*.png")))
        print(f"wromik standard edition: {pages} pages in {ours:.2f} s ({pages / ours:.1f} pages/s, "
              f"two layout passes, {maps} maps as PDF vectors and PNG files)")
        try:
            import weasyprint
        except ImportError:
            print("WeasyPrint is not installed: no comparison (pip install weasyprint)")
            return
        document = _same_content_as_html(pdf)
        start = time.perf_counter()
        target = Path(folder) / "weasy.pdf"
        weasyprint.HTML(string=document).write_pdf(target, pdf_variant="pdf/ua-1")
        theirs = time.perf_counter() - start
        print(f"WeasyPrint (same text, no maps): {_pages(target)} pages in {theirs:.2f} s "
              f"({_pages(target) / theirs:.1f} pages/s); time ratio wromik/WeasyPrint = {ours / theirs:.2f}")


if __name__ == "__main__":
    sys.exit(main())
