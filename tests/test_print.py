"""The print edition: PDF/X-4 A5 booklet with bleed and crop marks, its imposition, checked by poppler,
Ghostscript and our own preflight (standards PX-01 … PX-06)."""

from __future__ import annotations

import re
import subprocess

import pdfplumber
import pikepdf
import pytest
from PIL import Image, ImageCms

from guide.pdf.pdfx import booklet_order

from conftest import run_wromik

MM = 72 / 25.4


def _run(*command) -> str:
    return subprocess.run([*map(str, command)], capture_output=True, text=True, check=True).stdout


def _pages(pdf) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", pdf), re.M).group(1))


def test_wromik_preflight_passes_the_print_pdf(printed):
    result = run_wromik("preflight", printed, check_exit=0)
    assert "passes PX-01 … PX-05" in result.stdout


def test_pdfinfo_shows_a5_trim_and_3_mm_bleed_on_every_page(printed):
    raw = _run("pdfinfo", "-box", "-f", 1, "-l", _pages(printed), printed)
    boxes: dict = {}
    for page, name, *values in re.findall(r"^Page\s+(\d+) (\w+):\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", raw, re.M):
        boxes.setdefault(int(page), {})[name] = [float(v) for v in values]
    assert len(boxes) == _pages(printed) and _pages(printed) % 4 == 0
    for page, box in boxes.items():
        trim, bleed, media = box["TrimBox"], box["BleedBox"], box["MediaBox"]
        assert (trim[2] - trim[0]) / MM == pytest.approx(148, abs=0.05), page
        assert (trim[3] - trim[1]) / MM == pytest.approx(210, abs=0.05), page
        for gap in (trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]):
            assert gap / MM == pytest.approx(3, abs=0.05), page
        assert media[0] <= bleed[0] and media[1] <= bleed[1] and media[2] >= bleed[2] and media[3] >= bleed[3]
        assert media[2] - media[0] > bleed[2] - bleed[0] + 10 * MM  # room for the crop marks outside the bleed


def test_pdffonts_shows_every_font_embedded(printed):
    rows = _run("pdffonts", printed).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        assert row.split()[-5] == "yes", row  # the emb column


def test_pdfimages_lists_no_rgb_or_low_resolution_image(printed):
    rows = [row.split() for row in _run("pdfimages", "-list", printed).splitlines()[2:]]
    for row in rows:
        assert row[5] in ("cmyk", "gray"), row
        assert min(int(row[12]), int(row[13])) >= 300, row
    # Maps, pictograms and QR codes are vectors: the booklet has no raster image to go soft.
    assert rows == []


@pytest.mark.parametrize("name", ["wromik-druk.pdf", "wromik-druk-skladka-A4.pdf"])
def test_ghostscript_renders_every_page_without_error(printed, tmp_path, name):
    pdf = printed.with_name(name)
    result = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dPDFSTOPONERROR", "-sDEVICE=pnggray", "-r20",
                             "-o", str(tmp_path / "page-%03d.png"), str(pdf)], capture_output=True, text=True)
    assert result.returncode == 0 and "rror" not in result.stdout + result.stderr, result.stdout + result.stderr
    assert len(list(tmp_path.glob("page-*.png"))) == _pages(pdf)


def test_pdfx4_output_intent_metadata_and_trapped(printed):
    meta = _run("pdfinfo", "-meta", printed)
    assert re.search(r"<pdfxid:GTS_PDFXVersion[^>]*>PDF/X-4</pdfxid:GTS_PDFXVersion>", meta)
    assert re.search(r"<pdf:Trapped[^>]*>False<", meta)
    assert re.search(r"<xmpMM:DocumentID[^>]*>uuid:", meta) and re.search(r"<xmpMM:RenditionClass[^>]*>default<", meta)
    with pikepdf.open(printed) as pdf:
        assert pdf.pdf_version >= "1.6"
        trapped = pdf.trailer.Info.Trapped
        assert trapped == pikepdf.Name("/False") and str(trapped) == "/False"
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == pikepdf.Name.GTS_PDFX
        assert str(intents[0].OutputConditionIdentifier) == "FOGRA39"
        profile = intents[0].DestOutputProfile.read_bytes()
    icc = ImageCms.ImageCmsProfile(__import__("io").BytesIO(profile))
    assert icc.profile.xcolor_space.strip() == "CMYK"
    assert "FOGRA39" in ImageCms.getProfileDescription(icc)


def test_text_is_11_pt_or_more_black_text_is_100_percent_k_and_no_annotations(printed):
    sizes, colours = set(), set()
    with pdfplumber.open(printed) as pdf:
        for page in pdf.pages:
            assert not page.annots, page.page_number
            for char in page.chars:
                sizes.add(round(char["size"], 2))
                colours.add(tuple(char["non_stroking_color"]))
    assert min(sizes) >= 11
    assert colours == {(0, 0, 0, 1)}  # all text is black, and black is K only


def test_text_stays_5_mm_inside_the_trim(printed):
    """Word boxes from pdftotext -bbox (poppler), against the TrimBox."""
    raw = _run("pdftotext", "-bbox", printed, "-")
    with pikepdf.open(printed) as pdf:
        trims = [[float(v) for v in page.obj.TrimBox] for page in pdf.pages]
        height = float(pdf.pages[0].obj.MediaBox[3])
    pages = raw.split("<page ")[1:]
    assert len(pages) == len(trims)
    words = 0
    for trim, page in zip(trims, pages):
        for x0, y0, x1, y1 in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page):
            words += 1
            left, right, top, bottom = float(x0), float(x1), height - float(y0), height - float(y1)
            assert left >= trim[0] + 5 * MM and right <= trim[2] - 5 * MM
            assert bottom >= trim[1] + 5 * MM and top <= trim[3] - 5 * MM
    assert words > 8000


def test_crop_marks_sit_outside_the_bleed_and_the_cover_runs_into_it(printed, tmp_path):
    """Rendered at 72 dpi (1 px = 1 pt): the bleed ring of a text page is blank, the marks are beyond it,
    and the cover's colour band fills the bleed at the top."""
    _run("pdftoppm", "-r", 72, "-png", "-f", 1, "-l", 2, printed, tmp_path / "page")
    with pikepdf.open(printed) as pdf:
        trim = [float(v) for v in pdf.pages[0].obj.TrimBox]
        height = float(pdf.pages[0].obj.MediaBox[3])
    cover, inside = (Image.open(path).convert("L") for path in sorted(tmp_path.glob("page-*.png")))
    bleed = 3 * MM
    x0, top = round(trim[0]), round(height - trim[3])  # top-left trim corner in pixels
    ring = [inside.getpixel((x, y)) for x in range(x0 - round(bleed) + 1, x0 - 1) for y in range(top + 40, top + 400)]
    assert min(ring) > 240  # nothing printed in the left bleed of a text page
    mark = [inside.getpixel((x, top)) for x in range(x0 - round(12 * MM), x0 - round(bleed + 1.5 * MM))]
    assert min(mark) < 128  # the horizontal crop mark at the top-left corner, outside the bleed
    assert inside.getpixel((x0 - 2, top)) > 240  # and it stops before the bleed
    band = [cover.getpixel((x, top - 4)) for x in range(x0 - 5, x0 + 200)]
    assert max(band) < 128  # the cover band runs into the top bleed


def test_imposed_file_pairs_pages_in_booklet_order(printed):
    imposed = printed.with_name("wromik-druk-skladka-A4.pdf")
    pages = _pages(printed)
    order = booklet_order(pages)
    assert _pages(imposed) == len(order) == pages // 2
    with pikepdf.open(imposed) as pdf:
        width, height = (float(v) for v in pdf.pages[0].obj.MediaBox[2:])
    assert (round(width / MM), round(height / MM)) == (297, 210)  # A4 landscape
    numbered = {int(n) for n in re.findall(r"Strona (\d+)", _run("pdftotext", printed, "-"))}
    for side, pair in enumerate(order, start=1):
        found = []
        for x in (0, round(width / 2)):
            text = _run("pdftotext", "-f", side, "-l", side, "-x", x, "-y", 0, "-W", round(width / 2), "-H",
                        round(height), imposed, "-")
            number = re.search(r"Strona (\d+)", text)
            found.append(int(number.group(1)) if number else None)
        assert found == [n if n in numbered else None for n in pair], side


def test_booklet_order_for_8_and_12_pages():
    assert booklet_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert booklet_order(12) == [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)]
    with pytest.raises(ValueError, match="multiple of 4"):
        booklet_order(10)


def test_contents_and_cross_references_give_the_right_page_numbers(printed):
    """On paper the contents and 'zobacz stronę N' carry page numbers instead of links; each must be right."""
    pages = [" ".join(text.split()) for text in _run("pdftotext", printed, "-").split("\f")]
    whole = " ".join(pages)
    glossary = next(n for n, text in enumerate(pages, start=1) if "Słowniczek" in text and "Pochylnia –" in text)
    assert f"słowniczek na końcu przewodnika (zobacz stronę {glossary})" in whole
    first = next(n for n, text in enumerate(pages) if "Spis treści" in text)
    contents = " ".join(pages[first:first + 2])  # the contents fill two pages
    assert re.search(rf"Słowniczek {glossary}\b", contents)
    references = re.findall(r"Inna możliwość: trasa z (?:miejsca|przystanku) (.+?) \(zobacz stronę (\d+)\)", whole)
    assert references, "no route refers to another start point"
    for origin, page in references:
        assert f"z przystanku {origin}" in pages[int(page) - 1] or f"z parkingu: {origin}" in pages[int(page) - 1], origin


def test_the_booklet_stays_pdf_ua1_for_readers_of_the_file(printed, verapdf):
    """The print file keeps its tags, so it still claims PDF/UA-1; veraPDF must agree."""
    code, report = verapdf(printed)
    assert code == 0 and "compliant\t0" in report, report
