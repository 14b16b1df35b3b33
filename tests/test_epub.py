"""The EPUB 3 editions (epub, epub-easy-read) of the tiny guide in three languages: EPUBCheck and DAISY Ace find
nothing, and each fails on a broken copy; the media overlay of a place, played clip by clip, speaks the page's
sentences in order, each clip inside its MP3 and holding exactly that sentence's speech."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from mutagen.mp3 import MP3

from conftest import run_wromik, TINY
from webcheck import ace_violations, epubcheck_messages

EPUBS = ("pl/wromik-standard-polski.epub", "pl/wromik-latwy-tekst-polski.epub", "uk/wromik-standartna-ukrainska.epub",
         "uk/wromik-lehkyi-tekst-ukrainska.epub", "en/wromik-standard-english.epub", "en/wromik-easy-read-english.epub")
XHTML, SMIL, OPF = "{http://www.w3.org/1999/xhtml}", "{http://www.w3.org/ns/SMIL}", "{http://www.idpf.org/2007/opf}"


def _rewritten(source: Path, target: Path, change) -> Path:
    """A copy of an EPUB with change(name, bytes) -> bytes or None (left out) applied to every entry."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            content = change(info.filename, original.read(info))
            if content is not None:
                copy.writestr(info, content)
    return target


@pytest.mark.parametrize("epub", EPUBS)
def test_epubcheck_and_ace_find_nothing(trilingual_build, epub):
    assert epubcheck_messages(trilingual_build / epub) == []
    assert ace_violations(trilingual_build / epub) == []


def test_epubcheck_fails_on_a_broken_copy(trilingual_build, tmp_path):
    """A copy without one chapter's audio, which its package document still lists."""
    broken = _rewritten(trilingual_build / EPUBS[0], tmp_path / "broken.epub",
                        lambda name, content: None if name == "EPUB/audio/intro.mp3" else content)
    found = epubcheck_messages(broken)
    assert any(m["id"] == "RSC-001" and m["severity"] == "ERROR" and "intro.mp3" in m["message"] for m in found), found


def test_ace_fails_on_a_broken_copy(trilingual_build, tmp_path):
    """A copy whose maps lost their text alternative and whose package lost its access modes."""
    def change(name, content):
        if name == "EPUB/place-test-place.xhtml":
            return re.sub(rb'(<img src="maps/[^"]+") alt="[^"]*"', rb"\1", content)
        if name == "EPUB/package.opf":
            return re.sub(rb'<meta property="schema:accessMode">\w+</meta>\n', b"", content)
        return content
    broken = _rewritten(trilingual_build / EPUBS[0], tmp_path / "broken.epub", change)
    rules = {v["rule"] for v in ace_violations(broken)}
    assert {"image-alt", "metadata-accessmode"} <= rules, rules


def test_the_package_declares_its_accessibility(trilingual_build):
    for epub, summary_script in ((EPUBS[0], "Ta książka"), (EPUBS[3], "Ця електронна книга"), (EPUBS[4], "This e-book")):
        with zipfile.ZipFile(trilingual_build / epub) as book:
            assert book.namelist()[0] == "mimetype" and book.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
            package = ET.fromstring(book.read("EPUB/package.opf"))
        meta = {}
        for element in package.iter(f"{OPF}meta"):
            if not element.get("refines"):
                meta.setdefault(element.get("property"), []).append(element.text)
        assert {"textual", "visual", "auditory"} == set(meta["schema:accessMode"])
        assert {"synchronizedAudioText", "longDescription", "alternativeText", "tableOfContents",
                "printPageNumbers", "highContrastDisplay"} <= set(meta["schema:accessibilityFeature"])
        assert meta["dcterms:conformsTo"] == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
        assert meta["schema:accessibilitySummary"][0].startswith(summary_script)
        assert meta["pageBreakSource"][0].endswith(".pdf")


@pytest.fixture(scope="module")
def overlay(trilingual_build, tmp_path_factory):
    """The Polish standard EPUB unpacked: its place page, the SMIL of that page, and the page's MP3."""
    folder = tmp_path_factory.mktemp("epub")
    with zipfile.ZipFile(trilingual_build / EPUBS[0]) as book:
        book.extractall(folder)
    return folder / "EPUB"


def _clips(epub: Path, page: str) -> list:
    """(text id, audio path, begin, end) of every par of a page's overlay, in order."""
    smil = ET.parse(epub / "overlays" / f"{page}.smil").getroot()
    clips = []
    for par in smil.iter(f"{SMIL}par"):
        text, audio = par.find(f"{SMIL}text"), par.find(f"{SMIL}audio")
        document, _, key = text.get("src").partition("#")
        assert document == f"../{page}.xhtml"
        clips.append((key, (epub / "overlays" / audio.get("src")).resolve(),
                      float(audio.get("clipBegin").rstrip("s")), float(audio.get("clipEnd").rstrip("s"))))
    return clips


def _loudness(path: Path, begin: float, end: float) -> float:
    """The mean volume in dB of a stretch of an MP3, decoded by ffmpeg."""
    report = subprocess.run(["ffmpeg", "-nostdin", "-v", "info", "-ss", f"{begin:.3f}", "-to", f"{end:.3f}", "-i",
                             str(path), "-af", "volumedetect", "-f", "null", "-"], capture_output=True, text=True).stderr
    return float(re.search(r"mean_volume: (-?[\d.]+|-inf) dB", report).group(1))


def test_the_overlay_of_a_place_plays_its_sentences(trilingual_build, overlay):
    """Every clip of the place's overlay lies within its MP3 (ffprobe and mutagen agree on its length), in the page's
    reading order without overlap; the element it points to is a sentence whose spoken form is that clip's (its
    cached speech lasts exactly as long), speech is heard in it and the pause after it is quiet; and the sentences
    the recording also says (every step among them) are the transcript's lines."""
    from guide import compose, load_guide
    from guide.document.builder import Documents
    from guide.document.nodes import plain
    from guide.data.text import PAUSE
    from guide.speech.loudness import seconds
    from guide.speech.recording import WITHIN_SENTENCE
    from guide.speech.script import speaker
    from guide.speech.voices import ClipCache, engine_for

    clips = _clips(overlay, "place-test-place")
    page = ET.parse(overlay / "place-test-place.xhtml").getroot()
    elements = {e.get("id"): e for e in page.iter() if e.get("id")}
    order = [e.get("id") for e in page.iter() if e.get("id")]
    mp3 = clips[0][1]
    duration = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                     str(mp3)], capture_output=True, text=True, check=True).stdout)
    assert abs(MP3(mp3).info.length - duration) < 0.05
    say = speaker(Documents(compose(load_guide(trilingual_build.parent / "tiny"))).get("pl"))
    cache = ClipCache(Path(os.environ["WROMIK_SPEECH_CACHE"]), engine_for("espeak-ng", "pl"))
    transcript = set((trilingual_build / "pl" / "audio" / "transkrypcja-polski.txt").read_text(encoding="utf-8")
                     .replace("## ", "").splitlines())
    assert len(clips) > 80
    steps = {e.get("id") for ol in page.iter(f"{XHTML}ol") if ol.get("class") == "steps" for e in ol.iter()
             if e.get("id")}
    maps = {e.get("id") for figure in page.iter(f"{XHTML}figure") if figure.get("class") == "map" for e in figure.iter()
            if e.get("id")}
    previous_end, in_transcript = 0.0, 0
    for key, audio, begin, end in clips:
        assert audio == mp3 and 0 <= previous_end <= begin < end <= duration, (key, begin, end)
        assert order.index(key) > order.index(clips[0][0]) or key == clips[0][0]
        element = elements[key]
        text = re.sub(r"\s+", " ", "".join(element.itertext())).strip()
        if element.tag == f"{XHTML}tr":  # a table row is read as its header and cells
            cells = [re.sub(r"\s+", " ", "".join(c.itertext())).strip() for c in element]
            text = f"{cells[0]}: {', '.join(cells[1:])}."
        parts = plain(say(text)).split(PAUSE)  # a pause mark is WITHIN_SENTENCE of silence between two clips
        said = "".join(parts)
        spoken = sum(seconds(cache.clip(part.strip())) for part in parts) + WITHIN_SENTENCE * (len(parts) - 1)
        assert abs(spoken - (end - begin)) < 0.002, (key, said)
        assert _loudness(audio, begin, end) > -45, (key, said)
        written = plain(say(text, "said")).replace(PAUSE, "")  # the transcript writes what is said for readers
        in_transcript += written in transcript or key in maps  # a map is described once in the recording's "how to listen"
        assert key not in steps or written in transcript, written  # every step as the recording says it
        previous_end = end
    assert [key for key, *_ in clips] == sorted((key for key, *_ in clips), key=order.index)
    assert _loudness(mp3, clips[0][3] + 0.05, clips[1][2] - 0.05) < -60  # the pause after the title is silence
    assert steps and in_transcript >= 0.85 * len(clips)  # the rest: what only the eye gets (the hours' table)


def test_the_durations_in_the_package_are_the_audio_files(overlay):
    package = ET.parse(overlay / "package.opf").getroot()
    items = {i.get("id"): i.get("href") for i in package.iter(f"{OPF}item")}
    durations = {}
    for element in package.iter(f"{OPF}meta"):
        if element.get("property") == "media:duration":
            h, m, s = element.text.split(":")
            durations[element.get("refines")] = int(h) * 3600 + int(m) * 60 + float(s)
    total = durations.pop(None)
    for refines, seconds in durations.items():
        smil = items[refines.lstrip("#")]
        audio = overlay / "audio" / Path(smil).with_suffix(".mp3").name
        assert abs(MP3(audio).info.length - seconds) < 0.01, smil
    assert abs(sum(durations.values()) - total) < 0.01


def test_the_navigation_reaches_every_route_and_lists_the_pdf_pages(overlay):
    nav = ET.parse(overlay / "nav.xhtml").getroot()
    toc, pages = [n for n in nav.iter(f"{XHTML}nav")]
    targets = [a.get("href") for a in toc.iter(f"{XHTML}a")]
    assert "place-test-place.xhtml#route-test-place-5" in targets
    numbers = [int(a.text) for a in pages.iter(f"{XHTML}a")]
    assert numbers[0] == 1 and numbers == sorted(numbers)
    for href in targets + [a.get("href") for a in pages.iter(f"{XHTML}a")]:
        document, _, fragment = href.partition("#")
        ids = {e.get("id") for e in ET.parse(overlay / document).getroot().iter()}
        assert not fragment or fragment in ids, href


def test_an_epub_rebuilt_from_the_same_input_is_byte_identical(tmp_path):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    for name in ("one", "two"):
        run_wromik("build", TINY, "--out", tmp_path / name, "--edition", "epub-easy-read", env=env, check_exit=0)
    file = "pl/wromik-latwy-tekst-polski.epub"
    assert (tmp_path / "one" / file).read_bytes() == (tmp_path / "two" / file).read_bytes()


def test_the_page_list_comes_from_the_pdf_the_build_laid_out_and_names_the_same_pages(tmp_path, monkeypatch):
    """Built beside the standard PDF, the e-book takes the PDF's pages from its layout instead of laying the PDF out a
    second time; its page list is the one of an e-book built alone."""
    from guide.build import build
    from guide.renderers.standard import StandardPdfRenderer

    layouts = []
    laid_out = StandardPdfRenderer._laid_out
    monkeypatch.setattr(StandardPdfRenderer, "_laid_out",
                        lambda self, target: layouts.append(type(self).__name__) or laid_out(self, target))

    def page_list(out) -> list:
        with zipfile.ZipFile(out / "pl" / "wromik-standard-polski.epub") as epub:
            nav = ET.fromstring(epub.read("EPUB/nav.xhtml"))
        pages = [n for n in nav.iter(f"{XHTML}nav")][1]
        return [(a.get("href"), a.text) for a in pages.iter(f"{XHTML}a")]

    build(TINY, tmp_path / "both", editions=["standard", "epub"], languages=["pl"])
    assert layouts == ["StandardPdfRenderer"]  # the PDF's own; the e-book's pages come from it
    build(TINY, tmp_path / "alone", editions=["epub"], languages=["pl"])
    assert layouts == ["StandardPdfRenderer"] * 2  # alone, the e-book lays the PDF out itself
    assert page_list(tmp_path / "both") == page_list(tmp_path / "alone") and len(page_list(tmp_path / "alone")) > 3
