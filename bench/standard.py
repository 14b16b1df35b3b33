"""Benchmark: the standard PDF edition of the Wrocław guide (pl) beside WeasyPrint and Typst typesetting the same
content, each as a whole process (a fresh interpreter: start-up, imports, fonts and writing the PDF counted).

The content is the standard edition's tagged text (pdfinfo -struct-text): its headings, paragraphs, list items and
table cells, in DejaVu Sans 12 pt on A4 with 20 mm margins, without maps or photos. WeasyPrint gets it as HTML
(pdf_variant='pdf/ua-1'), Typst as markup written from the same structure (the `typst` package's compile(),
pdf_standards="ua-1": PDF/UA-1, tagged). wromik is timed as `wromik build routes/wroclaw --edition standard --lang
pl`: loading and routing the data, composing the guide, both ReportLab layout passes, the maps as PNG files, the
download page; with an empty map cache, then again with the maps rasterised by the first run (as a rebuild finds
them). The issue's target: wromik within 3× of Typst.

Neither WeasyPrint nor Typst is a dependency of wromik; for this benchmark only, install them into the venv:
    .venv/bin/pip install weasyprint typst        (or: .venv/bin/pip install -e '.[bench]')
Without them the table shows wromik alone. Run: make bench-standard (or .venv/bin/python bench/standard.py [RUNS])
"""

from __future__ import annotations

import html
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "routes" / "wroclaw"
FONTS = ROOT / "media" / "fonts"
RUNS = 3
_TAGS = {"LBody": "li", "TD": "p", "TH": "p", "Link": "p"}


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def tagged_text(pdf: Path) -> list:
    """The edition's tagged text in reading order: (tag, text) pairs, tag one of h1…h6, p, li. A list's labels
    (Lbl: the bullets and numbers) are left to the list markup of HTML and Typst."""
    raw = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True).stdout
    blocks, tag = [], "p"
    for line in raw.splitlines():
        stripped = line.strip()
        match = re.fullmatch(r"(\w+) \(\w+\)", stripped)
        if match:
            kind = match.group(1)
            tag = _TAGS.get(kind, kind.lower()) if re.fullmatch(r"H[1-6]|P|LBody|TD|TH|Link", kind) else None
        elif tag and len(stripped) > 2 and stripped.startswith('"') and stripped.endswith('"'):
            blocks.append((tag, stripped[1:-1]))
    return blocks


def as_html(blocks: list) -> str:
    """The blocks as an HTML page for WeasyPrint."""
    font = FONTS / "DejaVuSans.ttf"
    body = "\n".join(f"<{tag}>{html.escape(text)}</{tag}>" for tag, text in blocks)
    return (f"<html lang='pl'><head><title>WROMIK</title><style>@font-face{{font-family:D;src:url('{font.as_uri()}')}}"
            "body{font-family:D;font-size:12pt} @page{size:A4;margin:20mm}</style></head><body>" + body
            + "</body></html>")


def as_typst(blocks: list) -> str:
    """The same blocks as Typst markup: every text a string literal, so nothing in it reads as markup."""
    def literal(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a Typst string (\" \\ escapes)
    lines = ['#set document(title: "WROMIK")', '#set page(paper: "a4", margin: 20mm)',
             '#set text(font: "DejaVu Sans", size: 12pt, lang: "pl")', ""]
    for tag, text in blocks:
        if tag.startswith("h"):
            lines.append(f"#heading(level: {tag[1]}, {literal(text)})")
        elif tag == "li":
            lines.append(f"- #{literal(text)}")
        else:
            lines.append(f"#{literal(text)}")
        lines.append("")
    return "\n".join(lines)


# what each timed process runs: a fresh interpreter, its imports counted
_IMPORTS = "import guide.cli, guide.build, guide.renderers.standard, guide.renderers.download"  # the floor of a build
_WEASYPRINT = ("import sys, weasyprint\n"
               "weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], pdf_variant='pdf/ua-1')")
_TYPST = ("import sys, typst\n"
          "typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]], ignore_system_fonts=True,"
          " pdf_standards='ua-1')")


def _cpu() -> float:
    """CPU seconds (user and system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list, env: dict) -> tuple:
    """(wall seconds, CPU seconds) of a process: the CPU time is steadier on a machine busy with other work."""
    start, cpu = time.perf_counter(), _cpu()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command[:4])} failed:\n{result.stderr[-2000:]}")
    return seconds, _cpu() - cpu


def _available(module: str) -> bool:
    return subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode == 0


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        wromik = [sys.executable, "-m", "guide", "build", str(DATA), "--edition", "standard", "--lang", "pl", "--out"]
        cold = [dict(env, WROMIK_MAP_CACHE=str(folder / f"maps{n}")) for n in range(runs)]  # no map drawn before
        times = {"wromik standard edition": [_timed(wromik + [str(folder / f"out{n}")], cold[n]) for n in range(runs)],
                 "(same, maps cached)": [_timed(wromik + [str(folder / f"again{n}")], cold[n]) for n in range(runs)],
                 "(wromik's imports alone)": [_timed([sys.executable, "-c", _IMPORTS], env) for _ in range(runs)]}
        pdf = folder / "out0" / "pl" / "wromik-standard-polski.pdf"
        pages = {"wromik standard edition": _pages(pdf), "(same, maps cached)": _pages(pdf), "(wromik's imports alone)": 0}
        maps = len(list((folder / "out0" / "pl" / "maps").glob("*.png")))
        blocks = tagged_text(pdf)
        if _available("weasyprint"):
            (folder / "same.html").write_text(as_html(blocks), encoding="utf-8")
            target = folder / "weasyprint.pdf"
            times["WeasyPrint (PDF/UA-1)"] = [_timed([sys.executable, "-c", _WEASYPRINT, str(folder / "same.html"),
                                                     str(target)], env) for _ in range(runs)]
            pages["WeasyPrint (PDF/UA-1)"] = _pages(target)
        else:
            print("WeasyPrint is not installed: no comparison (.venv/bin/pip install weasyprint)")
        if _available("typst"):
            (folder / "same.typ").write_text(as_typst(blocks), encoding="utf-8")
            target = folder / "typst.pdf"
            times["Typst (PDF/UA-1)"] = [_timed([sys.executable, "-c", _TYPST, str(folder / "same.typ"), str(target),
                                                str(FONTS)], env) for _ in range(runs)]
            pages["Typst (PDF/UA-1)"] = _pages(target)
        else:
            print("Typst is not installed: no comparison (.venv/bin/pip install typst)")

    medians = {name: statistics.median(wall for wall, _ in values) for name, values in times.items()}
    cpu = {name: statistics.median(used for _, used in values) for name, values in times.items()}
    ours, our_cpu = medians["wromik standard edition"], cpu["wromik standard edition"]
    print(f"Wrocław guide, pl: {len(blocks)} blocks of tagged text; wromik also draws {maps} maps (PDF vectors and "
          f"PNG files). Whole processes, medians of {runs} runs; wall time, and CPU time (user + system).")
    print(f"{'':28}{'wall s':>8}{'CPU s':>8}{'pages':>7}{'wromik ÷ this':>15}   wall of each run")
    for name, median in medians.items():
        print(f"{name:28}{median:8.2f}{cpu[name]:8.2f}{pages[name]:7d}{ours / median:9.2f} /{our_cpu / cpu[name]:5.2f}"
              "   " + " ".join(f"{wall:.2f}" for wall, _ in times[name]))
    if "Typst (PDF/UA-1)" in medians:
        ratio = ours / medians["Typst (PDF/UA-1)"]
        print(f"Target: wromik within 3× of Typst — {'met' if ratio <= 3 else 'not met'} ({ratio:.2f}× wall, "
              f"{our_cpu / cpu['Typst (PDF/UA-1)']:.2f}× CPU).")

if __name__ == "__main__":
    sys.exit(main())
