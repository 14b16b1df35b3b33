"""The easy-read edition, measured from the PDF itself: veraPDF, type sizes, layout, and the language of its text."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict

import pdfplumber
import pytest

from guide.language.pl.readability import ABBREVIATIONS, fog_pl, sentences, words
from conftest import struct_texts

MARGIN = 20 / 25.4 * 72  # the frame's left edge, in points
TEXT_TAGS = {"P", "H1", "H2", "H3", "Link"}


@pytest.fixture(scope="module")
def chars(easy_read):
    with pdfplumber.open(easy_read) as pdf:
        return [c for page in pdf.pages for c in page.chars]


@pytest.fixture(scope="module")
def easy_sentences(easy_read):
    return [s for _, text in struct_texts(easy_read) for s in sentences(text)]


def test_verapdf_pdf_ua1_compliant_with_zero_failed_rules(easy_read, verapdf):
    code, report = verapdf(easy_read)
    assert code == 0, report
    assert report.splitlines()[0].endswith("\tcompliant\t0")


def test_at_least_97_per_cent_of_glyphs_are_16_pt_or_larger(chars):
    large = sum(1 for c in chars if c["size"] >= 15.99)
    assert len(chars) > 20000
    assert large / len(chars) >= 0.97, large / len(chars)


def test_headings_are_20_pt_or_larger(chars):
    assert min(c["size"] for c in chars if c["tag"] in ("H1", "H2", "H3")) >= 20


def test_no_italic_fonts_and_every_font_embedded(easy_read, chars):
    out = subprocess.run(["pdffonts", str(easy_read)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), out
    assert not re.search(r"italic|oblique", out, flags=re.I)
    assert not any(re.search(r"italic|oblique", c["fontname"], flags=re.I) for c in chars)


def _lines(chars) -> dict:
    """Text lines of the tagged body (not figures, not page furniture): (page, top) -> chars left to right."""
    lines = defaultdict(list)
    for c in chars:
        if c["tag"] in TEXT_TAGS:
            lines[(c["page_number"], round(c["top"]))].append(c)
    return {key: sorted(found, key=lambda c: c["x0"]) for key, found in lines.items()}


def test_no_word_is_hyphenated_across_lines(chars):
    lines = _lines(chars)
    text = ["".join(c["text"] for c in line).rstrip() for line in lines.values()]
    assert len(text) > 800
    assert not [t for t in text if re.search(r"\w[-\u00ad]$", t)]
    assert not any(c["text"] == "\u00ad" for c in chars)


def test_every_line_starts_at_the_left_edge_of_its_column(easy_read, chars):
    with pdfplumber.open(easy_read) as pdf:
        picture_column = {(page.page_number, round(c["top"])) for page in pdf.pages
                          for c in page.curves + page.lines  # a pictogram, or a map symbol of the map legend
                          if c.get("tag") in ("Artifact", "Figure") and MARGIN - 1 <= c["x0"] and c["x1"] <= MARGIN + 45}
    text_column = MARGIN + 14 / 25.4 * 72 + 8  # beside a 14 mm pictogram
    starts = defaultdict(int)
    for (page, top), line in _lines(chars).items():
        x = round(line[0]["x0"], 1)
        starts[x] += 1
        if abs(x - text_column) < 1:  # a line beside a pictogram: the pictogram is at its left, at most 5 lines up
            assert any(p == page and top - 140 <= t <= top + 20 for p, t in picture_column), (page, top)
    assert set(starts) == {round(MARGIN, 1), round(text_column, 1)}, starts


def test_text_has_short_sentences(easy_sentences):
    counts = [len(words(s)) for s in easy_sentences]
    assert len(counts) > 800
    assert sum(counts) / len(counts) <= 10
    assert max(counts) <= 15, max(zip(counts, easy_sentences))


def test_text_has_no_abbreviation_or_roman_numeral(easy_sentences):
    tokens = [t.strip("„”(),;:") for s in easy_sentences for t in s.split()]
    assert not [t for t in tokens if t.lower() in ABBREVIATIONS or t.lower() == "nr"]
    assert not [t for t in tokens if re.fullmatch(r"[IVX]{2,}\.?", t)]


def test_fog_pl_is_at_most_6(easy_sentences):
    assert fog_pl(easy_sentences) <= 6


def test_route_steps_are_one_instruction_per_line_with_landmarks(easy_read):
    texts = [text for kind, text in struct_texts(easy_read) if kind == "P"]
    assert "Wysiądź na przystanku plac Strzegomski (Muzeum Współczesne)." in texts
    assert "Przejdź przez ulicę." in texts
    assert any(t.startswith("Po drodze jest: ") for t in texts)
    assert all(len(sentences(t)) == 1 for t in texts), [t for t in texts if len(sentences(t)) != 1][:3]


def test_glossary_explains_the_difficult_words(easy_read):
    pieces = struct_texts(easy_read)
    headings = [text for kind, text in pieces if kind == "H2"]
    glossary = headings[headings.index("Pochylnia"):]
    assert {"Pochylnia", "Pętla indukcyjna", "Orzeczenie o niepełnosprawności"} <= set(glossary)


def test_pages_render(easy_read, tmp_path):
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(easy_read), str(tmp_path / "page")], check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(easy_read)], capture_output=True,
                                                             text=True, check=True).stdout).group(1))
    assert len(list(tmp_path.glob("page-*.png"))) == pages > 60
