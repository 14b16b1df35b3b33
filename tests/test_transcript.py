"""The transcript of the recording, read as a blind listener hears it and as anyone reads it: plain written Polish
(every word in the dictionary, a name of the data or a number word), no speech-engine spellings, the conventions of
the maps and the meaning of 'brak danych' said once; and the two stages of the packs' speech normalisation, said()
for readers and pronounced() for the engine, with pauses between phone numbers and list items."""

from __future__ import annotations

import dataclasses
import importlib
import re
import subprocess

import pytest
from num2words import num2words

from conftest import WROCLAW, trilingual_copy
from guide import compose, load_guide
from guide.data.text import PAUSE, unsafe_character
from guide.document.builder import Documents
from guide.language import pack
from guide.language.pl.morphology import cardinal
from guide.language.pl.spoken import ordinal
from guide.speech.script import compose_script

# What the speech engine is given instead of what a reader reads: none may reach the transcript.
ENGINE_SPELLINGS = ("Dejzi", "em pe trzy", "pe el", "kropka", "małpa", "Pefron", "Mops", "Mopsu", "ukośnik",
                    "myślnik", "PDF/UA-jeden")
NOT_IN_DICTIONARY = {"Totupoint"}  # the audio beacon's brand, named by the Polish pack's fact label
MAP_DRAWING = "Trasa jest zaznaczona grubą linią z białymi kreskami. Północ jest u góry mapy."


@pytest.fixture(scope="module")
def wroclaw():
    """The Wrocław guide's data and the transcript of its Polish recording, as the audio edition writes it
    (guide.renderers.audio writes Script.transcript(); composing it needs no speech engine)."""
    data = load_guide(WROCLAW)
    return data, compose_script(Documents(compose(data)).get("pl")).transcript()


def _texts(value, seen: set):
    """Every string held in the loaded data: names of places, entrances, stops, streets, the publisher, the
    glossary, the sources."""
    if isinstance(value, str):
        yield value
    elif id(value) in seen or value is None or isinstance(value, (int, float, bool)):
        return
    else:
        seen.add(id(value))
        if isinstance(value, dict):
            for key, item in value.items():
                yield from _texts(key, seen)
                yield from _texts(item, seen)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                yield from _texts(item, seen)
        elif dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                yield from _texts(getattr(value, field.name), seen)
        elif hasattr(value, "__dict__"):
            yield from _texts(vars(value), seen)


def _words(text: str) -> set:
    return set(re.findall(r"[^\W\d_]+", text))


def _number_words() -> set:
    """Every word Polish numbers are said with in the guide: cardinals, ordinals in their cases, years."""
    numbers = list(range(0, 1000)) + list(range(1990, 2100))
    words = {word for n in numbers for word in num2words(n, lang="pl").split()}
    forms = ("nom", "nom_n", "nom_f", "gen", "gen_f", "loc", "loc_ins", "ins_f")
    words |= {word for n in numbers[1:] for form in forms for word in ordinal(n, form).split()}
    words |= {word for n in range(1, 100) for case in ("nom", "gen", "acc") for gender in ("m", "f", "n")
              for word in cardinal(n, case, gender).split()}
    return words


def _unknown_to_hunspell(text: str) -> set:
    """The words of text Debian's Polish hunspell dictionary does not know (hunspell -l)."""
    found = subprocess.run(["hunspell", "-d", "pl_PL", "-l"], input=text, capture_output=True, text=True, check=True)
    return set(found.stdout.split())


def test_the_transcript_has_no_spelling_made_for_the_speech_engine(wroclaw):
    _, transcript = wroclaw
    left = [spelling for spelling in ENGINE_SPELLINGS if re.search(rf"\b{re.escape(spelling)}\b", transcript)]
    assert not left, left
    assert "MOPS" in transcript and "mops.wroclaw.pl" in transcript and "DAISY" in transcript
    assert PAUSE not in transcript and not unsafe_character(transcript)


def test_every_word_of_the_transcript_is_in_the_dictionary_a_name_of_the_data_or_a_number(wroclaw):
    data, transcript = wroclaw
    unknown = _unknown_to_hunspell(transcript)
    assert "Dejzi" in _unknown_to_hunspell("Odtwarzacz Dejzi."), "the spell checker accepts anything"
    named = set().union(*(_words(text) for text in _texts(data, set())))
    left = sorted(unknown - named - _number_words() - NOT_IN_DICTIONARY)
    assert not left, f"words neither in the dictionary, nor names of the data, nor numbers: {left}"


def test_how_maps_are_drawn_and_what_no_data_means_are_said_once(wroclaw):
    _, transcript = wroclaw
    assert transcript.count(MAP_DRAWING.split(". ")[0]) == 1 and transcript.count("Północ jest u góry mapy") == 1
    assert "Opis mapy" not in transcript and transcript.count("nikt jeszcze tego nie sprawdził") == 1
    chapter = transcript.split("\n# ")[1]
    assert chapter.startswith("Jak słuchać") and MAP_DRAWING.replace(". ", ".\n") in chapter


def test_no_data_is_said_at_most_once_in_a_sentence(wroclaw):
    _, transcript = wroclaw
    sentences = [s for line in transcript.splitlines() for s in re.split(r"(?<=[.!?])\s+", line)]
    assert any("brak danych:" in s for s in sentences), "the check would pass vacuously"
    assert not [s for s in sentences if s.count("brak danych") > 1]


def test_tiny_guide_transcripts_say_how_maps_are_drawn_once_in_every_language(tmp_path):
    documents = Documents(compose(load_guide(trilingual_copy(tmp_path / "tiny"))))
    drawing = {"pl": "Północ jest u góry mapy", "uk": "Північ угорі карти", "en": "North is at the top of the map"}
    for lang, sentence in drawing.items():
        assert compose_script(documents.get(lang)).transcript().count(sentence) == 1, lang


@pytest.mark.parametrize("lang, text, said, pronounced", [
    ("pl", "Pliki MP3 i DAISY, MOPS i PFRON: sekretariat@mops.example.pl, mops.example.pl.",
     "Pliki MP3 i DAISY, MOPS i PFRON: sekretariat@mops.example.pl, mops.example.pl.",
     "Pliki em pe trzy i Dejzi, Mops i Pefron: sekretariat małpa mops kropka example kropka pe el, mops kropka example "
     "kropka pe el."),
    ("pl", "ul. Strzegomska 6, od 7:30 do 15:30.", "ulica Strzegomska sześć, od siódmej trzydzieści do piętnastej "
     "trzydzieści.", None),
    ("en", "MP3 and DAISY files, PDF/UA-1: office@example.pl.", "MP3 and DAISY files, PDF/UA-1: office@example.pl.",
     "M P three and Daisy files, P D F U A one: office at example dot P L."),
    ("en", "Open 8am, WWII, No. 5.", "Open eight in the morning, World War Two, Number five.", None),
    ("uk", "Файли MP3 і DAISY, E-mail: biuro@example.pl.", "Файли MP3 і DAISY, Електронна пошта: biuro@example.pl.",
     "Файли ем-пе-три і дейзі, Електронна пошта: бюро равлик ексампле крапка пе-ел."),
])
def test_said_is_spelt_for_readers_and_pronounced_for_the_engine(lang, text, said, pronounced):
    language, stages = pack(lang), importlib.import_module(f"guide.language.{lang}.spoken")
    assert language.said(text) == said
    assert stages.pronounced(said) == language.spoken(text)
    if pronounced is not None:
        assert language.spoken(text) == pronounced


@pytest.mark.parametrize("lang", ["pl", "uk", "en"])
def test_a_pause_between_phone_numbers_and_between_items_said_in_one_sentence(lang):
    language = pack(lang)
    phones = language.said("71 784 96 06, 71 784 96 04 i 71 784 96 05.")
    assert phones.count(PAUSE) == 2 and not phones.startswith(PAUSE)
    one, two, three = phones.split(PAUSE)
    assert one.endswith(", ") and two.rstrip().endswith(("i", ",")) and three.endswith(".")
    assert language.said("71 78 22 300.").count(PAUSE) == 0  # one number: its groups run on
    hours = language.said("Godziny: 1 pokój; 2 pokoje; 3 pokoje.")
    assert hours.count("; " + PAUSE) == 2
    assert language.spoken("71 784 96 06, 71 784 96 04.").count(PAUSE) == 1  # the recorder finds it there
