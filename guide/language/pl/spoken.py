"""Polish text normalised for speech (standard AU-02): what the listener should hear, written out.

Phone numbers are read in groups, times as times („od siódmej trzydzieści”), house numbers with
letters and slashes („dziewięć a”, „sześć łamane przez osiem”), Roman numerals and „1. piętro” as
ordinals in the right case, abbreviations expanded in the case their preposition asks for, and
every other number through num2words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from num2words import num2words

from .. import ROMAN_NUMERAL, keeping, paused, roman_value
from .morphology import agreeing_ordinal, cardinal, gender_of, inflect_name, noun_form
from .phrasing import plural_of, written_date

__all__ = ["said", "pronounced", "spoken", "ordinal"]

_CASE_AFTER = {"przy": "loc", "na": "loc", "w": "loc", "we": "loc", "po": "loc", "o": "loc", "z": "gen",
               "ze": "gen", "do": "gen", "od": "gen", "obok": "gen", "koło": "gen", "u": "gen", "naprzeciw": "gen",
               "wzdłuż": "gen", "spod": "gen", "sprzed": "gen", "za": "ins", "przed": "ins", "pod": "ins",
               "nad": "ins", "między": "ins", "przez": "acc"}  # looked up in lower case
_NOUNS = {"ul.": "ulica", "pl.": "plac", "al.": "aleja", "os.": "osiedle", "pok.": "pokój", "godz.": "godzina",
          "tel.": "telefon", "nr": "numer", "nr.": "numer"}  # abbreviation -> its noun, inflected by morphology
_MORFEUSZ_CASE = {"nom": "nom", "gen": "gen", "loc": "loc", "ins": "inst", "acc": "acc"}
_PHRASES = {"np.": "na przykład", "m.in.": "między innymi", "ok.": "około", "tj.": "to jest", "itp.": "i tym podobne",
            "itd.": "i tak dalej", "wg": "według", "tzw.": "tak zwany", "im.": "imienia", "ds.": "do spraw",
            "zł": "złotych", "r.": "roku"}
_DAYS_GENITIVE = {"poniedziałek": "poniedziałku", "wtorek": "wtorku", "środa": "środy", "czwartek": "czwartku",
                  "piątek": "piątku", "sobota": "soboty", "niedziela": "niedzieli"}
_ACRONYMS = {"MOPS": "Mops", "PFRON": "Pefron", "MOPS-u": "Mopsu", "MP3": "em pe trzy", "DAISY": "Dejzi",
             "PDF/UA-1": "PDF/UA-jeden"}  # respelt for the engine
_ACRONYM = r"\b(" + "|".join(map(re.escape, _ACRONYMS)) + r")\b"
_MONTHS = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia")
_MONTHS_NOMINATIVE = ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
                      "październik", "listopad", "grudzień")
_UNITS = {  # one, few, many, and the form after a fraction („1,5 metra”)
    "m": ("metr", "metry", "metrów", "metra"), "cm": ("centymetr", "centymetry", "centymetrów", "centymetra"),
    "km": ("kilometr", "kilometry", "kilometrów", "kilometra"), "%": ("procent", "procent", "procent", "procent"),
    "min": ("minuta", "minuty", "minut", "minuty")}

_FLOOR = {"piętro": "nom_n", "piętra": "gen", "piętrze": "loc", "piętrem": "loc_ins"}


def _cardinal(number: int | str) -> str:
    return num2words(int(number), lang="pl")


def ordinal(number: int, form: str = "nom") -> str:
    """A Polish ordinal: form is nom (masculine), nom_n (neuter), nom_f, gen (masc./neut.), gen_f, loc (masc./neut.),
    loc_ins (instrumental masc./neut.), ins_f."""
    words = num2words(number, lang="pl", to="ordinal").split()
    endings = {"nom": ("y", "i"), "nom_n": ("e", "ie"), "nom_f": ("a", "ia"), "gen": ("ego", "iego"),
               "gen_f": ("ej", "iej"), "loc": ("ym", "im"), "loc_ins": ("ym", "im"), "ins_f": ("ą", "ią")}[form]
    result = []
    for word in words:
        if word.endswith("gi") and form == "nom_f":
            result.append(word[:-1] + "a")  # drugi -> druga
        elif word.endswith("y"):
            result.append(word[:-1] + endings[0])
        elif word.endswith("i"):
            result.append(word[:-1] + endings[1])
        else:
            result.append(word)  # „dwa tysiące” in „dwa tysiące dwudziesty szósty” stays as it is
    return " ".join(result)


def _time(hours: str, minutes: str, form: str) -> str:
    """7:30 -> siódma trzydzieści (form nom_f), siódmej trzydzieści (gen_f), siódmą trzydzieści (ins_f)."""
    hour = int(hours)
    if hour in (0, 24) and minutes == "00":  # 0:00 and 24:00 are midnight: 'od północy'
        return {"nom_f": "północ", "gen_f": "północy", "ins_f": "północą"}[form]
    spoken_hour = "zero" if hour == 0 else ordinal(hour, form)
    if minutes == "00":
        return spoken_hour
    if minutes.startswith("0"):
        return f"{spoken_hour} zero {_cardinal(minutes)}"
    return f"{spoken_hour} {_cardinal(minutes)}"


def _time_form(word: str | None) -> str:
    """The case a time takes after the word before it: „o siódmej”, „przed siódmą”, else „siódma”."""
    word = (word or "").lower()
    if word in ("przed", "za", "między"):
        return "ins_f"
    return "gen_f" if word in _CASE_AFTER or word == "około" else "nom_f"


_TIME = r"([01]?\d|2[0-4])[:.]([0-5]\d)"


def _times(text: str) -> str:
    def time_range(match):
        lead = "" if (match.group(1) or "").lower().startswith("od") else match.group(1) or ""
        start, end = _time(match.group(2), match.group(3), "gen_f"), _time(match.group(4), match.group(5), "gen_f")
        return f"{lead}od {start} do {end}"

    def single(match):
        word = match.group(1)
        return (f"{word} " if word else "") + _time(match.group(2), match.group(3), _time_form(word))

    text = re.sub(rf"(\b[Oo]d\s+|\b[Ww]\s+godzinach\s+)?\b{_TIME}\s*[–—-]\s*{_TIME}\b", time_range, text)
    return re.sub(r"(?:\b(\w+)\s+)?\b([01]?\d|2[0-4]):([0-5]\d)\b", single, text)


def _phones(text: str) -> str:
    """Nine-digit numbers written in groups, read group by group with a pause between: 71 78 22 300."""
    def read(match):
        groups = re.split(r"[ -]", match.group(0).replace("+48 ", "").replace("+48", ""))
        spoken_groups = [" ".join(["zero"] * (len(g) - len(g.lstrip("0"))) + ([_cardinal(g)] if g.strip("0") else []))
                         for g in groups]
        prefix = "plus czterdzieści osiem, " if match.group(0).startswith("+48") else ""
        return prefix + ", ".join(spoken_groups)

    return re.sub(r"(?:\+48 ?)?(?<![\d/])\d{2,3}(?:[ -]\d{2,3}){2,3}(?![\d/])",
                  lambda m: read(m) if len(re.sub(r"\D", "", m.group(0).replace("+48", ""))) == 9 else m.group(0),
                  text)


def _addresses(text: str) -> str:
    text = re.sub(r"\b(\d{2})-(\d{3})\b", r"\1, \2", text)  # a postcode, 53-611, in two numbers; 50-001: 'zero zero jeden'
    text = re.sub(r"\b\d+[A-Za-z]?(?:/\d+[A-Za-z]?)+\b",
                  lambda m: " łamane przez ".join(_house(part) for part in m.group(0).split("/")), text)
    return re.sub(r"\b(\d+)([A-Za-z])\b", lambda m: _house(m.group(0)), text)


def _house(number: str) -> str:
    digits, letter = re.fullmatch(r"(\d+)([A-Za-z]?)", number).groups()
    return _cardinal(digits) + (f" {letter.lower()}" if letter else "")


def _floors(text: str) -> str:
    def floor(match):
        value = roman_value(match.group(1)) if match.group(1) else int(match.group(2))
        return f"{ordinal(value, _FLOOR[match.group(3)])} {match.group(3)}"
    text = re.sub(rf"\b(?:({ROMAN_NUMERAL})|(\d+)\.)\s+(piętro|piętra|piętrze|piętrem)\b", floor, text)
    # a bare number before a singular form is an ordinal too ("na 2 piętrze"); "2 piętra" may be two floors
    return re.sub(r"(?<![-−])\b()(\d+)\s+(piętro|piętrze|piętrem)\b", floor, text)


def _romans(text: str) -> str:
    """Roman numerals before a noun, agreeing with it: „Muzeum II Wojny Światowej” -> „Muzeum Drugiej Wojny
    Światowej”; after a name: „Jana Pawła II” -> „Jana Pawła Drugiego”."""
    def before_noun(match):
        numeral, noun = match.group(1), match.group(2)
        said = agreeing_ordinal(roman_value(numeral), noun)
        return f"{said.capitalize() if noun[0].isupper() else said} {noun}" if said else match.group(0)
    text = re.sub(rf"(?<![\w.])({ROMAN_NUMERAL})\s+([A-ZŁŚŻŹĆa-ząćęłńóśźż]\w+)", lambda m: before_noun(m) if len(m.group(1)) > 1
                  else m.group(0), text)

    def roman(match):
        previous, numeral = match.group(1), match.group(2)
        form = "gen" if previous.endswith("a") else "nom"
        return f"{previous} {ordinal(roman_value(numeral), form).capitalize()}"
    return re.sub(rf"\b([A-ZŁŚŻŹĆ]\w+)\s+({ROMAN_NUMERAL})\b(?!\w)", lambda m: roman(m) if len(m.group(2)) > 1 or
                  m.group(2) in "IVX" and m.group(2) != "I" else m.group(0), text)


def _abbreviations(text: str) -> str:
    def noun(match):
        preposition, abbreviation, name = match.group(1), match.group(2).lower(), match.group(3)
        case = _CASE_AFTER.get(preposition.lower(), "nom") if preposition else "nom"
        whole = inflect_name(f"{abbreviation} {name}", _MORFEUSZ_CASE[case]) if name and case != "nom" else None
        if whole:  # "przez ul. Nowowiejska" is heard "przez ulicę Nowowiejską"
            return f"{preposition} {whole}"
        word = noun_form(_NOUNS[abbreviation], "sg", _MORFEUSZ_CASE[case])
        if match.group(2)[0].isupper() and not preposition:
            word = word.capitalize()
        return (f"{preposition} {word}" if preposition else word) + (f" {name}" if name else "")

    nouns = "|".join(re.escape(a) for a in sorted(_NOUNS, key=len, reverse=True))
    text = re.sub(rf"(?:\b(\w+)\s+)?(?<!\w)({nouns})(?:\s+([A-ZŁŚŻŹĆ]\w+))?(?=\s|$|[,.;:)])", noun, text,
                  flags=re.IGNORECASE)
    text = re.sub(r"(?<!\w)[Śś]w\.\s+(\w+)", lambda m: ("Świętego" if m.group(1).endswith("a") else
                                                      "Świętej" if m.group(1).endswith(("y", "i")) else "Święty")
                  + f" {m.group(1)}", text)
    phrases = "|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True))
    return re.sub(rf"(?<!\w)({phrases})(?=\s|$|[,;])", lambda m: _PHRASES[m.group(1)], text)


def _day_ranges(text: str) -> str:
    """poniedziałek–piątek -> od poniedziałku do piątku."""
    names = "|".join(_DAYS_GENITIVE)
    return re.sub(rf"\b({names})\s*[–—-]\s*({names})\b",
                  lambda m: f"od {_DAYS_GENITIVE[m.group(1)]} do {_DAYS_GENITIVE[m.group(2)]}", text)


def _dates(text: str) -> str:
    def date(day: str, month: int, year: str | None) -> str:
        spoken_date = f"{ordinal(int(day), 'gen')} {_MONTHS[month - 1]}"
        return spoken_date + (f" {ordinal(int(year), 'gen')} roku" if year else "")

    text = re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", lambda m: date(m.group(3), int(m.group(2)), m.group(1)), text)
    text = re.sub(r"\b(\d{1,2})\.(0?[1-9]|1[0-2])\.(\d{4})\b", lambda m: date(m.group(1), int(m.group(2)), m.group(3)),
                  text)  # 12.05.2024, as Polish texts write dates
    text = re.sub(r"\b\d{4}-(0[1-9]|1[0-2])\b", lambda m: written_date(m.group(0)), text)  # a month: „maj 2023”
    months = "|".join(_MONTHS)
    text = re.sub(rf"\b(\d{{1,2}}) ({months})(?: (\d{{4}})\b)?",
                  lambda m: date(m.group(1), _MONTHS.index(m.group(2)) + 1, m.group(3)), text)
    # a month and its year, 'maj 2023', 'z listopada 2020 r.': the year is an ordinal in the genitive, 'roku'
    return re.sub(rf"\b({months}|{'|'.join(_MONTHS_NOMINATIVE)}) (\d{{4}})(?: (?:roku|r\.)(?!\w))?",
                  lambda m: f"{m.group(1)} {ordinal(int(m.group(2)), 'gen')} roku", text)


_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_SITE = (r"(?:https?://|\b(?=(?:[\w-]+\.)+[a-z]{2,}/)|\b(?=[\w-]+\.(?:[\w-]+\.)*(?:pl|com|org|net|eu|info)"
         r"(?![\w.-]*\w)))(?P<host>[\w-]+(?:\.[\w-]+)+)"
         r"(?P<path>/(?:\S*[^\s.,;:!?)])?)?")  # a full stop after an address ends the sentence
_AS_WRITTEN = rf"{_EMAIL}|{_SITE}|{_ACRONYM}"  # said as written, respelt only for the speech engine


def _web(text: str) -> str:
    def address(value: str) -> str:
        value = re.sub(r"\.pl$", " kropka pe el", value)
        return value.replace("@", " małpa ").replace(".", " kropka ").replace("-", " myślnik ")

    def site(match) -> str:
        """The site, and a path of a few words (pjm/zachodnia-6) too; a path of codes cannot be said usefully."""
        spoken = address(match.group("host").removeprefix("www."))
        path = (match.group("path") or "").strip("/")
        if path and len(path) <= 40 and re.fullmatch(r"[a-ząćęłńóśźż0-9-]+(/[a-ząćęłńóśźż0-9-]+)*", path):
            spoken += "".join(f" ukośnik {address(segment)}" for segment in path.split("/"))
        return spoken
    text = re.sub(_EMAIL, lambda m: address(m.group(0)), text)  # e-mail first
    return re.sub(_SITE, site, text)


_NUMBER_CASE = {"około": "gen", "do": "gen", "od": "gen", "z": "gen", "ze": "gen", "bez": "gen", "ponad": "acc",
                "przez": "acc", "za": "acc", "na": "acc",
                "wysokości": "gen", "szerokości": "gen", "głębokości": "gen", "odległości": "gen"}  # 'na wysokości 90 cm'  # the case of a number after a preposition ("za pięć metrów")


def _counted(match) -> str:
    """A number before its noun, agreeing in case and gender: 'jedno przejście', 'około pięciu minut'."""
    before, number, noun = match.group(1), match.group(2), match.group(3)
    gender = gender_of(noun)
    if gender is None:
        return match.group(0)
    case = _NUMBER_CASE.get((before or "").lower(), "nom")
    return (f"{before} " if before else "") + f"{cardinal(int(number), case, gender)} {noun}"


def _numbers(text: str) -> str:
    text = re.sub(r"(?<![\w-])0\d+\b", lambda m: " ".join(_cardinal(d) for d in m.group(0)), text)  # a stop's post 01
    text = re.sub(r"(?<![\w\d])[-−](?=\d)", "minus ", text)  # a level below ground: poziom -3
    units = "|".join(re.escape(u) for u in _UNITS)
    text = re.sub(rf"\b(\d+),(\d+)\s?({units})(?=\W|$)",
                  lambda m: f"{_cardinal(m.group(1))} przecinek {_cardinal(m.group(2))} {_UNITS[m.group(3)][3]}", text)
    text = re.sub(rf"(?:\b(\w+)\s+)?\b(\d+)\s?({units})(?=\W|$)", _unit, text)
    text = re.sub(r"\b(\d+),(\d+)\b", lambda m: f"{_cardinal(m.group(1))} przecinek {_cardinal(m.group(2))}", text)
    text = re.sub(r"\b(\d+)\.(\d+)\b", lambda m: f"{_cardinal(m.group(1))} kropka {_cardinal(m.group(2))}", text)
    text = re.sub(r"(?:\b(\w+)\s+)?\b(\d+) ([a-ząćęłńóśźż]+)\b", _counted, text)
    return re.sub(r"\b\d+\b", lambda m: _cardinal(m.group(0)), text)


def _unit(match) -> str:
    """A unit symbol written out as its noun in the form the number and the word before ask for: 'ok. 5 min' →
    'około 5 minut'; the number itself is read by _counted."""
    before, number, unit = match.group(1), int(match.group(2)), match.group(3)
    if _NUMBER_CASE.get((before or "").lower()) == "gen":
        noun = noun_form(_UNITS[unit][0], "sg" if number == 1 else "pl", "gen")
    else:
        noun = plural_of(number, dict(zip(("one", "few", "many"), _UNITS[unit])))
    return (f"{before} " if before else "") + f"{number} {noun}"


def _symbols(text: str) -> str:
    text = re.sub(r"(\d)\+", r"\1 plus", text)  # 800+
    for symbol, words in (("≥", " co najmniej "), ("≤", " najwyżej "), (">", " więcej niż "), ("<", " mniej niż "),
                          ("&", " i "), ("+", " plus ")):
        text = text.replace(symbol, words)
    text = re.sub(r"\s*[–—]\s*", ", ", text)
    text = re.sub(r"(?<=\d)-(?=\d)", ", ", text)  # 4-5 (a house-number range) read as „cztery, pięć”
    text = re.sub(r"[„”\"«»]", "", text)
    text = re.sub(r"\s*\(\s*", ", ", text)
    text = re.sub(r"\s*\)", ",", text)
    text = re.sub(r",\s*([,.;:!?])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()


@lru_cache(maxsize=None)  # the audio, the transcript and the e-books say the same texts
def said(text: str) -> str:
    """The Polish text in the words the listener hears, spelt as a reader reads them: numbers, times and dates in
    words, abbreviations expanded, names, acronyms and web addresses as written; PAUSE where a breath is due."""
    return keeping(_AS_WRITTEN, paused(text), _in_words)


def _in_words(text: str) -> str:
    text = _abbreviations(text)
    text = _dates(text)
    text = _day_ranges(text)
    text = _times(text)
    text = _phones(text)
    text = _floors(text)
    text = _romans(text)
    text = _addresses(text)
    text = _symbols(text)
    return _numbers(text)


def pronounced(text: str) -> str:
    """A said() text spelt for the speech engine: acronyms as they sound („Dejzi”), web and e-mail addresses
    sign by sign („kropka pe el”)."""
    text = re.sub(_ACRONYM, lambda m: _ACRONYMS[m.group(1)], _web(text))
    return _numbers(text)  # the digits of an address


def spoken(text: str) -> str:
    """The Polish text as the speech engine says it to the listener."""
    return pronounced(said(text))
