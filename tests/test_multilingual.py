"""Every edition in every language of a guide (the tiny guide in Polish, Ukrainian and English), checked by the
real validators, and read as its readers read it: the language of each sentence (lingua), the Polish names in a
Ukrainian or English PDF tagged /Lang pl, a transcript a speech engine reads right."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET

import pikepdf
import pytest
from lingua import Language, LanguageDetectorBuilder

from guide.data.text import spans
from guide.language import pack
from guide.speech.recording import _clip
from guide.speech.voices import ClipCache, engine_for
from conftest import daisy_clips, ebu_r128, run_wromik, struct_texts, trilingual_copy

LANGUAGES = ("pl", "uk", "en")
LINGUA = {"pl": Language.POLISH, "uk": Language.UKRAINIAN, "en": Language.ENGLISH}
SHARE = 0.98  # of the sentences of an edition that must be classified as its language, names left out


@pytest.fixture(scope="module")
def detector():
    return LanguageDetectorBuilder.from_languages(*LINGUA.values()).build()


def test_every_edition_is_built_in_every_language_with_files_that_name_it(trilingual_build):
    names = {lang: {p.name for p in (trilingual_build / lang).rglob("*") if p.is_file()} for lang in LANGUAGES}
    for lang in LANGUAGES:
        files = pack(lang).FILE_NAMES
        wanted = {files[key] for key in ("standard", "easy-read", "print", "recording", "transcript", "playlist")}
        assert wanted | {"routes.geojson", "ncc.html"} <= names[lang], wanted - names[lang]
    assert not {n for n in names["uk"] & names["en"] if n.startswith("wromik")}, "files of two languages share a name"
    assert pack("uk").FILE_NAMES["standard"] != pack("pl").FILE_NAMES["standard"]


def readers_pdfs(out, lang) -> list:
    """The PDFs people read (standard, easy-read, the printed guide), not the office printer's imposed sheets."""
    names = pack(lang).FILE_NAMES
    return [out / lang / names[key] for key in ("standard", "easy-read", "print")]


def test_every_pdf_of_every_language_is_pdf_ua_1_with_its_language(trilingual_build, verapdf):
    files = [path for lang in LANGUAGES for path in readers_pdfs(trilingual_build, lang)]
    code, report = verapdf(*files)
    assert code == 0 and report.count("\tcompliant") == 9, report
    for lang in LANGUAGES:
        for path in readers_pdfs(trilingual_build, lang):
            with pikepdf.open(path) as pdf:
                assert str(pdf.Root.Lang) == pack(lang).PDF_LANG, path


def test_every_print_pdf_of_every_language_passes_preflight(trilingual_build):
    printed = [trilingual_build / lang / pack(lang).FILE_NAMES[key] for lang in LANGUAGES
               for key in ("print", "print-imposed")]  # a saddle-stitched booklet: no separate cover
    result = run_wromik("preflight", *printed, check_exit=0)
    assert result.stdout.count("passes PX-01") == 6, result.stdout


def test_every_recording_is_at_the_target_loudness_and_its_daisy_fileset_is_whole(trilingual_build):
    for lang in LANGUAGES:
        integrated, peak = ebu_r128(trilingual_build / lang / "audio" / pack(lang).FILE_NAMES["recording"])
        assert -19 <= integrated <= -17 and peak <= -1.5, (lang, integrated, peak)
        daisy = trilingual_build / lang / "daisy"
        assert daisy_clips(daisy) > 5
        ns = {"x": "http://www.w3.org/1999/xhtml"}
        meta = {m.get("name"): m.get("content") for m in ET.parse(daisy / "ncc.html").getroot().iterfind(".//x:meta", ns)}
        assert meta["dc:language"] == lang


def test_the_cover_names_the_language_in_that_language_and_says_what_is_translated(trilingual_build, tmp_path):
    from guide import load_guide
    from guide.data.translations import translation_counts
    counts = translation_counts(load_guide(trilingual_copy(tmp_path / "tiny")), "en")
    assert counts["reviewed"] == 1 and counts["unreviewed"] > 10  # the fixture's catalog: the title checked, the rest fuzzy
    for lang, said in (("pl", "polski"), ("uk", "українська"), ("en", "English")):
        cover = subprocess.run(["pdftotext", "-l", "1", str(trilingual_build / lang / pack(lang).FILE_NAMES["standard"]),
                                "-"], capture_output=True, text=True, check=True).stdout
        assert said in cover, (lang, cover)
        assert ("original" in cover.lower() or "оригінал" in cover) == (lang != "pl"), (lang, cover)
    cover = subprocess.run(["pdftotext", "-l", "1", str(trilingual_build / "en" / pack("en").FILE_NAMES["standard"]), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert "Original language: Polish." in cover and "the original applies" in " ".join(cover.split())
    assert f"Translations checked by a person: 1 of {counts['reviewed'] + counts['unreviewed']}." in " ".join(cover.split())


def test_polish_names_in_a_ukrainian_or_english_pdf_are_spans_in_polish(trilingual_build):
    for lang in ("uk", "en"):
        path = trilingual_build / lang / pack(lang).FILE_NAMES["standard"]
        with pikepdf.open(path) as pdf:
            langs = {str(e.get("/Lang")) for e in _elements(pdf.Root.StructTreeRoot) if e.get("/S") == "/Span"}
        assert langs == {"pl-PL"}, (lang, langs)
        spanned = {text for kind, text in struct_texts(path) if kind == "Span"}
        assert {"Testowa", "ul."} <= spanned, spanned  # the place's short name, the street of its address
        assert not any(re.search("[а-яіїєґ]", word, re.I) or word in {"the", "Turn", "entrance"} for word in spanned)
    assert not any(kind == "Span" for kind, _ in struct_texts(trilingual_build / "pl" / pack("pl").FILE_NAMES["standard"]))


def _elements(node):
    """Every structure element under a node, depth first."""
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") is not None:
            yield kid
            yield from _elements(kid)


def test_transcripts_have_no_digits_and_no_latin_words_but_names_in_ukrainian(trilingual_build, tmp_path):
    """What the recording says: no digits in the transcripts but in names written as they are (MP3, web addresses);
    in Ukrainian every Latin-script word is a passage the Polish voice says (a name), never Ukrainian speech."""
    from guide import compose, load_guide
    from guide.document.builder import Documents
    from guide.speech.script import compose_script
    for lang in ("uk", "en"):
        transcript = (trilingual_build / lang / "audio" / pack(lang).FILE_NAMES["transcript"]).read_text(encoding="utf-8")
        heard = re.sub(r"\S*[./@]\S*[\w/]|\b[A-Z]+\d\b", "", transcript)  # 'MP3' and addresses as written
        assert not re.search(r"\d", heard), re.search(r".{30}\d.{30}", heard)
    english = (trilingual_build / "en" / "audio" / pack("en").FILE_NAMES["transcript"]).read_text(encoding="utf-8")
    assert "Testowa one" in english and "Testowaone" not in english  # the Polish name, its number in English
    script = compose_script(Documents(compose(load_guide(trilingual_copy(tmp_path / "tiny")))).get("uk"))
    said = [s for chapter in script.chapters for section in chapter.sections for s in (section.title, *section.sentences)]
    latin = [piece for sentence in said for piece, marked in spans(sentence) if not marked and re.search("[A-Za-z]", piece)]
    assert not latin, latin
    assert sum(marked for sentence in said for _, marked in spans(sentence)) > 10  # the names are there, marked


def test_a_sentence_with_a_polish_name_is_said_in_two_voices(tmp_path):
    """The Ukrainian voice for the Ukrainian words, the Polish voice for the marked Polish name (real espeak-ng)."""
    ukrainian, polish = (ClipCache(tmp_path, engine_for("espeak-ng", lang)) for lang in ("uk", "pl"))
    sentence = "Вийдіть на зупинці \ue000Plac Grunwaldzki\ue001."
    spoken = _clip(sentence, ukrainian, polish)
    assert spoken == ukrainian.clip("Вийдіть на зупинці") + polish.clip("Plac Grunwaldzki")
    assert spoken != ukrainian.clip("Вийдіть на зупинці Plac Grunwaldzki.")


def _sentences_without_names(texts, lang) -> list:
    """The sentences of texts in a language, each without its marked names, those with words left."""
    found = []
    for text in texts:
        for sentence in pack(lang).sentences(text):
            bare = " ".join(piece for piece, marked in spans(sentence) if not marked)
            bare = re.sub(r"\S+@\S+|https?://\S+", "", bare)  # e-mail and web addresses are names too
            if len(re.findall(r"[^\W\d_]{2,}", bare)) >= 2:
                found.append(bare)
    return found


def _document_texts(document) -> list:
    texts = []
    for section in document.walk():
        texts.append(section.title)
        for block in section.blocks:
            for attribute in ("sentences", "items", "description", "rows"):
                for item in getattr(block, attribute, ()) or ():
                    texts += [item] if isinstance(item, str) else list(getattr(item, "sentences", item))
    return texts


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_lingua_reads_each_edition_of_the_wroclaw_guide_as_its_language(wroclaw_documents, lang, detector):
    from guide.speech.script import compose_script
    standard = wroclaw_documents.get(lang)
    script = compose_script(standard)
    editions = {"standard": _document_texts(standard), "easy-read": _document_texts(wroclaw_documents.get(lang, "easy-read")),
                "audio": [s for c in script.chapters for section in c.sections for s in (section.title, *section.sentences)]}
    for edition, texts in editions.items():
        sentences = _sentences_without_names(texts, lang)
        assert len(sentences) > 300, (edition, len(sentences))
        wrong = [s for s in sentences if detector.detect_language_of(s) != LINGUA[lang]]
        assert len(wrong) <= (1 - SHARE) * len(sentences), (edition, len(wrong), len(sentences), wrong[:20])


def test_routes_instructions_are_in_their_language(trilingual_build, detector):
    for lang in LANGUAGES:
        routes = json.loads((trilingual_build / lang / "routes.geojson").read_text(encoding="utf-8"))
        instructions = [i for f in routes["features"] for i in f["properties"]["instructions"]]
        assert instructions and all("\ue000" not in i for i in instructions)
        found = [detector.detect_language_of(i) for i in instructions if len(i.split()) >= 4]
        assert sum(f == LINGUA[lang] for f in found) >= SHARE * len(found), (lang, instructions)
