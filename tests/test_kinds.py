"""Places of any kind: the words for where a visitor goes and what a room is called follow the place's kind
(the language pack's kinds.yaml, and a guide's own kinds in guide.yaml), in every edition."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import TINY, edit_text, run_wromik
from guide.data.model import KIND_WORDS, PLACE_KINDS
from guide.language import available_languages, kind_words

PLACE = "places/test-place.yaml"
OFFICE_WORDS = re.compile(r"\b(biur\w*|pokoj\w*|pokój|sprawy do załatwienia)\b", re.IGNORECASE)


@pytest.mark.parametrize("lang", available_languages())
def test_every_language_pack_has_every_word_for_every_kind(lang):
    for kind in PLACE_KINDS:
        words = kind_words(lang, kind)
        assert all(getattr(words, word).strip() for word in KIND_WORDS), (lang, kind, words)


def _museum(root: Path) -> Path:
    """The tiny guide's one place turned into a museum: its own texts name no office."""
    data = root / "museum"
    shutil.copytree(TINY, data)
    place = data / PLACE
    for old, new in [("kind: office", "kind: culture"), ("name: Biuro testowe", "name: Muzeum Testowe"),
                     ("description: Biuro do testów.", "description: Muzeum miasta z wystawą stałą."),
                     ("To biuro do testów.\n  Tu dostaniesz pomoc.", "To muzeum.\n  Tu zobaczysz stare mapy."),
                     ("email: biuro@example.org", "email: kasa@example.org"), ('room: "12"', 'room: "3"'),
                     ("name: Porady\n    description: Porady dla mieszkańców.\n    easy_read: Tu dostaniesz radę.",
                      "name: Wystawa stała\n    description: Mapy i widoki miasta.\n    easy_read: Tu zobaczysz mapy."),
                     ("example.org/pjm/biuro-testowe", "example.org/pjm/muzeum")]:
        edit_text(place, old, new)
    edit_text(data / "guide.yaml", "    Mówi o jednym biurze.", "    Mówi o jednym muzeum.")
    return data


@pytest.fixture(scope="module")
def museum(tmp_path_factory) -> Path:
    """The museum guide built in its standard, easy-read, audio and routes editions."""
    root = tmp_path_factory.mktemp("kinds")
    data, out = _museum(root), root / "output"
    cache = os.environ.get("WROMIK_SPEECH_CACHE") or root / "speech-cache"
    run_wromik("build", data, "--out", out, "--speech-cache", cache, *[a for e in ("standard", "easy-read", "audio",
               "routes") for a in ("--edition", e)], check_exit=0, timeout=600)
    return out / "pl"


def _pdf_text(path: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


@pytest.mark.parametrize("name", ["wromik-standard-polski.pdf", "wromik-latwy-tekst-polski.pdf", "audio/transkrypcja-polski.txt",
                                  "routes.geojson"])
def test_a_museum_has_no_office_and_no_room(museum, name):
    path = museum / name
    text = _pdf_text(path) if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
    assert not OFFICE_WORDS.findall(text), sorted(set(OFFICE_WORDS.findall(text)))


def test_a_museum_leads_to_its_ticket_desk_and_its_halls(museum):
    standard, easy = _pdf_text(museum / "wromik-standard-polski.pdf"), _pdf_text(museum / "wromik-latwy-tekst-polski.pdf")
    assert "W budynku: od drzwi do kasy" in standard and "Wystawy i zajęcia" in standard
    assert "Sala: 3." in standard and "Idź do sali 3." in standard
    assert "Ta trasa jest dla: " in standard and "dla grup" not in standard  # one group or several alike
    assert "Kasa jest na 1 piętrze." in easy and "Sala numer 3." in easy and "Co tu zobaczysz" in easy
    transcript = (museum / "audio/transkrypcja-polski.txt").read_text(encoding="utf-8")
    assert "od drzwi do kasy" in transcript and "do sali trzy" in transcript
    features = json.loads((museum / "routes.geojson").read_text(encoding="utf-8"))["features"]
    inside = [text for f in features for text in f["properties"].get("instructions_inside", [])]
    assert "Idź do sali 3." in inside


def test_a_guide_kind_speaks_with_its_own_words_over_the_kind_it_is_like(tiny, tmp_path):
    with (tiny / "guide.yaml").open("a", encoding="utf-8") as file:
        file.write("kinds:\n  pharmacy:\n    like: health\n    words:\n"
                   "      pl: {destination: apteka, to_destination: do apteki, services: Co kupisz w aptece}\n")
    edit_text(tiny / PLACE, "kind: office", "kind: pharmacy")
    run_wromik("build", tiny, "--out", tmp_path / "out", "--edition", "standard", "--edition", "easy-read",
               check_exit=0)
    standard = _pdf_text(tmp_path / "out/pl/wromik-standard-polski.pdf")
    easy = _pdf_text(tmp_path / "out/pl/wromik-latwy-tekst-polski.pdf")
    assert "W budynku: od drzwi do apteki" in standard and "Co kupisz w aptece" in standard
    assert "Gabinet: 12." in standard  # the room's word comes from health, the kind it is like
    assert "Apteka jest na 1 piętrze." in easy and "Gabinet numer 12." in easy


def test_places_are_listed_in_the_order_of_the_guides_kinds(wroclaw_model):
    kinds = [place.kind for place in wroclaw_model.data.places]
    order = [kind.id for kind in wroclaw_model.data.info.kinds]
    assert order == ["headquarters", "field_office", "service_point", "partner"]
    assert kinds == sorted(kinds, key=order.index) and kinds[0] == "headquarters" and kinds[-1] == "partner"
    assert {kind.like for kind in wroclaw_model.data.info.kinds} == {"office"}  # Wrocław's offices stay offices
