"""Easy-to-read Polish: sentences, syllables, FOG-PL and the rules ER-03, ER-04, ER-06 and ER-07.

The same functions check the texts in the data (`wromik check --easy-read`) and measure the text
extracted from the easy-read PDF in the tests, so the checker and the acceptance test agree.
"""

from __future__ import annotations

import re
from functools import partial

from .. import ROMAN_NUMERAL, keeps_marks, kind_words, line_of, roman_value
from ..easyrules import Finding, Rules, findings_of, fog, report, split_sentences, stems_of, words_in
from ...errors import Problem

__all__ = ["Finding", "sentences", "words", "syllables", "fog_pl", "check_text", "check_guide", "expand_name",
           "readability_report",
           "ABBREVIATIONS", "MAX_WORDS", "AIM_WORDS", "MAX_FOG"]

MAX_WORDS, AIM_WORDS, MAX_FOG, MAX_COMMAS, HARD_SYLLABLES = 15, 10, 6.0, 2, 5

# ER-04: the abbreviations that must be written out, with their full form (nominative).
ABBREVIATIONS = {"ul.": "ulica", "pl.": "plac", "al.": "aleja", "tel.": "telefon", "godz.": "godzina",
                 "pok.": "pokój", "m.in.": "między innymi", "np.": "na przykład", "nr": "numer", "nr.": "numer",
                 "ok.": "około", "św.": "święty"}
_VOWELS = set("aąeęioóuy")
_DIPHTHONGS = ("au", "eu")
_SUBORDINATORS = {"że", "iż", "ponieważ", "bo", "gdyż", "jeśli", "jeżeli", "gdy", "aby", "żeby", "chociaż", "choć",
                  "zanim", "dopóki", "jakby", "skoro"}
_SUBORDINATORS_INSIDE = {"kiedy", "gdzie", "czy", "dlaczego", "dokąd", "skąd"}  # questions may start with these
_NUMBER_WORDS = {"dwa": 2, "dwie": 2, "dwóch": 2, "trzy": 3, "trzech": 3, "cztery": 4, "czterech": 4, "pięć": 5,
                 "sześć": 6, "siedem": 7, "osiem": 8, "dziewięć": 9, "dziesięć": 10, "jedenaście": 11,
                 "dwanaście": 12, "piętnaście": 15, "dwadzieścia": 20, "trzydzieści": 30, "pięćdziesiąt": 50,
                 "sto": 100, "dwieście": 200, "tysiąc": 1000, "pierwsze": 1, "drugie": 2, "trzecie": 3,
                 "czwarte": 4, "piąte": 5}
_ADDRESS_FORMS_CAPITALISED = {"Pan", "Pani", "Pana", "Panu", "Panią", "Panem", "Państwo", "Państwa", "Państwu"}
_PASSIVE = {"zostanie", "został", "została", "zostało", "zostali", "zostały", "zostaną", "zostaniesz", "zostać"}
_ROMAN = re.compile(rf"^{ROMAN_NUMERAL}$")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\b")
_EDGE_PUNCTUATION = "„”\"'()[]{}«»,;:!?…–—-"


def _bare(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION)


@keeps_marks
def sentences(text: str) -> list:
    """Split a text into sentences; a dot after a listed abbreviation does not end one."""
    return split_sentences(text, abbreviations=ABBREVIATIONS, opening="„(\"«", closing="”\")»")


def words(text: str) -> list:
    """The words of a text: tokens with a letter or digit, without surrounding punctuation."""
    return words_in(text, _EDGE_PUNCTUATION)


def syllables(word: str) -> int:
    """Polish syllables: vowel nuclei, where 'i' before a vowel only softens (nie-bie-ski) and au, eu are one."""
    letters = word.lower()
    count, index = 0, 0
    while index < len(letters):
        char = letters[index]
        if char in _VOWELS:
            following = letters[index + 1] if index + 1 < len(letters) else ""
            if char == "i" and following in _VOWELS:
                index += 1
                continue
            count += 1
            if letters[index:index + 2] in _DIPHTHONGS:
                index += 1
        index += 1
    return count


def fog_pl(text_sentences: list) -> float:
    """ER-07: 0.4 × (words per sentence + 100 × share of words with 4 or more syllables)."""
    return fog(text_sentences, words=words, syllables=syllables, hard=4)


def _sentence_findings(sentence: str, glossary_stems: tuple) -> list:
    found = []

    def add(rule, message, fix):
        found.append(Finding(rule, sentence, message, fix))

    tokens = sentence.split()
    sentence_words = words(sentence)
    if len(sentence_words) > MAX_WORDS:
        add("ER-03", f"Expected at most {MAX_WORDS} words in a sentence but received {len(sentence_words)}",
            "Split it into two or three short sentences, one idea each.")
    for position, token in enumerate(tokens):
        lowered = _bare(token).lower()
        if lowered in _SUBORDINATORS or (position > 0 and lowered in _SUBORDINATORS_INSIDE) or \
                lowered.startswith("któr"):
            add("ER-03", f"Expected a sentence without a subordinate clause but received „{_bare(token)}”",
                "Make two sentences: say the main thing first, then the rest.")
            break
    if sentence.count(",") > MAX_COMMAS:
        add("ER-03", f"Expected at most {MAX_COMMAS} commas in a sentence but received {sentence.count(',')}",
            "Make a list with one item per line, or split the sentence.")
    for position, token in enumerate(tokens):
        stripped = token.lstrip("„(\"«").rstrip(",;:)”\"»")
        lowered = stripped.lower()
        if lowered in ABBREVIATIONS or lowered.rstrip(".") == "nr":
            full = ABBREVIATIONS.get(lowered, "numer")
            add("ER-04", f"Expected words written out but received the abbreviation „{stripped}”",
                f"Write „{full}” (in the form the sentence needs).")
        bare = _bare(token).rstrip(".")
        if _ROMAN.match(bare) and (len(bare) > 1 or bare in "VX" or position > 0):
            add("ER-04", f"Expected digits but received the Roman numeral „{bare}”",
                f"Write {roman_value(bare)}, for example „{roman_value(bare)} piętro”.")
        if lowered.rstrip(".") in _NUMBER_WORDS:
            add("ER-04", f"Expected a number in digits but received the word „{_bare(token)}”",
                f"Write {_NUMBER_WORDS[lowered.rstrip('.')]} instead.")
        if position > 0 and stripped in _ADDRESS_FORMS_CAPITALISED:
            add("ER-06", f"Expected the reader addressed as „Ty” but received „{stripped}”",
                "Talk to the reader as „Ty”: „Możesz…”, „Idź…”, „Zadzwoń…”.")
        if lowered.rstrip(".") in _PASSIVE:
            add("ER-06", f"Expected the active voice but received „{_bare(token)}”",
                "Say who does it: „Pracownik sprawdzi wniosek” instead of „Wniosek zostanie sprawdzony”.")
    date = _NUMERIC_DATE.search(sentence)
    if date:
        add("ER-04", f"Expected a date written out but received „{date.group(0)}”",
            "Write the month as a word, for example „23 listopada 2026”.")
    for word in sentence_words:
        lowered = word.lower()
        if syllables(word) >= HARD_SYLLABLES and not any(lowered.startswith(stem) for stem in glossary_stems):
            add("ER-06", f"Expected an explained word but received „{word}” ({syllables(word)} syllables), "
                "which is not in the word list",
                "Use a shorter, everyday word, or add the word to the glossary (słowniczek) in guide.yaml.")
    return found


glossary_stems = partial(stems_of, words=words)
_RULES = Rules(sentences=sentences, words=words, syllables=syllables, findings=_sentence_findings, score=fog_pl,
               limit=MAX_FOG, measure="FOG-PL", label="FOG-PL", hard=4, aim_words=AIM_WORDS)


def check_text(text: str, *, glossary: tuple = ()) -> list:
    """Every finding for one easy-read text (ER-03, ER-04, ER-06, ER-07)."""
    return findings_of(text, _RULES, glossary)


def display_name(name: str) -> str:
    """A name as a heading or a sentence shows it: a name in timetable capitals in display case ('PL. SOLIDARNOŚCI'
    → 'pl. Solidarności', 'KAMIEŃSKIEGO (pętla)' → 'Kamieńskiego (pętla)'); any other name as written."""
    outside = re.sub(r"\([^)]*\)", "", name)
    if not any(c.isalpha() for c in outside) or outside != outside.upper():
        return name
    tokens = []
    for token in name.split():
        core = token.lstrip("(„")
        lead = token[:len(token) - len(core)]
        if core.isupper() and not re.fullmatch(ROMAN_NUMERAL, core):
            core = core.lower() if core.lower() in ABBREVIATIONS else \
                "-".join(part.capitalize() for part in core.split("-"))
        tokens.append(lead + core)
    return " ".join(tokens)


def expand_name(name: str) -> str:
    """A place name for easy reading: in display case, with its street words written out."""
    tokens = display_name(name).split()
    for index, token in enumerate(tokens):
        core = token.lstrip("(„")
        lead = token[:len(token) - len(core)]
        if core.lower() == "św.":
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            tokens[index] = lead + ("Świętego" if following.endswith("a") else "Świętej" if following.endswith(("y", "i"))
                                    else "Święty")
        elif core.lower() in ("ul.", "pl.", "al."):
            tokens[index] = lead + ABBREVIATIONS[core.lower()]
    return " ".join(tokens)


def check_guide(data) -> list:
    """Problems for every easy-read text in the guide data, and for every one that is missing."""
    from ...data.dataset import shown_path
    from ...data.model import EasyText

    problems: list = []
    glossary = glossary_stems(term for entry in data.info.glossary for term in entry.term.values())
    info = data.info
    guide_file = shown_path(data.root / "guide.yaml")
    wanted = [(info.easy_read_introduction, guide_file, "easy_read.introduction")]
    if info.easy_read_scope is not None:
        wanted.append((info.easy_read_scope, guide_file, "easy_read.scope"))
    wanted += [(entry.easy_read, guide_file, f"glossary[{entry.term.get('pl', '')}].easy_read") for entry in info.glossary]
    for place in data.places:
        wanted.append((place.easy_read, place.file, f"place '{place.id}'.easy_read"))
        wanted += [(s.easy_read, place.file, f"place '{place.id}'.services[{s.id}].easy_read") for s in place.services]
        wanted += _easy_notes(place, kind_words("pl", place.kind, info.kinds), problems)
    for text, file, where in wanted:
        if not isinstance(text, EasyText):
            problems.append(Problem(file, where, "Expected an easy-read text (easy_read:) but received none",
                                    "Add easy_read: with short sentences, one per line (see the README, "
                                    "„Easy-read texts”)."))
            continue
        if "pl" not in info.languages:
            continue  # the rules and the syllable counter are Polish
        if "pl" not in text.texts:
            problems.append(Problem(text.file, text.where, "Expected an easy-read text in language 'pl' but received "
                                    "none", "Add a line 'pl: …' under easy_read.", text.line))
            continue
        for finding in check_text(text.texts["pl"], glossary=glossary):
            problems.append(Problem(text.file, text.where, f"{finding.rule}: {finding.message} in „{finding.sentence}”",
                                    finding.fix, line_of(text, finding.sentence)))
    return problems


def _easy_notes(place, kind, problems: list) -> list:
    """The easy-read notes of a place's entrances, inside and facts, to check as (text, file, where); a note that
    the easy-read edition would show (beside an entrance, the inside, or a fact it tells) without an easy-read
    version is a problem."""
    from .easyphrasing import entrance_lines, inside_lines

    found = []
    blocks = [(f"place '{place.id}'.entrances[{i}] (entrance '{e.id}')", e, entrance_lines)
              for i, e in enumerate(place.entrances)] + [
        (f"place '{place.id}'.inside", place.inside, lambda facts: inside_lines(facts, kind=kind))]
    for where, block, lines_of in blocks:
        told = {line.fact for line in lines_of(block.facts)}
        notes = [(f"{where}.notes", block.notes, block.easy_read, block.notes_line,
                  "Add easy_read: beside notes:, with the notes in short sentences, one per line (see the README, "
                  "„Easy-read texts”).")]
        notes += [(f"{where}.facts.{name}.note", fact.note, fact.easy_read, fact.line,
                   f"Add easy_read: to the fact's block beside note:, for example {name}: {{value: …, note: …, "
                   "easy_read: …}, with the note in short sentences.") for name, fact in block.facts.items()
                  if name in told or fact.easy_read is not None]
        for at, note, easy, line, fix in notes:
            if easy is not None:
                found.append((easy, place.file, easy.where))
            elif note:
                text = next(iter(note.values()))
                text = text if len(text) <= 60 else text[:57] + "…"
                problems.append(Problem(place.file, at, "Expected an easy-read version (easy_read:) of the note "
                                        f"„{text}” but received none", fix, line))
    return found


def readability_report(data) -> str:
    """Sentences, words per sentence and FOG-PL of the easy-read texts beside the standard ones (ER-07)."""
    return report(data, _RULES, "pl")
