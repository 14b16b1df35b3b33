"""Any city, any kind of place: the Gdańsk test guide (tests/fixtures/gdansk, real ZTM Gdańsk stops; see its
SOURCES.md) with a social-welfare centre, a museum, a clinic and a library, built once in every edition.

Covers the issue's acceptance: the build succeeds; no edition (the PDFs' text and metadata, the transcript, the
DAISY files, the playlist, routes.geojson, the manifest) names Wrocław or MOPS, which the data never says, or prints
"None"; the museum's chapter of the standard PDF, the easy-read PDF and the recording speaks of its exhibition and
ticket desks and never of an office ("biuro") or a room ("pokój"); the print files pass `wromik preflight`; and
`wromik check --easy-read` accepts the data."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from conftest import ROOT, run_wromik

GDANSK = ROOT / "tests" / "fixtures" / "gdansk"
MUSEUM = "Bartoszewskiego 1"  # the museum's short name: its chapter's heading and bookmark begin with it
FORBIDDEN = re.compile("Wrocław|Wroclaw|MOPS|Mops")
NONE = re.compile(r"\bNone\b")
OFFICE_WORDS = re.compile(r"\b(biuro|biura|pokój|pokoju)\b", re.IGNORECASE)
TEXT_SUFFIXES = {".txt", ".html", ".smil", ".geojson", ".json", ".m3u8"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The Gdańsk guide built in every edition, once: (the finished process, the output folder). The audio
    edition speaks with espeak-ng through the session's clip cache (WROMIK_SPEECH_CACHE)."""
    out = tmp_path_factory.mktemp("gdansk") / "output"
    cache = os.environ.get("WROMIK_SPEECH_CACHE") or str(tmp_path_factory.mktemp("speech-cache"))
    result = run_wromik("build", GDANSK, "--out", out, "--speech-cache", cache, timeout=1200)
    return result, out


def _output(built) -> Path:
    result, out = built
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def _pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = ["-f", str(first), "-l", str(last)] if first else []
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pdf_meta(path: Path) -> str:
    return subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout


def _chapter_in_pdf(path: Path, title_start: str) -> str:
    """The text of the chapter whose bookmark begins with title_start: from its page to the next chapter's."""
    with pikepdf.open(path) as pdf:
        pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        with pdf.open_outline() as outline:
            marks = [(item.title, pages.get(item.destination[0].objgen) if item.destination is not None else None)
                     for item in outline.root]
        count = len(pdf.pages)
    index = next((i for i, (title, _) in enumerate(marks) if title.startswith(title_start)), None)
    assert index is not None, f"no bookmark begins with {title_start!r}: {[title for title, _ in marks]}"
    first = marks[index][1]
    following = marks[index + 1] if index + 1 < len(marks) else (None, None)
    last = following[1] or count
    text = " ".join(_pdf_text(path, first, last).split())
    start = text.find(title_start)
    text = text[max(start, 0):]
    if following[0]:  # the next chapter may begin on this chapter's last page
        end = text.find(following[0][:20], len(title_start))
        text = text[:end] if end > 0 else text
    return text


def _chapter_in_transcript(out: Path, title_start: str) -> str:
    """The transcript's chapter (a '# ' heading) whose heading begins with the spoken title_start."""
    text = (out / "pl" / "audio" / "transkrypcja-polski.txt").read_text(encoding="utf-8")
    chapters = re.split(r"^# ", text, flags=re.MULTILINE)
    found = [chapter for chapter in chapters if chapter.startswith(title_start)]
    assert len(found) == 1, [chapter.splitlines()[0] for chapter in chapters[1:]]
    return found[0]


def test_the_gdansk_data_names_neither_wroclaw_nor_mops():
    files = [path for path in GDANSK.rglob("*") if path.is_file()]
    assert {path.name for path in files} >= {"guide.yaml", "stops.csv", "network.geojson", "SOURCES.md"}
    assert len(list((GDANSK / "places").glob("*.yaml"))) == 4
    found = [f"{path.name}: {match.group()}" for path in files
             for match in re.finditer("Wrocław|Wrocławiu|Wroclaw|MOPS|Mops", path.read_text(encoding="utf-8"))]
    assert not found, found


def test_the_places_are_of_four_kinds():
    kinds = {path.stem: re.search(r"^kind: (\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE).group(1)
             for path in (GDANSK / "places").glob("*.yaml")}
    assert sorted(kinds.values()) == ["culture", "health", "library", "office"], kinds


def test_check_with_easy_read_passes():
    result = run_wromik("check", "--easy-read", GDANSK)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid (4 places" in result.stdout, result.stdout


def test_every_edition_is_built(built):
    out = _output(built)
    names = {path.relative_to(out / "pl").as_posix() for path in (out / "pl").rglob("*") if path.is_file()}
    for name in ("wromik-standard-polski.pdf", "wromik-latwy-tekst-polski.pdf", "wromik-druk-polski.pdf", "routes.geojson",
                 "audio/transkrypcja-polski.txt", "audio/wromik-polski.m3u8", "audio/wromik-calosc-polski.mp3", "daisy/ncc.html"):
        assert name in names, sorted(names)
    assert (out / "manifest.json").is_file()


def test_every_instruction_in_routes_geojson_says_something(built):
    """The library's way inside ends at its floor (the lift's step told it): no empty instruction after it."""
    import json
    features = json.loads((_output(built) / "pl" / "routes.geojson").read_text(encoding="utf-8"))["features"]
    said = [text for f in features for key in ("instructions", "instructions_inside")
            for text in f["properties"].get(key, [])]
    assert len(said) > 50 and all(text.strip() for text in said)


def _edition_texts(out: Path) -> dict:
    """Every text a reader or a program gets: each PDF's text and metadata, and each text file."""
    texts = {}
    for path in sorted(out.rglob("*")):
        if path.suffix == ".pdf":
            texts[path.relative_to(out).as_posix()] = _pdf_text(path) + _pdf_meta(path)
        elif path.is_file() and path.suffix in TEXT_SUFFIXES:
            texts[path.relative_to(out).as_posix()] = path.read_text(encoding="utf-8")
    return texts


def test_no_edition_names_wroclaw_or_mops(built):
    texts = _edition_texts(_output(built))
    assert sum(name.endswith(".pdf") for name in texts) >= 4, sorted(texts)  # standard, easy-read, print, A4 sheets
    assert {Path(name).suffix for name in texts} >= {".txt", ".html", ".smil", ".geojson", ".json", ".m3u8"}
    found = [f"{name}: …{text[max(0, m.start() - 40):m.end() + 40]}…" for name, text in texts.items()
             for m in FORBIDDEN.finditer(text)]
    assert not found, "\n".join(found)


def test_no_edition_prints_none(built):
    texts = _edition_texts(_output(built))
    found = [f"{name}: …{text[max(0, m.start() - 60):m.end() + 60]}…" for name, text in texts.items()
             for m in NONE.finditer(text)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("edition", ["wromik-standard-polski.pdf", "wromik-latwy-tekst-polski.pdf", "audio/transkrypcja-polski.txt"])
def test_the_museum_chapter_speaks_of_its_exhibition_not_of_an_office(built, edition):
    out = _output(built)
    if edition.endswith(".pdf"):
        chapter = _chapter_in_pdf(out / "pl" / edition, MUSEUM)
    else:
        chapter = _chapter_in_transcript(out, "Bartoszewskiego jeden")
    assert re.search(r"\bwystaw", chapter, re.IGNORECASE), chapter[:2000]
    assert re.search(r"\bkas(a|y|ie|ach)\b", chapter, re.IGNORECASE), chapter[:2000]
    wrong = [chapter[max(0, m.start() - 60):m.end() + 60] for m in OFFICE_WORDS.finditer(chapter)]
    assert not wrong, "\n".join(wrong)


def test_the_print_files_pass_preflight(built):
    out = _output(built)
    printed = sorted((out / "pl").glob("wromik-druk*.pdf"))
    assert printed, sorted(p.name for p in (out / "pl").iterdir())
    result = run_wromik("preflight", *printed)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(printed) and all("passes PX-01 … PX-05" in line for line in lines), result.stdout
