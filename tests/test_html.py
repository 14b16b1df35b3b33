"""The web edition (html, html-easy-read) of the tiny guide in three languages, read as its users read it: every page
in a real Chromium checked by axe-core (light and dark, 1280 and 320 px), every link followed, the markup read."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from PIL import Image

from webcheck import axe_violations, browser, serve

XHTML = "{http://www.w3.org/1999/xhtml}"
FOLDERS = {"pl": ("strona-polski", "strona-latwy-tekst-polski"), "uk": ("sait-ukrainska", "sait-lehkyi-tekst-ukrainska"),
           "en": ("web-english", "web-easy-read-english")}


def _pages(out: Path) -> list:
    return sorted(p.relative_to(out).as_posix() for lang, folders in FOLDERS.items() for folder in folders
                  for p in (out / lang / folder).glob("*.html"))


def _site(out: Path) -> list:
    """Every page of the web editions and the download page."""
    return ["index.html"] + _pages(out)


def _tree(path: Path):
    return ET.parse(path).getroot()


def _text(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def test_every_language_and_register_has_its_pages(trilingual_build):
    for lang, folders in FOLDERS.items():
        for folder in folders:
            names = {p.name for p in (trilingual_build / lang / folder).glob("*.html")}
            assert {"index.html", "place-test-place.html", "glossary.html", "colophon.html"} <= names, (lang, folder)


def test_every_link_and_picture_resolves(trilingual_build):
    """Every local href and src of every page (the language switch, the other register, the download page, the maps,
    pictograms, photos, QR codes) names a file that was written, and every #fragment an element of that page."""
    out = trilingual_build
    ids: dict = {}
    for page in _site(out):
        ids[page] = {e.get("id") for e in _tree(out / page).iter() if e.get("id")}
    checked = 0
    for page in _site(out):
        for element in _tree(out / page).iter():
            for attribute in ("href", "src"):
                target = element.get(attribute)
                if not target or urlsplit(target).scheme in ("http", "https", "mailto", "tel"):
                    continue
                path, _, fragment = target.partition("#")
                resolved = (out / page).parent / unquote(path) if path else out / page
                resolved = Path(*(resolved.resolve().parts))
                assert resolved.is_file(), f"{page}: {attribute}={target}"
                if fragment:
                    assert fragment in ids[resolved.relative_to(out.resolve()).as_posix()], f"{page}: {target}"
                checked += 1
    assert checked > 500


def test_pages_are_semantic_and_need_no_javascript(trilingual_build):
    out = trilingual_build
    for page in _pages(out):
        root = _tree(out / page)
        lang = page.split("/")[0]
        assert root.get("lang") == lang, page
        assert not list(root.iter(f"{XHTML}script")), page
        mains = list(root.iter(f"{XHTML}main"))
        assert len(mains) == 1 and mains[0].get("id") == "main", page
        skip = next(root.iter(f"{XHTML}a"))
        assert skip.get("href") == "#main" and skip.get("class") == "skip", page
        headings = [int(e.tag[-1]) for e in root.iter() if re.fullmatch(rf"{re.escape(XHTML)}h[1-6]", e.tag)]
        assert headings.count(1) == 1 and headings[0] == 1, page
        assert all(b - a <= 1 for a, b in zip(headings, headings[1:])), (page, headings)  # no level skipped
        for image in root.iter(f"{XHTML}img"):
            assert image.get("alt") is not None, (page, image.get("src"))
        for figure in root.iter(f"{XHTML}figure"):
            image = figure.find(f"{XHTML}img")
            assert image.get("alt"), page  # a map or photo has its text alternative; the map its long description too
            if "map" in figure.get("class"):
                assert len(_text(figure.find(f"{XHTML}figcaption"))) > 60, page


def test_tables_have_headers_and_hours_are_a_table(trilingual_build):
    root = _tree(trilingual_build / "en" / "web-english" / "place-test-place.html")
    table = next(root.iter(f"{XHTML}table"))
    assert [th.get("scope") for th in table.iter(f"{XHTML}th")][:2] == ["col", "col"]
    rows = list(table.find(f"{XHTML}tbody"))
    assert len(rows) == 7 and all(row[0].tag == f"{XHTML}th" and row[0].get("scope") == "row" for row in rows)


def test_names_in_the_guides_first_language_are_marked_polish(trilingual_build):
    """A screen reader reads 'ul. Testowa 1' in a Ukrainian page with a Polish voice: the passage has lang="pl",
    numbers between its words included."""
    root = _tree(trilingual_build / "uk" / "sait-ukrainska" / "place-test-place.html")
    polish = [_text(e) for e in root.iter(f"{XHTML}span") if e.get("lang") == "pl"]
    assert "ul. Testowa 1, 50-001 Testowo" in polish
    assert not any(e.get("lang") for e in _tree(trilingual_build / "pl" / "strona-polski" / "place-test-place.html")
                   .iter(f"{XHTML}span"))


def test_easy_read_puts_each_sentence_on_a_line_with_its_pictogram(trilingual_build):
    from guide import compose, load_guide
    from guide.document.builder import Documents
    from guide.document.nodes import plain
    document = Documents(compose(load_guide(trilingual_build.parent / "tiny"))).get("pl", "easy-read")
    place = next(s for s in document.sections if s.key == "place-test-place")
    sentences = [s for section in place.walk() for block in section.blocks
                 for s in getattr(block, "sentences", ()) + tuple(x for i in getattr(block, "items", ())
                                                                  for x in getattr(i, "sentences", ()))]
    root = _tree(trilingual_build / "pl" / "strona-latwy-tekst-polski" / "place-test-place.html")
    assert root.find(f"{XHTML}body").get("class") == "easy-read"
    paragraphs = {_text(p) for p in next(root.iter(f"{XHTML}main")).iter(f"{XHTML}p")}
    assert len(sentences) > 20 and [s for s in map(plain, sentences) if s not in paragraphs] == []  # one a paragraph
    items = [li for ul in root.iter(f"{XHTML}ul") if ul.get("class") == "pictured" for li in ul]
    assert items and all(li.find(f"{XHTML}img").get("src").startswith("pictograms/") for li in items)
    negated = [li.find(f"{XHTML}img").get("src") for li in items if "Nie ma pochylni" in _text(li)]
    assert negated == ["pictograms/no-ramp.png"]  # a negated fact beside a crossed-out pictogram


def test_the_language_switch_and_the_other_register_lead_to_the_same_place(trilingual_build):
    root = _tree(trilingual_build / "uk" / "sait-ukrainska" / "place-test-place.html")
    nav = next(n for n in root.iter(f"{XHTML}nav") if n.get("aria-label") == "Мова")
    links = {a.get("lang"): (a.get("href"), _text(a), a.get("aria-current")) for a in nav.iter(f"{XHTML}a")}
    assert links == {"pl": ("../../pl/strona-polski/place-test-place.html", "polski", None),
                     "uk": ("../../uk/sait-ukrainska/place-test-place.html", "українська", "page"),
                     "en": ("../../en/web-english/place-test-place.html", "English", None)}
    register = next(p for p in root.iter(f"{XHTML}p") if p.get("class") == "register").find(f"{XHTML}a")
    assert register.get("href") == "../sait-lehkyi-tekst-ukrainska/place-test-place.html"


@pytest.fixture(scope="module")
def site(trilingual_build):
    with serve(trilingual_build) as base:
        yield base


def test_axe_finds_nothing_on_any_page(trilingual_build, site):
    """axe-core (WCAG 2.2 A and AA, best practice, and 7:1 contrast) in Chromium on every page, light at 1280 px,
    and the place and index pages dark at 320 px (prefers-color-scheme: dark)."""
    pages = _site(trilingual_build)
    found = {}
    with browser(1280) as driver:
        for page in pages:
            found[page] = axe_violations(driver, site + page)
    with browser(320) as driver:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        for page in pages:
            if page.endswith(("index.html", "/place-test-place.html")):
                found[f"{page} (dark, 320 px)"] = axe_violations(driver, site + page)
    assert len(found) > 50
    assert {page: v for page, v in found.items() if v} == {}


def test_axe_fails_on_a_broken_copy(trilingual_build, tmp_path):
    """The same check on a copy of a place page with the map's text alternative removed and grey text on white."""
    copy = tmp_path / "site"
    shutil.copytree(trilingual_build / "pl" / "strona-polski", copy)
    page = copy / "place-test-place.html"
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'(<img src="maps/[^"]+") alt="[^"]*"', r"\1", html, count=1)
    html = html.replace("<p>Biuro do testów.</p>", '<p style="color: #999999">Biuro do testów.</p>')
    page.write_text(html, encoding="utf-8")
    with serve(copy) as base, browser(1280) as driver:
        rules = {v["id"] for v in axe_violations(driver, base + "place-test-place.html")}
    assert {"image-alt", "color-contrast"} <= rules


def test_pages_reflow_at_320_px_without_sideways_scrolling(trilingual_build, site):
    """320 CSS pixels is a 1280 px window at 400 % zoom (WCAG 1.4.10)."""
    wide = {}
    with browser(320) as driver:
        for page in _site(trilingual_build):
            driver.get(site + page)
            width = driver.execute_script("return document.documentElement.scrollWidth")
            if width > 320:
                wide[page] = width
    assert wide == {}


def test_screenshots_at_320_and_1280_px(trilingual_build, site, tmp_path):
    """The download page, the place page and the easy-read page as a reader sees them: the page fills the width, its
    text is dark on light, the skip link is hidden until focused."""
    for page in ("index.html", "pl/strona-polski/place-test-place.html",
                 "pl/strona-latwy-tekst-polski/place-test-place.html"):
        for width in (320, 1280):
            with browser(width, 900) as driver:
                driver.get(site + page)
                assert driver.execute_script("return document.querySelector('a.skip').getBoundingClientRect().bottom") <= 0
                shot = tmp_path / f"{width}-{page.replace('/', '-')}.png"
                driver.save_screenshot(str(shot))
            image = Image.open(shot).convert("L")
            assert image.size[0] == width
            histogram = image.histogram()
            assert sum(histogram[:64]) > 0.01 * sum(histogram)  # dark text
            assert sum(histogram[240:]) > 0.5 * sum(histogram)  # on a light page


_FOCUSABLE = """return Array.from(document.querySelectorAll(
    'a[href], audio[controls], video[controls], button, input, select, textarea, [tabindex]:not([tabindex="-1"])'));"""
_FOCUS_RING = """const e = document.activeElement, style = getComputedStyle(e);
    return [style.outlineStyle, parseFloat(style.outlineWidth)];"""


def test_tab_reaches_every_link_and_player_of_the_download_page_in_order(trilingual_build, site):
    """A keyboard user tabs through the download page: the skip link first, then every link and every audio player
    in the order they are read, none skipped, each link with a visible focus ring (at least 2 px)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    with browser(1280) as driver:
        driver.get(site + "index.html")
        expected = driver.execute_script(_FOCUSABLE)
        chapters = list(trilingual_build.glob("*/audio/[0-9][0-9]-*.mp3"))
        assert len(expected) > 40 and sum(e.tag_name == "audio" for e in expected) == len(chapters) >= 3 * 6
        reached, rings = [], []
        for _ in range(6 * len(expected)):  # an audio player takes several presses (play, time, volume, menu)
            ActionChains(driver).send_keys(Keys.TAB).perform()
            active = driver.switch_to.active_element
            if active.tag_name == "body" or (reached and reached[-1] == active):
                if active.tag_name == "body" and reached:
                    break
                continue
            reached.append(active)
            if active.tag_name == "a":
                rings.append((active.text, *driver.execute_script(_FOCUS_RING)))
            if len(reached) == len(expected) and active == expected[-1]:
                break
        assert [e.id for e in reached] == [e.id for e in expected]
        assert reached[0].get_attribute("class") == "skip"
    assert [ring for ring in rings if ring[1] == "none" or ring[2] < 2] == []


def test_pages_link_only_what_the_output_holds(tmp_path):
    """Built in two of its three languages and without the easy-read pages, a page links neither the third language
    nor the easy-read pages (no link that leads nowhere); the download page is always there."""
    from conftest import run_wromik, trilingual_copy
    out = tmp_path / "output"
    run_wromik("build", trilingual_copy(tmp_path / "tiny"), "--out", out, "--edition", "html", "--lang", "pl", "--lang",
               "uk", check_exit=0)
    root = _tree(out / "pl" / "strona-polski" / "place-test-place.html")
    links = [a.get("href") for a in root.iter(f"{XHTML}a")]
    assert "../../uk/sait-ukrainska/place-test-place.html" in links
    assert not [link for link in links if "/en/" in link or "latwy-tekst" in link], links
    assert "../../index.html" in links and (out / "index.html").is_file()
