"""Language packs: everything the guide says in one language lives in guide/language/<code>/.

A pack is a subpackage whose __init__ exports the names in PACK_API (phrasing of steps, facts and
hours for each register, speech normalisation, readability rules), plus a gettext catalog,
guide/language/<code>/messages.po, for the fixed words (headings, labels), kinds.yaml, the words for each kind of
place, and starter/, the templates of `wromik new`. What every pack does alike with its own words lives
here: easy.py (the easy-read lines of facts) and easyrules.py (the easy-read checker). To add a language, copy
guide/language/pl/, translate, and list the code in a guide's `languages`; a guide listing a
language without a pack is refused when its data is read (load_guide's `languages`).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from babel.messages.pofile import read_po

from ..data.model import DAYS, KIND_WORDS
from ..data.text import ORIGINAL_END, ORIGINAL_START, PAUSE, original, plain, spans
from ..errors import Problem

__all__ = ["pack", "available_languages", "check_easy_read", "PACK_API", "roman_value", "ROMAN_NUMERAL", "KindWords",
           "kind_words", "capital", "original", "keeps_marks", "text_in", "numbered", "day_groups", "ALL_DAY",
           "display_case", "line_of", "is_fallback", "keeping", "paused", "checked", "unchecked_apart"]

PACK_API = (
    "PDF_LANG", "SPEECH_CODE", "gettext", "plural", "quantity", "written_date", "opening_hours",
    "service_hours", "describe_step", "describe_barrier", "describe_unknown", "describe_status", "describe_map",
    "warning_notes", "fact_sentences", "EasyLine", "route_lines", "entrance_lines", "inside_lines", "hours_lines",
    "barrier_sentence", "short_entrance_name", "expand_name", "sentences", "check_guide", "readability_report",
    "said", "spoken", "ordinal", "display_name", "describe_stop", "PLACEHOLDER", "FILE_NAMES",
)
FILE_KEYS = ("standard", "easy-read", "print", "print-cover", "print-imposed", "recording", "transcript", "playlist", "web",
             "web-easy-read", "epub", "epub-easy-read")  # web: a folder of pages
ROMAN_NUMERAL = r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"  # a regular expression, 1 to 399
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def available_languages() -> tuple:
    """The codes of every language pack shipped with wromik."""
    root = resources.files(__name__)
    return tuple(sorted(entry.name for entry in root.iterdir()
                        if entry.is_dir() and entry.joinpath("__init__.py").is_file()))


def pack(lang: str):
    """The language pack for a language code ('pl'); KeyError when wromik has none."""
    if lang not in available_languages():
        raise KeyError(lang)
    return importlib.import_module(f"{__name__}.{lang}")


def check_easy_read(data) -> list:
    """Problems in the easy-read texts of a guide (GuideData), by the rules of each of its languages."""
    return [problem for lang in data.info.languages for problem in pack(lang).check_guide(data)]


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict:
    """The pack's gettext catalog (messages.po) as msgid -> translation; untranslated entries are left out."""
    with resources.files(f"{__name__}.{lang}").joinpath("messages.po").open("rb") as file:
        messages = read_po(file, locale=lang)
    return {message.id: message.string for message in messages if message.id and message.string}


def translator(lang: str):
    """gettext for one language: the fixed text in the language, with {fields} filled in."""
    found = catalog(lang)

    def gettext(message: str, **fields) -> str:
        return found.get(message, message).format(**fields) if fields else found.get(message, message)
    return gettext


ALL_DAY = (("00:00", "24:00"),)  # the spans of a day that is open round the clock


def text_in(value, lang: str) -> str:
    """A text of the data in the edition's language: its own version, else the first (the original language's)
    marked with original(); a plain string (a name) is returned as it is."""
    if not isinstance(value, dict):
        return value
    return value.get(lang) or original(next(iter(value.values()), ""))


def checked(values: dict, features: tuple) -> tuple:
    """(what a thing has or lacks, what nobody has checked) in a pack's words; features are (key, has, lacks) and an
    unchecked feature is named by has, so that the pack says 'no data' once before all of them."""
    known, unknown = [], []
    for key, has, lacks in features:
        value = values.get(key)
        if value is None:
            unknown.append(has)
        else:
            known.append(has if value else lacks)
    return known, unknown


def unchecked_apart(codes, warning, attributes: dict) -> tuple:
    """A step's warning codes as (the attributes nobody has checked, named by attributes; the notes warning(code)
    gives for the others), so that the pack says 'no data' once before all of them."""
    unknown = [attributes.get(code[8:], code[8:]) for code in codes if code.startswith("unknown:")]
    notes = [note for note in (warning(code) for code in codes if not code.startswith("unknown:")) if note]
    return unknown, notes


def numbered(room: str) -> bool:
    """Whether a room is known by a number ('12', '3A'), not by a name ('kasy')."""
    return any(ch.isdigit() for ch in room)


def day_groups(hours) -> list:
    """The week as ([days], spans) groups, in order: consecutive days with the same hours share one group."""
    groups: list = []
    for day in DAYS:
        spans = hours.days.get(day)
        if groups and groups[-1][1] == spans and DAYS.index(groups[-1][0][-1]) == DAYS.index(day) - 1:
            groups[-1][0].append(day)
        else:
            groups.append(([day], spans))
    return groups


def easy_texts(data) -> list:
    """Every easy-read text of the guide (EasyText), those of the notes and facts included, in the data's order."""
    info = data.info
    found = [info.easy_read_introduction, info.easy_read_scope] + [e.easy_read for e in info.glossary]
    for place in data.places:
        found += [place.easy_read] + [s.easy_read for s in place.services]
        for block in (*place.entrances, place.inside):
            found += [block.easy_read] + [fact.easy_read for fact in block.facts.values()]
    return [text for text in found if text is not None and hasattr(text, "texts")]


def written_in(texts, lang: str) -> str | None:
    """A text in lang as the data or its catalog gives it; None when it has none or shows the original instead."""
    text = texts.get(lang) if texts is not None else None
    return None if not text or lang in getattr(texts, "missing", ()) or is_fallback(text) else text


def easy_problem(easy, lang: str, finding, quoted: str):
    """A finding of the easy-read rules in the text in lang, as a Problem where that text is written: its catalog
    entry when it is a translation, else the data file and the sentence's line."""
    translation = easy.texts.translated.get(lang) if hasattr(easy.texts, "translated") else None
    message = f"{finding.rule}: {finding.message} in {quoted}"
    if translation is not None:
        return Problem(translation.file, f"the translation of {easy.where}", message, finding.fix, translation.line)
    return Problem(easy.file, easy.where, message, finding.fix, line_of(easy, finding.sentence))


def is_fallback(text: str) -> bool:
    """Whether a text stands in for a missing translation: the whole of it is one original-language passage."""
    return [marked for _, marked in spans(text)] == [True]


def display_case(name: str) -> str:
    """A name of the data as a heading or a sentence shows it: a name in timetable capitals in display case, its
    abbreviations (a capital word ending in a dot) in lower case ('PL. SOLIDARNOSCI' -> 'pl. Solidarnosci',
    'KAMIENSKIEGO (petla)' -> 'Kamienskiego (petla)'); any other name as written."""
    outside = re.sub(r"\([^)]*\)", "", name)
    if not any(c.isalpha() for c in outside) or outside != outside.upper():
        return name
    tokens = []
    for token in name.split():
        core = token.lstrip("(\u201e")
        lead = token[:len(token) - len(core)]
        if core.isupper() and not re.fullmatch(ROMAN_NUMERAL, core):
            core = core.lower() if core.endswith(".") else "-".join(part.capitalize() for part in core.split("-"))
        tokens.append(lead + core)
    return " ".join(tokens)


def line_of(text, sentence: str) -> int | None:
    """The line where a sentence of an EasyText starts in its file (texts are written one sentence per line), else
    the field's."""
    if text.line is None:
        return None
    try:
        lines = Path(text.file).read_text(encoding="utf-8").splitlines()
    except OSError:
        return text.line
    start = " ".join(sentence.split()[:4])
    for number in range(text.line, len(lines) + 1):
        if start in " ".join(lines[number - 1].split()):
            return number
    return text.line


_KEPT = 0xE100  # the first private-use character that stands for a passage kept as written


def keeping(pattern, text: str, rules) -> str:
    """rules applied to text with every match of pattern (a web address, an acronym, a name) kept as written: each
    stands for a private-use character no rule touches while the rules run (nested calls take the next ones)."""
    base = _KEPT + sum(1 for char in text if _KEPT <= ord(char) <= 0xF8FF)
    kept: list = []

    def hide(match) -> str:
        kept.append(match.group(0))
        return chr(base + len(kept) - 1)
    said = rules(re.sub(pattern, hide, text))
    return re.sub(f"[{chr(base)}-{chr(base + len(kept))}]", lambda m: kept[ord(m.group()) - base], said) \
        if kept else said


PHONE = r"(?:\+48 ?)?(?<![\d/])\d{2,3}(?:[ -]\d{2,3}){2,3}(?![\d/])"  # a phone number as written, in groups


def paused(text: str) -> str:
    """The text with PAUSE where a listener needs a breath: after the separator between two phone numbers that
    follow each other ('71 784 96 06, 71 784 96 04') and after each '; ' between items said in one sentence."""
    text = re.sub(rf"({PHONE})(,? (?:[^\W\d]{{1,3}} )?)(?={PHONE})", lambda m: m.group(1) + m.group(2) + PAUSE, text)
    return text.replace("; ", "; " + PAUSE)


def capital(text: str) -> str:
    """The text with its first letter a capital: 'biuro' → 'Biuro' (a mark before it is kept)."""
    start = len(text) - len(text.lstrip(ORIGINAL_START + ORIGINAL_END))
    return text[:start] + text[start:start + 1].upper() + text[start + 1:]


def keeps_marks(split):
    """A pack's sentence splitter made safe for texts with marked passages (guide.data.text.original): it splits
    the text without its marks, and every word of a sentence keeps the marks it had. The splitter must return
    sentences made of the text's words in order, joined by spaces. Inside a marked passage a short lower-case word
    with a dot ('ul.', 'pl.', 'św.': the original language's abbreviations) never ends a sentence."""
    def sentences(text: str) -> list:
        if ORIGINAL_START not in text:
            return split(text)
        words, word = [], []  # each word as (character, marked) pairs
        for piece, marked in spans(text):
            for char in piece:
                if char.isspace():
                    words, word = (words + [word], []) if word else (words, word)
                else:
                    word.append((char, marked))
        words += [word] if word else []
        found, at = [], 0
        for sentence in split(plain(text)):
            count = len(sentence.split())
            chars = []
            for index, each in enumerate(words[at:at + count]):
                if index:
                    chars.append((" ", chars[-1][1] and each[0][1]))  # a space inside a marked passage stays in it
                chars += each
            at += count
            if found and found[-1][1]:  # the sentence before ended at an abbreviation inside a name: go on with it
                chars = found.pop()[0] + [(" ", chars[0][1])] + chars
            last = "".join(c for c, _ in chars).split()[-1]
            found.append((chars, chars[-1][1] and bool(re.fullmatch(r"[^\W\d_]{1,3}\.", last)) and last.islower()))
        return ["".join(original(run) if marked else run for marked, run in _runs(chars)) for chars, _ in found]
    sentences.__doc__ = split.__doc__
    return sentences


def _runs(chars: list) -> list:
    """(marked, text) for each stretch of characters with the same mark."""
    runs = []
    for char, marked in chars:
        if runs and runs[-1][0] == marked:
            runs[-1][1].append(char)
        else:
            runs.append((marked, [char]))
    return [(marked, "".join(run)) for marked, run in runs]


@dataclass(frozen=True)
class KindWords:
    """How the guide speaks of one kind of place in one language (the pack's kinds.yaml, then guide.yaml's)."""

    destination: str  # where a visitor goes inside: 'biuro', 'rejestracja', 'kasa'
    to_destination: str  # 'do biura'
    room: str  # a numbered room: 'pokój', 'gabinet', 'sala'
    to_room: str  # 'do pokoju'
    services: str  # the heading of the place's services
    easy_services: str  # the same heading in the easy-read register


@lru_cache(maxsize=None)
def _pack_kinds(lang: str) -> dict:
    with resources.files(f"{__name__}.{lang}").joinpath("kinds.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def kind_words(lang: str, kind: str, guide_kinds: tuple = ()) -> KindWords:
    """The words for a place of this kind: the pack's words for the kind it is like, with the guide's own words
    for its kind (guide.yaml kinds:) over them."""
    own = next((k for k in guide_kinds if k.id == kind), None)
    words = dict(_pack_kinds(lang)[own.like if own else kind])
    words.update(own.words.get(lang, {}) if own else {})
    return KindWords(**{word: words[word] for word in KIND_WORDS})


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral ('XIV' → 14); the one reader used by every pack."""
    total = 0
    for index, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total
