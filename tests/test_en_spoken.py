"""English normalisation for speech (AU-02) by espeak-ng en-gb: written form -> what the listener hears."""

import re
import shutil

import pytest

from guide.data.text import original, spans
from guide.language.en.spoken import ordinal, spoken

LEGIONOW = original("pl. Legion\u00f3w")

CASES = [
    # phone numbers: digit by digit, group by group
    ("Telephone: 71 78 22 300.", "Telephone: seven one, seven eight, two two, three zero zero."),
    ("+48 71 782 23 00", "plus four eight, seven one, seven eight two, two three, zero zero"),
    ("Call 713 456 789.", "Call seven one three, four five six, seven eight nine."),
    # times with the part of the day, ranges from ... to
    ("Open 7:30\u201315:30.", "Open from seven thirty in the morning to three thirty in the afternoon."),
    ("from 8:00 to 15:00", "from eight in the morning to three in the afternoon"),
    ("Monday\u2013Friday 08:00\u201315:00", "Monday to Friday from eight in the morning to three in the afternoon"),
    ("9:00\u201311:00", "from nine to eleven in the morning"),
    ("20:00-22:30", "from eight to ten thirty in the evening"),
    ("Come at 8:05.", "Come at eight oh five in the morning."),
    ("8am to 4:30pm", "eight in the morning to four thirty in the afternoon"),
    ("12 noon", "twelve noon"),
    ("until 24:00", "until midnight"),
    ("Hours: 00:00\u201324:00", "Hours: round the clock"),
    # St. by context, other abbreviations
    ("Oxford St.", "Oxford Street."),
    ("Walk along Oxford St. to the bank.", "Walk along Oxford Street to the bank."),
    ("St. Mary's Church", "Saint Mary's Church"),
    ("Visit St. Mary's.", "Visit Saint Mary's."),
    ("Oxford Rd. is closed", "Oxford Road is closed"),
    ("Dr Smith", "Doctor Smith"),
    ("approx. 5 min", "about five minutes"),
    ("No. 12", "Number twelve"),
    ("e.g. a ramp, i.e. no steps", "for example a ramp, that is no steps"),
    ("John Paul II", "John Paul the Second"),
    ("PDF/UA-1 and MP3", "P D F U A one and M P three"),
    # floors, levels, rooms, house numbers, postcodes
    ("Take the lift to the 3rd floor.", "Take the lift to the third floor."),
    ("Take the lift to floor 2.", "Take the lift to floor two."),
    ("Take the lift down to level -1.", "Take the lift down to level minus one."),
    ("Go to room 3A.", "Go to room three A."),
    ("Braniborska 6/8", "Braniborska six stroke eight"),
    ("53-611", "five three, six one one"),
    # units, numbers, symbols
    ("door 90 cm wide", "door ninety centimetres wide"),
    ("threshold 1 cm", "threshold one centimetre"),
    ("width 1.5 m", "width one point five metres"),
    ("incline 6%", "incline six per cent"),
    ("1,250 metres", "one thousand, two hundred and fifty metres"),
    ("800+", "eight hundred plus"),
    ("4\u20135 steps", "four to five steps"),
    ("Lines 3, 10 and 23.", "Lines three, ten and twenty-three."),
    ("Entrance B (with a ramp).", "Entrance B, with a ramp."),
    # dates and years
    ("23 November 2026", "the twenty-third of November twenty twenty-six"),
    ("2026-11-23", "the twenty-third of November twenty twenty-six"),
    ("November 2026", "November twenty twenty-six"),
    ("(2021\u20132025)", "twenty twenty-one to twenty twenty-five"),
    # addresses on the web
    ("info@example.org", "info at example dot org"),
    ("https://mops.example.pl", "mops dot example dot P L"),
    ("example.org/pjm/office-6.", "example dot org slash pjm slash office dash six."),
    # the data's names are kept whole and marked, for the Polish voice
    (f"Start: the stop {LEGIONOW}. On the route: 2 road crossings, 1 turn.",
     f"Start: the stop {LEGIONOW}. On the route: two road crossings, one turn."),
    (f"Cross {original('ul. Nowowiejska 12')} at the crossing, 12 metres.",
     f"Cross {original('ul. Nowowiejska 12')} at the crossing, twelve metres."),
    (f"Go along {original('Dworcowa')} St.", f"Go along {original('Dworcowa')} Street."),
]


@pytest.mark.parametrize("written, heard", CASES, ids=[c[0] for c in CASES])
def test_spoken_form(written, heard):
    assert spoken(written) == heard


def test_there_are_at_least_30_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("number, word", [(1, "first"), (2, "second"), (3, "third"), (21, "twenty-first")])
def test_ordinals(number, word):
    assert ordinal(number) == word and ordinal(number, "gen") == word


ABBREVIATION = re.compile(r"\b(?:St|Rd|Ave|Sq|Dr|No|Nr|approx|etc|e\.g|i\.e|tel)\.|\b(?:Mr|Mrs|cm|km|mm|min|mins|hr|hrs|am|pm|"
                          r"PJM|PDF|MP3)\b|[%/+\u2013]")


def unmarked(text: str) -> str:
    return " ".join(piece for piece, marked in spans(text) if not marked)


def test_the_ruler_catches_what_it_should():
    assert ABBREVIATION.search("5 min") and ABBREVIATION.search("Oxford St.") and ABBREVIATION.search("6%")
    assert not ABBREVIATION.search("No information: five minutes on Oxford Street, six per cent")


@pytest.fixture(scope="module")
def english_model(tmp_path_factory):
    """The Wroclaw guide with English listed: every text not yet translated is shown in Polish, marked."""
    from conftest import WROCLAW
    from guide import compose, load_guide

    root = tmp_path_factory.mktemp("english") / "guide"
    shutil.copytree(WROCLAW, root)
    info = root / "guide.yaml"
    info.write_text(info.read_text(encoding="utf-8").replace("languages: [pl]", "languages: [pl, en]"), encoding="utf-8")
    return compose(load_guide(root))


def test_every_sentence_of_the_english_guide_is_said_without_digits_or_abbreviations(english_model):
    """Every sentence the English standard guide document holds, as its recording says it: the data's names
    marked and untouched, everything else in words."""
    from guide.document.builder import Documents
    from guide.speech.script import compose_script

    document = Documents(english_model).get("en")
    script = compose_script(document)
    said = [s for chapter in script.chapters for section in chapter.sections for s in section.sentences]
    assert len(said) > 500
    english = [unmarked(s) for s in said]
    assert [s for s in english if re.search(r"\d", s)] == []
    assert [s for s in english if ABBREVIATION.search(s)] == []
