"""The print edition: PDF/X-4 A5 guide with bleed and crop marks, bound as its page count allows (the Wrocław
guide perfect bound with a cover, the tiny guide saddle stitched), and the office imposition; checked by poppler,
Ghostscript, zxing-cpp (QR codes) and our own preflight (standards PX-01 … PX-06)."""

from __future__ import annotations

import re
import subprocess

import math
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
import yaml
import zxingcpp
from PIL import Image, ImageCms

from guide.pdf.pdfx import booklet_order

from conftest import TINY, WROCLAW, run_wromik

MM = 72 / 25.4


def _run(*command) -> str:
    return subprocess.run([*map(str, command)], capture_output=True, text=True, check=True).stdout


def _pages(pdf) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", pdf), re.M).group(1))


COVER, OFFICE = "wromik-druk-okladka-polski.pdf", "wromik-druk-skladka-A4-polski.pdf"


@pytest.fixture(scope="module")
def booklet(tmp_path_factory) -> Path:
    """The tiny guide's print edition: short enough to be one saddle-stitched booklet."""
    out = tmp_path_factory.mktemp("booklet")
    run_wromik("build", TINY, "--out", out, "--edition", "print", check_exit=0)
    return out / "pl" / "wromik-druk-polski.pdf"


def _qr_codes(pdf, tmp_path, page: int) -> list:
    """The texts of the QR codes zxing-cpp finds on a page rendered at 150 dpi."""
    _run("pdftoppm", "-r", 150, "-png", "-f", page, "-l", page, pdf, tmp_path / "qr")
    return [code.text for png in sorted(tmp_path.glob("qr*.png")) for code in zxingcpp.read_barcodes(Image.open(png))]


def _text(pdf, page: int) -> str:
    return " ".join(_run("pdftotext", "-f", page, "-l", page, pdf, "-").split())


def test_wromik_preflight_passes_every_print_pdf_and_names_its_binding(printed, booklet):
    result = run_wromik("preflight", printed, printed.with_name(COVER), printed.with_name(OFFICE), booklet,
                        booklet.with_name(OFFICE), check_exit=0)
    lines = result.stdout.splitlines()
    assert len(lines) == 5 and all("passes PX-01 … PX-05" in line for line in lines), result.stdout
    assert "the inner block of a perfect-bound guide of 90 pages" in lines[0] or "inner block" in lines[0], lines[0]
    assert re.search(r"the cover of a perfect-bound guide \(spine [\d.]+ mm for \d+ pages\)", lines[1]), lines[1]
    assert "2-up A4 sheets for an office printer" in lines[2] and "2-up A4" in lines[4]
    assert "a saddle-stitched booklet of 20 pages" in lines[3], lines[3]


def test_the_wroclaw_guide_is_perfect_bound_and_the_tiny_guide_saddle_stitched(printed, booklet):
    """Above 64 pages a booklet's staples do not hold: the block is not padded to 4, and a cover comes with it."""
    pages = _pages(printed)
    assert pages > 64 and pages % 2 == 0 and printed.with_name(COVER).exists()
    small = _pages(booklet)
    assert small <= 64 and small % 4 == 0 and not booklet.with_name(COVER).exists()


def test_ghostscript_measures_the_spine_of_the_cover_against_the_formula(printed, tmp_path):
    """The cover rendered at 600 dpi: the fold marks above it stand 148 mm from the trim's edges and as far apart
    as the block is thick: leaves (pages / 2) × text paper + 2 × cover board, from guide.yaml's paper:."""
    paper = yaml.safe_load((WROCLAW / "guide.yaml").read_text(encoding="utf-8"))["paper"]
    expected = math.ceil(_pages(printed) / 2) * paper["text"] + 2 * paper["cover"]
    cover = printed.with_name(COVER)
    result = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dPDFSTOPONERROR", "-sDEVICE=pnggray", "-r600",
                             "-o", str(tmp_path / "cover.png"), str(cover)], capture_output=True, text=True)
    assert result.returncode == 0 and "rror" not in result.stdout + result.stderr, result.stdout + result.stderr
    image = Image.open(tmp_path / "cover.png")
    with pikepdf.open(cover) as pdf:
        trim = [float(v) for v in pdf.pages[0].obj.TrimBox]
        height = float(pdf.pages[0].obj.MediaBox[3])
    dots = 600 / 25.4  # pixels per mm
    top = round((height - trim[3]) / 72 * 600)  # the trim's top edge, in pixels
    rows = range(top - round(8.5 * dots), top - round(4.5 * dots))  # the marks: 4 to 8 mm above the trim
    dark = [x for x in range(image.width) if any(image.getpixel((x, y)) < 128 for y in rows)]
    groups = [[dark[0]]]
    for x in dark[1:]:
        if x - groups[-1][-1] > 2:
            groups.append([])
        groups[-1].append(x)
    marks = [sum(g) / len(g) / dots for g in groups]  # trim left, fold, fold, trim right (mm)
    assert len(marks) == 4, marks
    assert marks[1] - marks[0] == pytest.approx(148, abs=0.1) and marks[3] - marks[2] == pytest.approx(148, abs=0.1)
    assert marks[2] - marks[1] == pytest.approx(expected, abs=0.1), (marks, expected)


def test_the_block_and_the_cover_tell_the_edition_language_and_where_the_other_editions_are(printed, tmp_path):
    cover = printed.with_name(COVER)
    text = _text(cover, 1)
    assert "WROMIK – przewodnik po dostępności MOPS Wrocław" in text
    assert "Wersja drukowana. Język: polski." in text and "wersja dźwiękowa: mops.wroclaw.pl" in text
    assert "Kontakt:" in text and "71 78 22 300" in text and "sekretariat@mops.wroclaw.pl" in text
    assert "pobierzesz bezpłatnie ze strony mops.wroclaw.pl" in text and "PDF/X-4" in text
    assert _qr_codes(cover, tmp_path, 1) == ["https://mops.wroclaw.pl"]
    note = re.search(r"Grzbiet ([\d,]+) mm = (\d+) kartek \((\d+) stron\) × 0,1 mm \+ 2 × 0,3 mm okładki\.", text)
    assert note and int(note.group(3)) == _pages(printed) and int(note.group(2)) == math.ceil(_pages(printed) / 2)
    assert float(note.group(1).replace(",", ".")) == pytest.approx(int(note.group(2)) * 0.1 + 0.6)  # in the slug
    with pdfplumber.open(cover) as pdf:
        assert {tuple(char["non_stroking_color"]) for char in pdf.pages[0].chars} == {(0, 0, 0, 1)}  # black: K only
    assert "Strona" not in _text(printed, 1) and "Strona 2" in _text(printed, 2)  # the title page has no number


def test_a_booklets_covers_have_no_page_number_and_its_back_cover_the_colophon_and_download_page(booklet, tmp_path):
    pages = _pages(booklet)
    front, back = _text(booklet, 1), _text(booklet, pages)
    assert "Strona" not in front and "Strona" not in back
    assert "Wersja drukowana. Język: polski." in front and "example.org/maly-przewodnik" in front
    assert "Wydawca: MOPS Test" in back and "Telefon: 71 00 00 100" in back and "E-mail: test@example.org" in back
    assert "pobierzesz bezpłatnie ze strony example.org/maly-przewodnik" in back
    assert _qr_codes(booklet, tmp_path, pages) == ["https://example.org/maly-przewodnik/"]
    assert "Metryczka" not in _run("pdftotext", booklet, "-")  # on paper the colophon is the back cover


def _header_x(pdf, page: int) -> float:
    with pdfplumber.open(pdf) as document:
        words = document.pages[page - 1].extract_words()
    return next(w["x0"] for w in words if w["text"] == "Mały")


def test_a_booklets_inner_pages_move_toward_the_spine_by_the_paper_thickness(booklet, tiny, tmp_path):
    """Creep: each sheet folded around a page pushes it out by the paper's thickness, so the page is moved in."""
    pages = _pages(booklet)
    middle = pages // 2  # a left-hand page on the innermost sheet: its spine is on the right
    sheets_outside = (middle - 1) // 2
    assert (_header_x(booklet, middle) - _header_x(booklet, 2)) / MM == pytest.approx(sheets_outside * 0.1, abs=0.02)
    guide = yaml.safe_load((tiny / "guide.yaml").read_text(encoding="utf-8"))
    guide["paper"] = {"text": 0.25}
    (tiny / "guide.yaml").write_text(yaml.safe_dump(guide, allow_unicode=True), encoding="utf-8")
    run_wromik("build", tiny, "--out", tmp_path / "out", "--edition", "print", check_exit=0)
    thick = tmp_path / "out" / "pl" / "wromik-druk-polski.pdf"
    assert (_header_x(thick, middle) - _header_x(thick, 2)) / MM == pytest.approx(sheets_outside * 0.25, abs=0.02)
    # the right-hand page beside it, against page 3 (one sheet in): moved the other way, toward a spine on the left
    assert (_header_x(thick, middle + 1) - _header_x(thick, 3)) / MM == pytest.approx(-(sheets_outside - 1) * 0.25,
                                                                                      abs=0.02)


def test_pdfinfo_shows_a5_trim_and_3_mm_bleed_on_every_page(printed):
    raw = _run("pdfinfo", "-box", "-f", 1, "-l", _pages(printed), printed)
    boxes: dict = {}
    for page, name, *values in re.findall(r"^Page\s+(\d+) (\w+):\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", raw, re.M):
        boxes.setdefault(int(page), {})[name] = [float(v) for v in values]
    assert len(boxes) == _pages(printed) and _pages(printed) % 2 == 0
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


@pytest.mark.parametrize("name", ["wromik-druk-polski.pdf", COVER, OFFICE])
def test_ghostscript_renders_every_page_without_error(printed, tmp_path, name):
    pdf = printed.with_name(name)
    result = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dPDFSTOPONERROR", "-sDEVICE=pnggray", "-r20",
                             "-o", str(tmp_path / "page-%03d.png"), str(pdf)], capture_output=True, text=True)
    assert result.returncode == 0 and "rror" not in result.stdout + result.stderr, result.stdout + result.stderr
    assert len(list(tmp_path.glob("page-*.png"))) == _pages(pdf)


@pytest.mark.parametrize("name", ["wromik-druk-polski.pdf", COVER, OFFICE])
def test_pdfx4_output_intent_metadata_and_trapped(printed, name):
    printed = printed.with_name(name)
    meta = _run("pdfinfo", "-meta", printed)
    assert re.search(r"<pdfxid:GTS_PDFXVersion[^>]*>PDF/X-4</pdfxid:GTS_PDFXVersion>", meta)
    assert re.search(r"<pdf:Trapped[^>]*>False<", meta)
    assert re.search(r"<xmpMM:DocumentID[^>]*>uuid:", meta) and re.search(r"<xmpMM:RenditionClass[^>]*>default<", meta)
    with pikepdf.open(printed) as pdf:
        assert pdf.pdf_version >= "1.6"
        trapped = pdf.trailer.Info.Trapped
        assert trapped == pikepdf.Name("/False") and str(trapped) == "/False"
        raw = pdf.trailer.Info.unparse(resolved=True)  # the Info object as written in the file
        assert re.search(rb"/Trapped /False[\s/>]", raw) and b"/False_" not in raw, raw
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


def test_crop_marks_sit_outside_the_bleed_and_the_cover_runs_into_it(booklet, tmp_path):
    """Rendered at 72 dpi (1 px = 1 pt): the bleed ring of a text page is blank, the marks are beyond it,
    and the cover's colour band fills the bleed at the top."""
    _run("pdftoppm", "-r", 72, "-png", "-f", 1, "-l", 2, booklet, tmp_path / "page")
    with pikepdf.open(booklet) as pdf:
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


def test_office_file_pairs_pages_in_booklets_of_at_most_64_pages_cut_at_chapters(printed):
    """The office file holds the guide with both covers in as few saddle-stitched booklets as fit 64 pages, the
    second beginning with a chapter; each side's slug names the pages that are on it."""
    imposed = printed.with_name(OFFICE)
    with pikepdf.open(imposed) as pdf:
        width, height = (float(v) for v in pdf.pages[0].obj.MediaBox[2:])
    assert (round(width / MM), round(height / MM)) == (297, 210)  # A4 landscape
    booklets, matched = {}, 0
    for number in range(1, _pages(imposed) + 1):
        slug = " ".join(_run("pdftotext", "-f", number, "-l", number, imposed, "-").split())
        booklet = re.search(r"Zeszyt (\d) z 2: (?:od okładki do strony (\d+)|od strony (\d+) do tylnej okładki);"
                            r" zszyj go osobno\.", slug)
        page = r"(\d+|pusta strona|okładka|tylna okładka)"
        side = re.search(rf"Arkusz (\d+) z (\d+), (?:przód|tył): {page} i {page}\.", slug)
        assert booklet and side, slug
        booklets[booklet.group(1)] = (booklet.group(2) or booklet.group(3), int(side.group(2)))
        for x, named in ((0, side.group(3)), (round(width / 2), side.group(4))):
            text = _run("pdftotext", "-f", number, "-l", number, "-x", x, "-y", 0, "-W", round(width / 2), "-H",
                        round(height), imposed, "-")
            shown = re.search(r"Strona (\d+)", text)
            assert (shown.group(1) if shown else None) == (named if named.isdigit() else None), (number, named, text)
            matched += shown is not None
    assert sorted(booklets) == ["1", "2"] and all(sheets * 4 <= 64 for _page, sheets in booklets.values())
    last, first = int(booklets["1"][0]), int(booklets["2"][0])  # booklet 1 ends at `last`, booklet 2 begins at `first`
    assert first == last + 1 and first % 2  # a right-hand page opens booklet 2: no page changes sides
    pages = _run("pdftotext", "-layout", printed, "-").split("\f")
    contents = next(n for n, text in enumerate(pages) if "Spis treści" in text)
    chapters = re.findall(r"\s(\d+)\s*$", "\n".join(pages[contents:contents + 2]), re.M)  # the contents' pages
    assert str(first) in chapters, chapters  # booklet 2 opens with a chapter
    assert matched >= 80  # every numbered page: all but the covers and the blank pages


def test_an_office_sheet_keeps_clear_of_the_printers_margin_and_has_crop_and_fold_marks(printed, tmp_path):
    """Rendered at 72 dpi: nothing within 6 mm of the paper's edge; the spread, shrunk as its slug says, has crop
    marks at its corners and a fold mark at its middle, outside the 3 mm bleed."""
    imposed = printed.with_name(OFFICE)
    _run("pdftoppm", "-r", 72, "-png", "-f", 1, "-l", 1, imposed, tmp_path / "sheet")
    image = Image.open(next(tmp_path.glob("sheet*.png"))).convert("L")
    edge = round(6 * MM)
    ring = [image.getpixel((x, y)) for x in range(image.width) for y in range(image.height)
            if min(x, y, image.width - 1 - x, image.height - 1 - y) < edge]
    assert min(ring) > 240
    text = " ".join(_run("pdftotext", "-f", 1, "-l", 1, imposed, "-").split())
    assert "Drukuj dwustronnie w skali 100 %, obracając wzdłuż krótszej krawędzi." in text
    assert "Złóż, włóż arkusze jeden w drugi (arkusz 1 na zewnątrz), zszyj, przytnij." in text
    assert "Zeszyt 1 z 2: od okładki do strony 42; zszyj go osobno." in text
    assert "Arkusz 1 z 11, przód: pusta strona i okładka." in text  # booklet 1 ends with a blank page
    scale = int(re.search(r"Strony w skali (\d+) % formatu A5", text).group(1)) / 100
    with pikepdf.open(imposed) as pdf:
        x0, y0, x1, y1 = (float(v) for v in pdf.pages[0].obj.TrimBox)
        bleed = [float(v) for v in pdf.pages[0].obj.BleedBox]
    assert (x1 - x0) / MM == pytest.approx(2 * 148 * scale, abs=0.1) and (y1 - y0) / MM == pytest.approx(210 * scale, abs=0.1)
    assert (x0 - bleed[0]) / MM == pytest.approx(3, abs=0.05)
    above = round(image.height - y1 - 3 * MM - 3 * MM)  # 3 mm above the bleed: in the marks, not the labels
    for x in (x0, (x0 + x1) / 2, x1):
        assert min(image.getpixel((round(x) + d, above + e)) for d in (-1, 0, 1) for e in (-2, 0, 2)) < 160, x
    assert image.getpixel((round((x0 + x1) / 2) + 6, above)) > 240  # a mark, not a line across the slug


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


def test_a_long_title_is_shortened_in_the_running_header_and_the_print_files_pass_preflight(tiny, tmp_path):
    """A 110-character title: the running header ends at a word with an ellipsis inside the type area, and the
    print edition, which preflights its own files, is published."""
    guide = tiny / "guide.yaml"
    title = "Przewodnik po dostępności Centrum Usług Społecznych, urzędów, muzeów, bibliotek i przychodni miasta Testowa"
    assert len(title) > 100
    guide.write_text(guide.read_text(encoding="utf-8").replace("title: Mały przewodnik testowy", f"title: {title}"),
                     encoding="utf-8")
    run_wromik("build", tiny, "--out", tmp_path / "out", "--edition", "print", "--edition", "standard", check_exit=0)
    for name, margin in (("wromik-druk-polski.pdf", 14), ("wromik-standard-polski.pdf", 20)):
        pdf = tmp_path / "out" / "pl" / name
        header = _run("pdftotext", "-f", 3, "-l", 3, pdf, "-").splitlines()[0]
        assert header.endswith("\u2026") and title.startswith(header[:-1]) and len(header) < len(title), header
        with pikepdf.open(pdf) as document:
            right = float(document.pages[2].obj.get("/TrimBox", document.pages[2].obj.MediaBox)[2])
        with pdfplumber.open(pdf) as document:
            words = [w for w in document.pages[2].extract_words() if w["top"] < 60 * MM]
        assert max(w["x1"] for w in words) <= right - margin * MM + 0.5  # within the type area's right edge
    result = run_wromik("preflight", *sorted((tmp_path / "out").rglob("wromik-druk*.pdf")), check_exit=0)
    assert result.stdout.count("passes PX-01") == 2


def test_a_perfect_bound_blocks_inner_margin_is_wider_for_the_glue(printed):
    """The glued spine takes the inner edge: the type area moves 3 mm outward, right on right-hand (odd) pages and
    left on left-hand ones (inner margin 17 mm, outer 11 mm), and the page numbers stand on the outer edge."""
    with pikepdf.open(printed) as pdf:
        trim_left, _, trim_right, _ = (float(v) for v in pdf.pages[9].obj.TrimBox)
    with pdfplumber.open(printed) as pdf:
        for number in (10, 11):
            page = pdf.pages[number - 1]
            words = page.extract_words()
            header = next(w for w in words if w["text"] == "WROMIK")
            folio = [w for w in words if w["top"] > page.height * 0.8 and w["text"] in ("Strona", str(number))]
            if number % 2:  # right-hand page: the spine on the left
                assert (header["x0"] - trim_left) / MM == pytest.approx(17, abs=0.2)
                assert (trim_right - max(w["x1"] for w in folio)) / MM == pytest.approx(11, abs=0.2)
            else:
                assert (header["x0"] - trim_left) / MM == pytest.approx(11, abs=0.2)
                assert (min(w["x0"] for w in folio) - trim_left) / MM == pytest.approx(11, abs=0.2)
