"""The shipped pictogram set: every required symbol, alt text in every language, a licence, real SVG."""

from __future__ import annotations

import re
import subprocess

import pikepdf
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from guide.data.dataset import KNOWN_LANGUAGES
from guide.document.pictograms import PICTOGRAM_DIR, draw_pictogram, pictograms

REQUIRED = {"wheelchair", "lift", "steps", "ramp", "toilet", "tram", "bus", "door", "doorbell", "phone", "clock",
            "information", "sign_language", "guide_dog", "hearing_loop", "walk_straight", "turn_left", "turn_right",
            "crossing_lights", "sound_signal", "parking", "cash", "documents", "address", "email", "question", "desk",
            "conversation"}


def test_the_set_has_every_required_pictogram_with_alt_text_in_every_language():
    found = pictograms()
    assert REQUIRED <= set(found)
    for picture in found.values():
        assert set(picture.alt) == set(KNOWN_LANGUAGES), picture.id
        assert all(text.strip() for text in picture.alt.values())


def test_every_svg_file_is_listed_and_the_set_has_a_licence():
    assert {p.stem for p in PICTOGRAM_DIR.glob("*.svg")} == set(pictograms())
    assert "CC BY 4.0" in (PICTOGRAM_DIR / "LICENSE").read_text(encoding="utf-8")


def test_pictograms_draw_as_vectors_without_adding_a_font(tmp_path):
    path = tmp_path / "set.pdf"
    canvas = Canvas(str(path), initialFontName="Courier")
    for index, pid in enumerate(pictograms()):
        draw_pictogram(canvas, pid, 20 + (index % 5) * 110, 20 + (index // 5) * 110, 100)
    canvas.save()
    with pikepdf.open(path) as pdf:
        resources = pdf.pages[0].Resources
        assert "/XObject" not in resources  # vectors, not pictures
        assert [str(font.BaseFont) for font in resources.Font.values()] == ["/Courier"]
        assert len(pdf.pages[0].Contents.read_bytes()) > 5000


# What each negated noun is pictured by: a sentence saying there is none must not stand beside that pictogram.
_PICTURED = {"pochyl": "ramp", "wind": "lift", "schod": "steps", "toalet": "toilet", "pętl": "hearing_loop",
             "dźwięk": "sound_signal", "wózk": "wheelchair", "świateł": "crossing_lights", "dzwon": "doorbell",
             "domofon": "doorbell", "ps": "guide_dog", "migow": "sign_language", "parking": "parking",
             "trasy": "wheelchair"}
_NEGATION = re.compile(r"\b(?:[Nn]ie (?:ma|mają|jest)|[Bb]rak)\b\s*(?:\w+\s+){0,3}?(\w+)")


def _positive_beside_negated(items) -> list:
    """Items whose pictogram shows what a sentence beside it says is not there."""
    wrong = []
    for item in items:
        for sentence in item.sentences:
            for match in _NEGATION.finditer(sentence):
                words = sentence[match.start():].lower().split()
                pictured = {picture for stem, picture in _PICTURED.items() for word in words[:6]
                            if word.startswith(stem)}
                if item.pictogram in pictured:
                    wrong.append((item.pictogram, sentence))
    return wrong


def test_no_negated_fact_stands_beside_a_positive_pictogram(wroclaw_documents):
    from guide.document.nodes import ItemList
    items = [item for section in wroclaw_documents.get("pl", "easy-read").walk() for block in section.blocks
             if isinstance(block, ItemList) for item in block.items]
    assert any(item.pictogram and item.pictogram.startswith("no:") for item in items)  # crossed-out ones are used
    assert not _positive_beside_negated(items)


def test_the_negation_check_finds_a_ramp_pictogram_beside_no_ramp():
    from guide.document.nodes import Item
    assert _positive_beside_negated([Item(("Nie ma pochylni.",), "ramp"), Item(("Jest pochylnia.",), "ramp"),
                                     Item(("Nie ma pochylni.",), "no:ramp")]) == [("ramp", "Nie ma pochylni.")]


def test_a_crossed_out_pictogram_draws_its_bar(tmp_path):
    diagonals = {}
    for pid in ("ramp", "no:ramp"):
        pdf = tmp_path / f"{pid.replace(':', '-')}.pdf"
        canvas = Canvas(str(pdf), pagesize=(100, 100))
        draw_pictogram(canvas, pid, 0, 0, 100)
        canvas.save()
        subprocess.run(["pdftoppm", "-r", "72", "-gray", "-png", "-singlefile", str(pdf), str(pdf.with_suffix(""))],
                       check=True)
        image = Image.open(pdf.with_suffix(".png")).convert("L")
        diagonals[pid] = [image.getpixel((i, i)) for i in range(15, 86)]  # top left to bottom right
    assert max(diagonals["no:ramp"]) < 64  # a black bar from corner to corner
    assert max(diagonals["ramp"]) > 192  # which the plain pictogram does not have


# One meaning, one pictogram: what a line of the easy-read edition is about, and the one picture it gets.
_MEANINGS = {r"\b[Kk]as(a|ie|y|ę)\b": "cash", r"\bwniosek\b": "documents", r"^Adres:": "address", r"^E-mail:": "email",
             r"^Nie mamy informacji o (tym wejściu|wnętrzu)": "question", r"\bporozmawiasz\b": "conversation",
             r"^Biuro jest na (parterze|\d+ piętrze)\.$": "desk"}


def _meanings_astray(items) -> list:
    """Items about one of the meanings above that stand beside another pictogram."""
    return [(item.pictogram, item.sentences[0]) for item in items for pattern, picture in _MEANINGS.items()
            if re.search(pattern, item.sentences[0]) and item.pictogram.removeprefix("no:") != picture]


def test_each_meaning_has_its_own_pictogram(wroclaw_documents):
    from guide.document.nodes import ItemList
    items = [item for section in wroclaw_documents.get("pl", "easy-read").walk() for block in section.blocks
             if isinstance(block, ItemList) for item in block.items if item.pictogram]
    assert {"cash", "documents", "address", "email", "question", "conversation", "desk"} <= {i.pictogram for i in items}
    assert not _meanings_astray(items)


def test_the_meaning_check_finds_the_cash_desk_beside_the_information_sign():
    from guide.document.nodes import Item
    assert _meanings_astray([Item(("W kasie odbierzesz pieniądze.",), "information")]) == [
        ("information", "W kasie odbierzesz pieniądze.")]


def test_a_pictogram_fills_the_square_it_is_drawn_in(tmp_path):
    pdf = tmp_path / "door.pdf"
    canvas = Canvas(str(pdf), pagesize=(100, 100))
    draw_pictogram(canvas, "door", 0, 0, 100)
    canvas.save()
    subprocess.run(["pdftoppm", "-r", "72", "-gray", "-png", "-singlefile", str(pdf), str(pdf.with_suffix(""))],
                   check=True)
    dark = Image.open(pdf.with_suffix(".png")).convert("L").point(lambda value: 255 if value < 128 else 0)
    left, top, right, bottom = dark.getbbox()  # the rounded frame, 4 to 96 in the SVG with a 5 wide stroke
    assert left <= 3 and top <= 3 and right >= 97 and bottom >= 97
