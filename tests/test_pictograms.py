"""The shipped pictogram set: every required symbol, alt text in every language, a licence, real SVG."""

from __future__ import annotations

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from guide.data.dataset import KNOWN_LANGUAGES
from guide.document.pictograms import PICTOGRAM_DIR, draw_pictogram, pictograms

REQUIRED = {"wheelchair", "lift", "steps", "ramp", "toilet", "tram", "bus", "door", "doorbell", "phone", "clock",
            "information", "sign_language", "guide_dog", "hearing_loop", "walk_straight", "turn_left", "turn_right",
            "crossing_lights", "sound_signal", "parking"}


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
