"""Another city's guide: the tiny guide moved to Gdynia and published by another centre comes out with no
trace of Wrocław or its MOPS in any edition."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TINY

WROMIK = Path(sys.executable).parent / "wromik"
FORBIDDEN = re.compile("Wrocław|Wroclaw|MOPS|Mops")
# every name of a city, publisher or place in tests/fixtures/tiny, and what it is in Gdynia
RENAMES = [("MOPS Test", "Centrum Usług Społecznych w Gdyni"), ("Testowo", "Gdynia"), ("Testowa", "Świętojańska"),
           ("Biuro testowe", "Biuro Centrum Usług Społecznych"), ("Przystanek A", "Gdynia Główna"),
           ("Przystanek B", "Plac Kaszubski")]
TEXT_SUFFIXES = {".txt", ".html", ".smil", ".geojson", ".json", ".m3u8"}


@pytest.fixture(scope="module")
def gdynia(tmp_path_factory) -> tuple:
    """The tiny guide rewritten for Gdynia and built in every edition: (data directory, output directory)."""
    root = tmp_path_factory.mktemp("gdynia")
    data, out = root / "data", root / "output"
    shutil.copytree(TINY, data)
    for path in [data / "guide.yaml", data / "stops.csv", data / "network.geojson", *(data / "places").glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        for old, new in RENAMES:
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    cache = Path(os.environ.get("WROMIK_SPEECH_CACHE") or root / "speech-cache")
    result = subprocess.run([str(WROMIK), "build", str(data), "--out", str(out), "--speech-cache", str(cache)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return data, out


def _pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout
    return text + info


def test_the_copied_data_names_neither_wroclaw_nor_mops(gdynia):
    data, _ = gdynia
    files = [p for p in data.rglob("*") if p.is_file()]
    assert len(files) >= 4
    found = [f"{p.name}: {m.group()}" for p in files
             for m in re.finditer("Wrocław|Wrocławiu|Wroclaw|MOPS|Mops", p.read_text(encoding="utf-8"))]
    assert not found, found
    assert "Gdynia" in (data / "guide.yaml").read_text(encoding="utf-8")


def test_no_edition_names_wroclaw_or_mops(gdynia):
    _, out = gdynia
    pdfs = sorted(out.rglob("*.pdf"))
    texts = sorted(p for p in out.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES)
    assert len(pdfs) >= 4, pdfs  # standard, easy-read, print and its imposed sheets
    assert {p.suffix for p in texts} >= {".txt", ".html", ".smil", ".geojson", ".json", ".m3u8"}, texts
    found = []
    for path in pdfs + texts:
        content = _pdf_text(path) if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(out)}: …{content[max(0, m.start() - 40):m.end() + 40]}…"
                  for m in FORBIDDEN.finditer(content)]
    assert not found, "\n".join(found)


def test_the_standard_edition_names_the_new_city(gdynia):
    _, out = gdynia
    standard = next(out.rglob("wromik-standard-polski.pdf"))
    text = " ".join(_pdf_text(standard).split())
    assert "Gdynia" in text and "Świętojańska 1" in text and "Centrum Usług Społecznych w Gdyni" in text
