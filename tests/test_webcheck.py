"""The web validators of tests/webcheck.py run for real: each passes a valid input and fails a broken copy."""

import zipfile
from pathlib import Path

import pytest

from webcheck import ace_violations, axe_violations, browser, epubcheck_messages, serve

PAGE = """<!DOCTYPE html>
<html {lang}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Market Square – Wrocław guide</title>
<style>body {{ color: #1a1a1a; background: #ffffff; font: 1.125rem/1.5 sans-serif; }}</style>
</head>
<body>
<header><p>Wrocław guide</p></header>
<nav aria-label="Routes"><ul><li><a href="#square">Market Square</a></li></ul></nav>
<main>
<h1 id="square">Market Square</h1>
<p>The square is flat and paved. Benches stand by the town hall.</p>
<p>Step-free entrance on the east side.</p>
<img src="dot.svg" {alt} width="40" height="40">
</main>
<footer><p>MOPS Wrocław</p></footer>
</body>
</html>
"""
DOT_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#006b3c"/></svg>'


def _page(folder: Path, *, lang: str = 'lang="en"', alt: str = 'alt="A green dot"') -> None:
    """index.html, dark grey on white, and the image it shows."""
    (folder / "index.html").write_text(PAGE.format(lang=lang, alt=alt), encoding="utf-8")
    (folder / "dot.svg").write_text(DOT_SVG, encoding="utf-8")


def test_axe_passes_an_accessible_page(tmp_path):
    _page(tmp_path)
    with serve(tmp_path) as base, browser(width=320) as driver:
        assert axe_violations(driver, base + "index.html") == []


def test_axe_finds_a_missing_alt_lang_and_low_contrast(tmp_path):
    # #767676 on white is 4.54:1: AA passes, the 7:1 the guide keeps to does not; #aaaaaa is 2.3:1.
    _page(tmp_path, lang="", alt="")
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    low = '<p id="hours" style="color: #aaaaaa">Open daily.</p><p id="price" style="color: #767676">Free.</p>'
    (tmp_path / "index.html").write_text(html.replace("</main>", low + "</main>"), encoding="utf-8")
    with serve(tmp_path) as base, browser(width=1280) as driver:
        found = {v["id"]: v["targets"] for v in axe_violations(driver, base + "index.html")}
    assert found == {"image-alt": ["img"], "html-has-lang": ["html"],
                     "color-contrast": ["#hours"], "color-contrast-enhanced": ["#price"]}


A11Y_METADATA = """
<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessMode">visual</meta>
<meta property="schema:accessModeSufficient">textual</meta>
<meta property="schema:accessibilityFeature">alternativeText</meta>
<meta property="schema:accessibilityFeature">structuralNavigation</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">Headings, a table of contents and alternative text for every image.</meta>
<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>
<meta property="a11y:certifiedBy">wromik tests</meta>
"""
XHTML = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><title>{title}</title></head>
<body>{body}</body>
</html>
"""
NAV = """<nav epub:type="toc" id="toc" role="doc-toc"><h1>Contents</h1><ol><li><a href="square.xhtml">Market Square</a></li></ol></nav>"""
SQUARE = """<section><h1>Market Square</h1><p>The square is flat and paved.</p>{extra}
<img src="dot.svg" alt="A green dot"/></section>"""


def _epub(path: Path, *, metadata: str = A11Y_METADATA, manifest: str = "", square: str = SQUARE.format(extra="")) -> Path:
    """A minimal EPUB 3: one content document with an image, its nav document, and `metadata` in the package."""
    package = f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">urn:uuid:6f0b3c4e-8a51-4f0e-9a57-0c3f4a6e2b11</dc:identifier>
<dc:title>Webcheck sample</dc:title>
<dc:language>en</dc:language>
<meta property="dcterms:modified">2025-01-01T00:00:00Z</meta>{metadata}</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="square" href="square.xhtml" media-type="application/xhtml+xml"/>
<item id="dot" href="dot.svg" media-type="image/svg+xml"/>{manifest}
</manifest>
<spine><itemref idref="square"/></spine>
</package>
"""
    container = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as epub:
        epub.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        epub.writestr("META-INF/container.xml", container)
        epub.writestr("EPUB/package.opf", package)
        epub.writestr("EPUB/nav.xhtml", XHTML.format(title="Contents", body=NAV))
        epub.writestr("EPUB/square.xhtml", XHTML.format(title="Market Square", body=square))
        epub.writestr("EPUB/dot.svg", DOT_SVG)
    return path


def test_epubcheck_passes_a_valid_epub(tmp_path):
    assert epubcheck_messages(_epub(tmp_path / "valid.epub")) == []


@pytest.mark.parametrize("broken, expected", [
    ({"manifest": '\n<item id="gone" href="gone.xhtml" media-type="application/xhtml+xml"/>'}, "RSC-001"),
    ({"square": SQUARE.format(extra="<blink>Open daily.</blink>")}, "RSC-005"),
])
def test_epubcheck_finds_a_missing_file_and_invalid_xhtml(tmp_path, broken, expected):
    messages = epubcheck_messages(_epub(tmp_path / "broken.epub", **broken))
    assert expected in {m["id"] for m in messages if m["severity"] == "ERROR"}, messages


def test_ace_passes_an_accessible_epub(tmp_path):
    assert ace_violations(_epub(tmp_path / "valid.epub")) == []


def test_ace_finds_a_missing_alt_and_missing_metadata(tmp_path):
    square = SQUARE.format(extra="").replace(' alt="A green dot"', "")
    rules = {v["rule"] for v in ace_violations(_epub(tmp_path / "broken.epub", metadata="", square=square))}
    assert {"image-alt", "metadata-accessmode", "metadata-accessibilityhazard"} <= rules, rules
