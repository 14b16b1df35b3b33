"""Easy-to-read English: sentences, words, the Flesch-Kincaid grade and the rules ER-03, ER-04, ER-06 and ER-07.

ER-07 measures a text by its Flesch-Kincaid grade, 0.39 × words per sentence + 11.8 × syllables per word
− 15.59, with syllables counted by textstat (the CMU Pronouncing Dictionary, else Pyphen's hyphenation).
Sentences and words are our own (sentences()): textstat's own sentence counter leaves out sentences of two
words or fewer, which most easy-read lines are ("Turn left."). A name of the data (an original() passage,
"ul. Strzegomska") counts as one word of one syllable: the reader matches it on a sign, not reads it.

Calibration (tests/test_en_readability.py recomputes it) on our own English texts (tests/en_calibration.py):
the Wroclaw guide's introduction, place and service descriptions in English (standard: 7 texts, grades 6.3 to
17.7, 12.5 together) and its easy-read texts in English (easy-read: 7 texts, grades 0.4 to 4.7, 2.5 together).
What this pack writes itself is easier still: every easy-read line for the Wroclaw guide's routes, entrances,
insides and hours grades -0.2, the easy-read edition's fixed texts (messages.po) 1.7. MAX_GRADE = 5.5 lies
midway between the hardest easy-read text (4.7) and the easiest standard one (6.3).
"""

from __future__ import annotations

import re
from functools import lru_cache

import textstat

from .. import ROMAN_NUMERAL, display_case, keeps_marks, roman_value
from ..easyrules import Finding, Rules, findings_of, problems_in, report, split_sentences, words_in
from ...data.text import ORIGINAL_END, ORIGINAL_START

__all__ = ["Finding", "sentences", "words", "syllables", "fk_grade", "check_text", "check_guide", "expand_name",
           "display_name", "readability_report", "ABBREVIATIONS", "MAX_WORDS", "AIM_WORDS", "MAX_GRADE"]

MAX_WORDS, AIM_WORDS, MAX_GRADE, MAX_COMMAS, HARD_SYLLABLES = 15, 10, 5.5, 2, 5

# ER-04: the abbreviations that must be written out, with their full form; "no." only before a number.
ABBREVIATIONS = {"e.g.": "for example", "i.e.": "that is", "etc.": "and so on", "approx.": "about",
                 "no.": "number", "nr": "number", "tel.": "phone", "st.": "Street or Saint", "rd.": "Road",
                 "ave.": "Avenue", "sq.": "Square", "min": "minutes", "mins": "minutes", "hr": "hours",
                 "hrs": "hours", "dept.": "department", "incl.": "including", "dr.": "Doctor"}
_SUBORDINATORS = {"because", "although", "though", "unless", "whereas", "whether", "if", "while", "whilst"}
_SUBORDINATORS_INSIDE = {"which", "who", "whom", "whose", "when", "where", "why"}  # questions may start with these
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
                 "hundred": 100, "thousand": 1000}
_BE = {"be", "been", "being"}  # 'will be checked', 'has been sent': the passive voice that hides who acts
_PARTICIPLES = {"sent", "done", "given", "taken", "seen", "made", "paid", "told", "shown", "written", "kept"}
_ROMAN = re.compile(rf"^{ROMAN_NUMERAL}$")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\b")
_MARKED = re.compile(f"{ORIGINAL_START}.*?{ORIGINAL_END}", re.S)
_NAME = "Name"  # what a marked name counts as: one word of one syllable
_EDGE_PUNCTUATION = "\u201c\u201d\u2018\u2019\"'()[]{},;:!?\u2026\u2013\u2014-"


def _bare(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION)


def _names_as_words(text: str) -> str:
    return _MARKED.sub(_NAME, text)


@keeps_marks
def sentences(text: str) -> list:
    """Split a text into sentences; a dot after an abbreviation does not end one."""
    return split_sentences(text, abbreviations=ABBREVIATIONS, opening="\u201c\u2018(\"", closing="\u201d\u2019\")")


def words(text: str) -> list:
    """The words of a text: tokens with a letter or digit, without surrounding punctuation; a name of the data
    counts as one word."""
    return words_in(_names_as_words(text), _EDGE_PUNCTUATION)


@lru_cache(maxsize=None)
def syllables(word: str) -> int:
    """English syllables of a word, by textstat (the CMU Pronouncing Dictionary, else hyphenation); at least 1."""
    return max(1, textstat.syllable_count(word))


def fk_grade(text_sentences: list) -> float:
    """ER-07: the Flesch-Kincaid grade of sentences: 0.39 × words per sentence + 11.8 × syllables per word − 15.59."""
    all_words = [w for s in text_sentences for w in words(s)]
    if not all_words:
        return 0.0
    total = sum(syllables(w) for w in all_words)
    return 0.39 * len(all_words) / len(text_sentences) + 11.8 * total / len(all_words) - 15.59


def _sentence_findings(sentence: str, glossary_words: tuple) -> list:
    found = []

    def add(rule, message, fix):
        found.append(Finding(rule, sentence, message, fix))

    checked = _names_as_words(sentence)  # the data's names are as on the signs: no rule of ours applies to them
    tokens = checked.split()
    sentence_words = words(sentence)
    if len(sentence_words) > MAX_WORDS:
        add("ER-03", f"Expected at most {MAX_WORDS} words in a sentence but received {len(sentence_words)}",
            "Split it into two or three short sentences, one idea each.")
    for position, token in enumerate(tokens):
        lowered = _bare(token).lower()
        if lowered in _SUBORDINATORS or (position > 0 and lowered in _SUBORDINATORS_INSIDE):
            add("ER-03", f"Expected a sentence without a subordinate clause but received \u201c{_bare(token)}\u201d",
                "Make two sentences: say the main thing first, then the rest.")
            break
    if checked.count(",") > MAX_COMMAS:
        add("ER-03", f"Expected at most {MAX_COMMAS} commas in a sentence but received {checked.count(',')}",
            "Make a list with one item per line, or split the sentence.")
    for position, token in enumerate(tokens):
        stripped = token.lstrip("\u201c\u2018(\"").rstrip(",;:)\u201d\u2019\"")
        lowered = stripped.lower()
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if lowered in ABBREVIATIONS and (lowered != "no." or following[:1].isdigit()):
            add("ER-04", f"Expected words written out but received the abbreviation \u201c{stripped}\u201d",
                f"Write \u201c{ABBREVIATIONS[lowered]}\u201d.")
        bare = _bare(token).rstrip(".")
        if _ROMAN.match(bare) and (len(bare) > 1 or bare in "VX") and bare != _NAME:
            add("ER-04", f"Expected digits but received the Roman numeral \u201c{bare}\u201d",
                f"Write {roman_value(bare)}, for example \u201cfloor {roman_value(bare)}\u201d.")
        if bare.lower() in _NUMBER_WORDS:
            add("ER-04", f"Expected a number in digits but received the word \u201c{bare}\u201d",
                f"Write {_NUMBER_WORDS[bare.lower()]} instead.")
        participle = _bare(following).rstrip(".").lower()
        if lowered in _BE and (participle.endswith("ed") or participle in _PARTICIPLES):
            add("ER-06", f"Expected the active voice but received \u201c{stripped} {participle}\u201d",
                "Say who does it: \u201cWe check your form\u201d instead of \u201cYour form will be checked\u201d.")
    date = _NUMERIC_DATE.search(checked)
    if date:
        add("ER-04", f"Expected a date written out but received \u201c{date.group(0)}\u201d",
            "Write the month as a word, for example \u201c23 November 2026\u201d.")
    for word in sentence_words:
        if syllables(word) >= HARD_SYLLABLES and word.lower() not in glossary_words:
            add("ER-06", f"Expected an explained word but received \u201c{word}\u201d ({syllables(word)} syllables), "
                "which is not in the word list",
                "Use a shorter, everyday word, or add the word to the glossary in guide.yaml.")
    return found


def glossary_words(terms) -> tuple:
    """The words of the glossary's terms, in lower case, with their plurals ('ramp' covers 'ramps')."""
    found = [w.lower() for term in terms for w in words(term)]
    return tuple(found + [w + "s" for w in found] + [w + "es" for w in found])


_RULES = Rules(sentences=sentences, words=words, syllables=syllables, findings=_sentence_findings, score=fk_grade,
               limit=MAX_GRADE, measure="a Flesch-Kincaid grade of", label="Flesch-Kincaid grade", hard=3,
               aim_words=AIM_WORDS)


def check_text(text: str, *, glossary: tuple = ()) -> list:
    """Every finding for one easy-read text (ER-03, ER-04, ER-06, ER-07)."""
    return findings_of(text, _RULES, glossary)


def display_name(name: str) -> str:
    """A name as a heading or a sentence shows it: a name in timetable capitals in display case ('PL. LEGIONOW'
    → 'pl. Legionow'); any other name as written."""
    return display_case(name)


def expand_name(name: str) -> str:
    """A place name for easy reading: in display case. Its street words stay as the data writes them ('ul.
    Strzegomska'): they are the original language's, and the reader matches them on the signs."""
    return display_case(name)


def check_guide(data) -> list:
    """Problems in the English easy-read texts of the guide data. A text without an English version, or whose
    English version stands in for a missing translation, is left to the checks of missing texts."""
    return problems_in(data, "en", _RULES, glossary_words, "\u201c\u201d")


def readability_report(data) -> str:
    """Sentences, words per sentence and Flesch-Kincaid grade of the easy-read texts beside the standard ones."""
    return report(data, _RULES, "en")
