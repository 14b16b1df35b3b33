"""The download page (output/index.html): every file of the guide per language with its size and pages or length,
a player per chapter, the PJM videos, when and from what it was made; rewritten by every build."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET

import pikepdf
import pytest
from mutagen.mp3 import MP3

from conftest import TINY, run_wromik
from guide.renderers.download import duration_text, size_text

X = "{http://www.w3.org/1999/xhtml}"
CHAPTER = re.compile(r"[a-z]+/audio/\d+-[^/]+\.mp3")


@pytest.fixture(scope="module")
def page(trilingual_build):
    return ET.parse(trilingual_build / "index.html").getroot()  # well-formed, as XHTML


@pytest.fixture(scope="module")
def manifest(trilingual_build):
    return json.loads((trilingual_build / "manifest.json").read_text(encoding="utf-8"))


def _section(page, lang):
    return next(s for s in page.iter(f"{X}section") if s.get("lang") == lang)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _item_of(section, href):
    """The text of the list item whose link goes to href."""
    return next(_text(li) for li in section.iter(f"{X}li") if any(a.get("href") == href for a in li.iter(f"{X}a")))


def test_the_page_is_in_the_first_language_and_in_the_manifest(page, manifest):
    assert page.get("lang") == "pl"
    entry = next(a for a in manifest["artifacts"] if a["path"] == "index.html")
    assert entry["edition"] == "download" and entry["lang"] == ""
    assert [s.get("lang") for s in page.iter(f"{X}section") if s.get("lang")] == ["pl", "uk", "en"]


def test_every_file_of_every_language_is_reachable_from_the_page(page, manifest, trilingual_build):
    """Each file is linked, played, or inside a folder whose entry page (web pages, DAISY) is linked; every link and
    player goes to a file that exists."""
    for lang in ("pl", "uk", "en"):
        section = _section(page, lang)
        links = {a.get("href") for a in section.iter(f"{X}a") if not a.get("href").startswith(("http", "#"))}
        played = {audio.get("src") for audio in section.iter(f"{X}audio")}
        assert all((trilingual_build / link).is_file() for link in links | played)
        folders = {link.rsplit("/", 1)[0] + "/" for link in links if link.endswith(("/index.html", "/ncc.html"))}
        assert f"{lang}/daisy/" in folders
        files = [a["path"] for a in manifest["artifacts"] if a["lang"] == lang]
        unreached = [path for path in files if path not in links | played and not path.startswith(tuple(folders))]
        assert not unreached
        assert not any(link.endswith(".png") and "/maps/" not in link for link in links)  # pictograms are not listed


def test_sizes_pages_and_lengths_are_the_files(page, manifest, trilingual_build):
    bytes_of = {a["path"]: a["bytes"] for a in manifest["artifacts"]}
    for lang, pdf, recording in (("pl", "pl/wromik-standard-polski.pdf", "pl/audio/wromik-calosc-polski.mp3"),
                                 ("en", "en/wromik-standard-english.pdf", "en/audio/wromik-complete-english.mp3")):
        section = _section(page, lang)
        with pikepdf.open(trilingual_build / pdf) as opened:
            pages = len(opened.pages)
        said = _item_of(section, pdf)
        assert size_text(bytes_of[pdf], lang).replace("\u00a0", " ") in said and f": {pages}." in said
        length = duration_text(MP3(trilingual_build / recording).info.length, lang)
        assert length in _item_of(section, recording)
    assert "79 kB" in size_text(78893, "pl").replace("\u00a0", " ") and size_text(8609676, "pl") == "8,6\u00a0MB"
    assert duration_text(1075.2, "pl") == "17 minut 55 sekund" and duration_text(3601, "en") == "1 hour 1 second"


def test_a_player_for_every_chapter_in_order_with_the_documents_titles(page, manifest):
    section = _section(page, "pl")
    players = [(_text(li.find(f"{X}p")), li.find(f"{X}audio")) for li in section.find(f"{X}ol").iter(f"{X}li")]
    chapters = sorted(a["path"] for a in manifest["artifacts"] if a["lang"] == "pl" and CHAPTER.fullmatch(a["path"]))
    assert [audio.get("src") for _, audio in players] == chapters
    assert all(audio.get("controls") and audio.get("preload") == "none" for _, audio in players)
    assert players[1][0].startswith("Wprowadzenie (") and players[2][0].startswith("Testowa 1: Biuro testowe (")


def test_the_sign_language_videos_are_the_datas(page):
    for lang in ("pl", "uk", "en"):
        videos = [a.get("href") for a in _section(page, lang).iter(f"{X}a") if a.get("href").startswith("http")]
        assert videos == ["https://example.org/pjm/biuro-testowe"]
    assert "Anna Przykładowa" in _text(_section(page, "pl"))


def test_the_page_says_when_and_from_what_data_it_was_made(page):
    about = _text(next(s for s in page.iter(f"{X}section") if s.get("aria-labelledby") == "about"))
    assert "Przygotowano: 1 stycznia 2026 00:00:00 UTC." in about  # SOURCE_DATE_EPOCH=1767225600
    assert re.search(r"z folderu tiny \(skrót [0-9a-f]{12}\)", about) and "wromik 0.1.0" in about


def test_a_build_of_one_edition_lists_the_files_kept_from_the_last(tmp_path):
    out = tmp_path / "output"
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    run_wromik("build", TINY, "--out", out, "--edition", "routes", env=env, check_exit=0)
    first = (out / "index.html").read_bytes()
    run_wromik("build", TINY, "--out", out, "--edition", "routes", env=env, check_exit=0)
    assert (out / "index.html").read_bytes() == first  # the same input and moment: the same page
    run_wromik("build", TINY, "--out", out, "--edition", "standard", env=env, check_exit=0)
    text = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="pl/routes.geojson"' in text and 'href="pl/wromik-standard-polski.pdf"' in text
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    pages = [a for a in manifest["artifacts"] if a["path"] == "index.html"]
    assert len(pages) == 1 and pages[0]["bytes"] == len(text.encode("utf-8"))
