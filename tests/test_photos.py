"""Photos with words (issue "Any city, any place", part 6): a place, an entrance or the inside of a building may show
photos, each with its alternative text, source and date. The tests draw their own photos with Pillow into a copy of
the tiny guide, build every edition once, and read the files back: the PDFs' images and structure tree, the print
edition's colours and resolution, the recording's transcript; and `check` refuses each kind of broken photo."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
import subprocess
import zlib

import pikepdf
import pytest
from PIL import Image, ImageDraw

from conftest import TINY, run_wromik

EPOCH = "1767225600"
ALT_PLACE = "Budynek z czerwonej cegły, szerokie brązowe drzwi i żółty dzwonek po prawej stronie."
ALT_SIDE = "Drzwi boczne z pochylnią po lewej stronie i z dzwonkiem obok klamki."
ALT_INSIDE = "Jasny korytarz na pierwszym piętrze, winda po prawej stronie."
DOOR = (120, 60, 30)  # the brown door drawn on every photo
EDITIONS = ("standard", "easy-read", "print", "audio", "html")


def _draw(size: tuple, mode: str = "RGB") -> Image.Image:
    """A picture of a door in a wall: a light sky-blue wall, a brown door and a yellow bell."""
    width, height = size
    image = Image.new(mode, size, (200, 220, 240) if mode == "RGB" else (200, 220, 240, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((width // 3, height // 5, 2 * width // 3, height - 2), fill=DOOR)
    draw.ellipse((int(width * 0.72), height // 2, int(width * 0.76), int(height * 0.55)), fill=(250, 200, 0))
    return image


def _camera_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    exif[0x0132] = "2026:01:10 09:30:00"  # DateTime
    return exif.tobytes()


def _add_photos(root, *, place: str = "", side: str = "", inside: str = "") -> None:
    """photos: blocks (YAML list items, indented for their place) for the place, its side entrance and its inside."""
    path = root / "places" / "test-place.yaml"
    text = path.read_text(encoding="utf-8")
    if side:
        text = text.replace("      door_width: 100\n      threshold: 0\n",
                            "      door_width: 100\n      threshold: 0\n    photos:\n" + side, 1)
    if inside:
        text = text.replace("  notes: Winda jest na prawo od wejścia bocznego.\n",
                            "  notes: Winda jest na prawo od wejścia bocznego.\n  photos:\n" + inside, 1)
    if place:
        text = text.rstrip("\n") + "\nphotos:\n" + place
    path.write_text(text, encoding="utf-8")


def _entry(file: str, alt: str, indent: int, source: str = "zdjęcie testowe, CC BY 4.0",
           date: str = "2026-01-10") -> str:
    pad = " " * indent
    return f"{pad}- file: {file}\n{pad}  alt: {alt}\n{pad}  source: {source}\n{pad}  date: {date}\n"


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    """The tiny guide with three photos: the building (a JPEG with a camera's EXIF), the side entrance (a PNG with a
    transparent corner) and the corridor inside (a JPEG too small for print)."""
    root = tmp_path_factory.mktemp("photo-guide") / "tiny"
    shutil.copytree(TINY, root)
    (root / "photos").mkdir()
    _draw((1200, 900)).save(root / "photos" / "budynek.jpg", quality=92, exif=_camera_exif())
    side = _draw((1200, 900), "RGBA")
    ImageDraw.Draw(side).rectangle((0, 0, 150, 150), fill=(0, 0, 0, 0))
    side.save(root / "photos" / "wejscie-boczne.png")
    _draw((200, 150)).save(root / "photos" / "korytarz.jpg", quality=92)
    _add_photos(root, place=_entry("photos/budynek.jpg", ALT_PLACE, 2),
                side=_entry("photos/wejscie-boczne.png", ALT_SIDE, 6),
                inside=_entry("photos/korytarz.jpg", ALT_INSIDE, 4, source="zdjęcie testowe", date="2026-01"))
    return root


@pytest.fixture(scope="module")
def built(guide, tmp_path_factory):
    """Every edition of the guide with photos, built once: (the language folder, what the build said)."""
    out = tmp_path_factory.mktemp("photo-build") / "out"
    args = [arg for edition in EDITIONS for arg in ("--edition", edition)]
    result = run_wromik("build", guide, "--out", out, *args, env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH),
                        check_exit=0, timeout=600)
    return out / "pl", result.stderr


# the PDFs -------------------------------------------------------------------------------------------------------

def _images(pdf_path) -> list:
    """(width, height, colour space, filter, raw stream) of every image XObject in the file."""
    with pikepdf.open(pdf_path) as pdf:
        return [(int(obj.Width), int(obj.Height), obj.get("/ColorSpace"), str(obj.get("/Filter")), obj.read_raw_bytes())
                for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Image]


def _reading_order(pdf_path) -> list:
    """('H', heading text) and ('Figure', alt text) in the order of the structure tree: pdfinfo -struct-text gives the
    tree with the headings' texts, pikepdf the figures' /Alt in the same depth-first order."""
    alts = []
    with pikepdf.open(pdf_path) as pdf:
        def walk(element):
            if element.get("/S") == pikepdf.Name.Figure:
                alts.append(str(element.get("/Alt", "")))
            for kid in element.get("/K", []):
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    walk(kid)
        walk(pdf.Root.StructTreeRoot.K[0])
    lines = subprocess.run(["pdfinfo", "-struct-text", str(pdf_path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    order, figures = [], iter(alts)
    for number, line in enumerate(lines):
        content = line.strip()
        if re.match(r"Figure\b", content):
            order.append(("Figure", next(figures)))
        elif re.match(r"H\d\b", content):
            order.append(("H", lines[number + 1].strip().strip('"').strip()))
    assert next(figures, None) is None, "pdfinfo and pikepdf disagree on the figures"
    return order


def _heading_before(order: list, alt: str) -> str:
    at = order.index(("Figure", alt))
    return next(text for kind, text in reversed(order[:at]) if kind == "H")


@pytest.mark.parametrize("name", ["wromik-standard-polski.pdf", "wromik-latwy-tekst-polski.pdf"])
def test_each_photo_is_an_image_and_a_figure_with_its_alt_beside_the_fact_it_shows(built, name):
    pdf = built[0] / name
    sizes = sorted((width, height) for width, height, *_ in _images(pdf))
    assert sizes == [(200, 150), (1200, 900), (1200, 900)], sizes  # on screen: the photos' own pixels
    order = _reading_order(pdf)
    assert _heading_before(order, ALT_PLACE).startswith("Testowa 1")  # under the place's heading
    assert _heading_before(order, ALT_SIDE) == "Wejście boczne"  # in its entrance's section
    assert _heading_before(order, ALT_INSIDE).startswith("W budynku")  # in the inside section
    assert [alt for kind, alt in order if kind == "Figure" and alt in (ALT_PLACE, ALT_SIDE, ALT_INSIDE)] == \
        [ALT_PLACE, ALT_SIDE, ALT_INSIDE]


def test_the_caption_gives_the_source_and_the_date_and_in_easy_read_what_the_photo_shows(built):
    def text(name):
        return " ".join(subprocess.run(["pdftotext", str(built[0] / name), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
    standard, easy = text("wromik-standard-polski.pdf"), text("wromik-latwy-tekst-polski.pdf")
    assert "Zdjęcie: zdjęcie testowe, CC BY 4.0, 10 stycznia 2026." in standard
    assert ALT_SIDE not in standard  # on screen the description is the figure's alt text, read by screen readers
    assert f"{ALT_SIDE} Zdjęcie: zdjęcie testowe, CC BY 4.0, 10 stycznia 2026." in easy
    assert ALT_INSIDE in easy and "Zdjęcie: zdjęcie testowe, styczeń 2026." in easy


def test_a_photo_is_larger_in_the_easy_read_edition(built):
    def widths(name):
        listed = subprocess.run(["pdfimages", "-list", str(built[0] / name)], capture_output=True, text=True,
                                check=True).stdout.splitlines()[2:]
        return {int(row.split()[3]): int(row.split()[12]) for row in listed}  # width in pixels -> x-ppi
    standard, easy = widths("wromik-standard-polski.pdf"), widths("wromik-latwy-tekst-polski.pdf")
    assert easy[1200] < standard[1200]  # the same pixels over more paper: fewer per inch


@pytest.mark.parametrize("name", ["wromik-standard-polski.pdf", "wromik-latwy-tekst-polski.pdf", "wromik-druk-polski.pdf"])
def test_the_pdfs_with_photos_stay_pdf_ua1(built, verapdf, name):
    code, report = verapdf(built[0] / name)
    assert code == 0 and "compliant\t0" in report, report


def test_no_camera_data_or_date_is_embedded_with_a_photo(built):
    for name in ("wromik-standard-polski.pdf", "wromik-latwy-tekst-polski.pdf", "wromik-druk-polski.pdf"):
        jpegs = [raw for *_, kind, raw in _images(built[0] / name) if "DCTDecode" in kind]
        assert len(jpegs) == 2, name  # the two JPEG photos stay JPEGs (the PNG is embedded losslessly)
        for raw in jpegs:
            assert raw.startswith(b"\xff\xd8")
            assert b"Exif" not in raw and b"TestCam" not in raw and b"2026:01:10" not in raw


# the print edition ----------------------------------------------------------------------------------------------

def test_the_print_edition_has_its_photos_in_cmyk_at_300_ppi_and_passes_preflight(built):
    from guide.pdf.preflight import preflight

    pdf = built[0] / "wromik-druk-polski.pdf"
    for width, height, space, *_ in _images(pdf):
        cmyk = space == pikepdf.Name.DeviceCMYK or (
            isinstance(space, pikepdf.Array) and space[0] == pikepdf.Name.ICCBased and int(space[1].N) == 4)
        assert cmyk, (width, height, space)
    assert sorted((w, h) for w, h, *_ in _images(pdf)) == [(1063, 798), (1200, 900), (1200, 900)]  # enlarged to 300
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert all(int(row.split()[12]) >= 300 for row in listed.splitlines()[2:]), listed
    assert preflight(pdf) == [] and preflight(built[0] / "wromik-druk-skladka-A4-polski.pdf") == []


def test_the_print_edition_prints_the_photo_in_its_colours(built, tmp_path):
    """The CMYK photo is not inverted or washed out: its brown door is brown on the rendered page."""
    pdf = built[0] / "wromik-druk-polski.pdf"
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    page = next(int(row.split()[0]) for row in listed.splitlines()[2:] if row.split()[3:5] == ["1200", "900"])
    subprocess.run(["pdftoppm", "-r", "60", "-f", str(page), "-l", str(page), "-png", str(pdf), str(tmp_path / "p")],
                   check=True)
    pixels = Image.open(next(tmp_path.glob("p-*.png"))).convert("RGB").tobytes()
    brown = sum(1 for r, g, b in zip(pixels[0::3], pixels[1::3], pixels[2::3])
                if abs(r - DOOR[0]) < 40 and abs(g - DOOR[1]) < 35 and abs(b - DOOR[2]) < 35)
    assert brown > 1000, brown


def test_a_photo_with_too_few_pixels_for_print_is_named_with_its_ppi_and_the_pixels_it_needs(built, guide):
    warning = ("Warning: the photo photos/korytarz.jpg has 200 × 150 pixels, 56 ppi at its printed size of 90 × 68 mm "
               "in the print edition, where 300 ppi are needed: it is enlarged to 300 ppi and prints blurred. Use a "
               "photo of at least 1063 × 798 pixels.")
    said = built[1]
    assert said.count(warning) == 1, said  # once, though the print edition lays the guide out several times
    assert "budynek.jpg" not in said and "wejscie-boczne.png" not in said  # 1200 pixels across are enough
    checked = run_wromik("check", guide, check_exit=0)
    assert warning in checked.stderr and "valid" in checked.stdout


# the recording --------------------------------------------------------------------------------------------------

def test_the_recording_describes_each_photo_where_it_appears(built):
    transcript = (built[0] / "audio" / "transkrypcja-polski.txt").read_text(encoding="utf-8")
    sections = {part.split("\n", 1)[0]: part for part in transcript.split("\n## ")[1:]}
    assert f"Zdjęcie: {ALT_PLACE}" in sections["Testowa jeden: Biuro testowe"]
    assert f"Zdjęcie: {ALT_SIDE}" in sections["Wejście boczne"]
    inside = next(part for title, part in sections.items() if title.startswith("W budynku"))
    assert f"Zdjęcie: {ALT_INSIDE}" in inside
    assert transcript.count("Zdjęcie:") == 3  # the credit is printed, not read out


# the same input, the same bytes ---------------------------------------------------------------------------------

def test_the_same_guide_with_photos_gives_the_same_pdfs(built, guide, tmp_path):
    out = tmp_path / "again"
    run_wromik("build", guide, "--out", out, "--edition", "standard", "--edition", "easy-read", "--edition", "print",
               env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH), check_exit=0)
    for name in ("wromik-standard-polski.pdf", "wromik-latwy-tekst-polski.pdf", "wromik-druk-polski.pdf", "wromik-druk-skladka-A4-polski.pdf"):
        first, second = (hashlib.sha256((folder / name).read_bytes()).hexdigest() for folder in (built[0], out / "pl"))
        assert first == second, name


# how the editions place a photo ---------------------------------------------------------------------------------

def test_a_photo_is_turned_upright_laid_on_white_and_resampled_when_far_sharper_than_needed(tmp_path):
    from reportlab.lib.units import mm

    from guide.pdf.images import place_photo

    turned = tmp_path / "turned.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone held upright: the picture is stored lying on its side
    _draw((300, 200)).save(turned, exif=exif.tobytes())
    placed = place_photo(str(turned), (200, 300), (90 * mm, 70 * mm), medium="screen")
    assert placed.image.getSize() == (200, 300) and placed.height > placed.width

    clear = tmp_path / "clear.png"
    image = _draw((400, 300), "RGBA")
    ImageDraw.Draw(image).rectangle((0, 0, 99, 99), fill=(0, 0, 0, 0))
    image.save(clear)
    placed = place_photo(str(clear), (400, 300), (90 * mm, 70 * mm), medium="screen")
    flat = Image.frombytes("RGB", placed.image.getSize(), placed.image.getRGBData())
    assert flat.getpixel((10, 10)) == (255, 255, 255)  # transparency is white paper, not black

    sharp = tmp_path / "sharp.jpg"
    _draw((4000, 3000)).save(sharp)
    placed = place_photo(str(sharp), (4000, 3000), (90 * mm, 70 * mm), medium="paper")
    assert placed.image.getSize() == (1063, 798) and round(placed.ppi) == 1129  # 12 megapixels become 0.85


# check refuses broken photos ------------------------------------------------------------------------------------

def _png_claiming(width: int, height: int) -> bytes:
    """A PNG file whose header claims width × height pixels, with no pixels behind it."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


def _jpeg(path, size=(400, 300)) -> None:
    _draw(size).save(path, quality=90)


def _truncated(path) -> None:
    _jpeg(path)
    path.write_bytes(path.read_bytes()[:3000])


def _link_outside(path) -> None:
    outside = path.parents[2] / "outside.jpg"
    _jpeg(outside)
    path.symlink_to(outside)


def _oversized(path) -> None:
    _jpeg(path)
    with open(path, "ab") as handle:
        handle.truncate(21 * 1024 * 1024)


BROKEN = {  # case -> (file, alt, what to put at photos/<file>, the field, words of the message)
    "no alt": ("dobre.jpg", None, _jpeg, "photos[0]", "Expected the required key 'alt' but received none"),
    "alt is the file name": ("dobre.jpg", "dobre.jpg", _jpeg, "photos[0].alt", "but received a file name"),
    "alt is the file's stem": ("wejscie-boczne.jpg", "wejscie boczne", _jpeg, "photos[0].alt",
                               "but received its file name"),
    "alt is a camera's name": ("dobre.jpg", "IMG_2041", _jpeg, "photos[0].alt", "but received a file name"),
    "alt too short": ("dobre.jpg", "Drzwi.", _jpeg, "photos[0].alt", "in 10 to 300 characters but received 6"),
    "alt too long": ("dobre.jpg", "Drzwi " * 60, _jpeg, "photos[0].alt", "in 10 to 300 characters but received 359"),
    "missing file": ("brak.jpg", ALT_SIDE, None, "photos[0].file", "Expected a photo file at 'photos/brak.jpg'"),
    "corrupt bytes": ("ucieta.jpg", ALT_SIDE, _truncated, "photos[0].file",
                      "Expected a whole JPEG or PNG photo but received a file that cannot be decoded"),
    "not an image": ("tekst.jpg", ALT_SIDE, lambda path: path.write_bytes(b"to nie jest zdjecie\n" * 50),
                     "photos[0].file", "but received a file that is not an image Pillow can read"),
    "GIF": ("drzwi.gif", ALT_SIDE, lambda path: _draw((400, 300)).save(path, "GIF"), "photos[0].file",
            "Expected a JPEG or PNG photo but received a GIF image"),
    "TIFF": ("drzwi.tif", ALT_SIDE, lambda path: _draw((400, 300)).save(path, "TIFF"), "photos[0].file",
             "Expected a JPEG or PNG photo but received a TIFF image"),
    "50 megapixels": ("ogromne.png", ALT_SIDE, lambda path: Image.new("1", (10000, 5000)).save(path),
                      "photos[0].file", "Expected a photo of at most 40 megapixels but received 10000 × 5000 pixels"),
    "decompression bomb": ("bomba.png", ALT_SIDE, lambda path: path.write_bytes(_png_claiming(100_000, 100_000)),
                           "photos[0].file", "refuses as a decompression bomb"),
    "over 20 MB": ("wielkie.jpg", ALT_SIDE, _oversized, "photos[0].file",
                   "Expected at most 20 MB but the file has 21.0 MB"),
    "thumbnail": ("miniatura.jpg", ALT_SIDE, lambda path: _jpeg(path, (80, 60)), "photos[0].file",
                  "at least 100 pixels on each side but received 80 × 60 pixels"),
    "link out of the data folder": ("link.jpg", ALT_SIDE, _link_outside, "photos[0].file",
                                    "Expected a photo inside the data folder but it is a link to"),
    "climbs out with ..": ("../../outside.jpg", ALT_SIDE, None, "photos[0].file", "which climbs out of it with '..'"),
    "absolute path": ("/etc/hostname", ALT_SIDE, None, "photos[0].file", "which starts outside it"),
    "named pipe": ("kolejka.jpg", ALT_SIDE, lambda path: os.mkfifo(path), "photos[0].file",
                   "Expected a photo (a regular file) but received a named pipe (FIFO)"),
    "folder": ("katalog.jpg", ALT_SIDE, lambda path: path.mkdir(), "photos[0].file", "but received a folder"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_check_refuses_a_broken_photo_with_its_file_line_field_and_a_fix(tiny, case):
    from guide import load_guide
    from guide.errors import DataError

    file, alt, make, field, words = BROKEN[case]
    (tiny / "photos").mkdir()
    if make is not None:
        make(tiny / "photos" / file)
    written = file if file.startswith("/") else f"photos/{file}" if not file.startswith("..") else file
    place = tiny / "places" / "test-place.yaml"
    lines = len(place.read_text(encoding="utf-8").splitlines())
    entry = f"  - file: {written}\n" + (f"    alt: {alt.strip()}\n" if alt else "") + \
        "    source: zdjęcie testowe\n    date: 2026-01-10\n"
    _add_photos(tiny, place=entry)
    with pytest.raises(DataError) as raised:
        load_guide(tiny)
    problems = [p for p in raised.value.problems if ".photos[" in p.where]
    assert len(problems) == 1, raised.value
    problem = problems[0]
    assert problem.file.endswith("places/test-place.yaml") and problem.where == f"place 'test-place'.{field}"
    assert problem.line == (lines + 3 if field.endswith(".alt") else lines + 2)  # the line of alt: or of file:
    assert words in problem.message and problem.message.startswith("Expected") and problem.fix


def test_check_lists_every_broken_photo_at_once_without_a_traceback(tiny):
    (tiny / "photos").mkdir()
    _truncated(tiny / "photos" / "budynek.jpg")
    _draw((400, 300)).save(tiny / "photos" / "boczne.gif", "GIF")
    _add_photos(tiny, place=_entry("photos/budynek.jpg", ALT_PLACE, 2),
                side=_entry("photos/boczne.gif", "IMG_0001.JPG", 6),
                inside="    - file: photos/brak.jpg\n      source: zdjęcie testowe\n      date: 2026-01-10\n")
    result = run_wromik("check", tiny, check_exit=1)
    assert "Traceback" not in result.stderr
    assert "The guide data has 5 problems" in result.stderr, result.stderr
    for where in ("place 'test-place'.photos[0].file", "(entrance 'side').photos[0].file",
                  "(entrance 'side').photos[0].alt", "inside.photos[0]: Expected the required key 'alt'",
                  "inside.photos[0].file: Expected a photo file at 'photos/brak.jpg'"):
        assert where in result.stderr, where
    assert result.stderr.count("How to fix:") == 5


def test_a_photo_needs_its_alt_text_in_the_first_language_and_takes_others_from_the_data(tmp_path):
    """The first language's alt text is required; a guide's other languages may write theirs beside it (or leave
    it to the translation catalogs, guide/data/translations.py)."""
    from guide.data import schema as s
    from guide.data.photos import PhotoChecker

    _jpeg(tmp_path / "drzwi.jpg")
    problems: list = []
    at = s.Where("places/x.yaml", "place 'x'.photos[0]", 40, problems)
    checker = PhotoChecker(("pl", "en"), tmp_path)
    block = {"file": "drzwi.jpg", "alt": {"en": "The side door, with a ramp on the left."}, "source": "zdjęcie testowe",
             "date": "2026-01-10"}
    assert checker.check(block, at) is s.INVALID
    assert [(p.where, p.message) for p in problems] == [
        ("place 'x'.photos[0].alt", "Expected a text in language 'pl' (the guide's first language) but received none")]
    problems.clear()
    photo = checker.check(dict(block, alt={"pl": ALT_SIDE, "en": "The side door, with a ramp on the left."}), at)
    assert problems == [] and photo.alt["en"].startswith("The side door") and photo.size == (400, 300)


def test_the_web_pages_show_each_photo_with_its_text_alternative_at_screen_size(built):
    import xml.etree.ElementTree as ET
    from PIL import Image
    folder = built[0] / "strona-polski"
    page = ET.parse(folder / "place-test-place.html").getroot()
    xhtml = "{http://www.w3.org/1999/xhtml}"
    photos = {figure.find(f"{xhtml}img").get("alt"): figure.find(f"{xhtml}img").get("src")
              for figure in page.iter(f"{xhtml}figure") if figure.get("class") == "photo"}
    assert {ALT_PLACE, ALT_SIDE} <= set(photos)
    for source in photos.values():
        with Image.open(folder / source) as image:
            assert image.width <= 1200 and image.mode in ("RGB", "L") and "exif" not in image.info
