"""English text normalised for speech by espeak-ng's en-gb voice (standard AU-02): what the listener should
hear, written out, with no digits and no abbreviations left.

- Names of the data (original() passages) are kept as they are, marked: the Polish voice says them.
- Times are said with the part of the day, as British listeners say them: "7:30" → "seven thirty in the
  morning", "15:00" → "three in the afternoon", "7:30–15:30" → "from seven thirty in the morning to three
  thirty in the afternoon". espeak-ng reads "a m" with the article's schwa, "am" as the verb, and "15:00" as
  "fifteen hundred" is not what a British listener expects.
- Phone numbers are read digit by digit, group by group: "71 78 22 300" → "seven one, seven eight, two two,
  three zero zero".
- House numbers: "9A" → "nine A"; "6/8" → "six stroke eight", the British spoken form of the oblique: it
  keeps the sign's form without guessing whether the address is two house numbers or a house and a flat.
- "St." is "Street" after a name and "Saint" before one (espeak-ng says "saint" for both); other
  abbreviations, units (cm, m, %) and symbols (–, /, +) are written out; years are said as years
  ("twenty twenty-six"), dates the British way ("the twenty-third of November twenty twenty-six").
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel.dates import get_month_names
from num2words import num2words

from .. import ROMAN_NUMERAL, keeping, paused, roman_value
from ...data.text import ORIGINAL_END, ORIGINAL_START

__all__ = ["said", "pronounced", "spoken", "ordinal"]

_MONTHS = tuple(get_month_names("wide", locale="en_GB")[m] for m in range(1, 13))
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_PHRASES = {"e.g.": "for example", "i.e.": "that is", "etc.": "and so on", "approx.": "about", "ca.": "about",
            "incl.": "including", "tel.": "phone", "Tel.": "Phone", "dept.": "department", "Dept.": "Department"}
_TITLES = {"Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Dr": "Doctor"}  # before a name, with or without a dot
_STREET_WORDS = {"St": ("Street", "Saint"), "Rd": ("Road", None), "Ave": ("Avenue", None), "Sq": ("Square", None)}
_ACRONYMS = {"PJM": "P J M", "MP3": "M P three", "PDF": "P D F", "QR": "Q R", "DAISY": "Daisy", "UA": "U A",
             "A5": "A five", "ID3": "I D three", "DejaVu": "Deja Vu", "PDF/UA-1": "P D F U A one"}  # respelt
_ACRONYM = rf"\b({'|'.join(map(re.escape, sorted(_ACRONYMS, key=len, reverse=True)))})\b"
_UNITS = {"cm": ("centimetre", "centimetres"), "mm": ("millimetre", "millimetres"), "km": ("kilometre", "kilometres"),
          "m": ("metre", "metres"), "min": ("minute", "minutes"), "mins": ("minute", "minutes"),
          "hr": ("hour", "hours"), "hrs": ("hour", "hours"), "%": ("per cent", "per cent")}
_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_NAME = re.compile(f"{ORIGINAL_START}.*?{ORIGINAL_END}", re.S)


def _cardinal(number: int | str) -> str:
    return num2words(int(number), lang="en")


def ordinal(number: int, form: str = "nom") -> str:
    """An English ordinal in words: 3 → 'third', 21 → 'twenty-first'. form: as the Polish pack's, for the same
    signature (English ordinals do not change with case)."""
    return num2words(number, lang="en", to="ordinal")


def _year(year: str) -> str:
    return num2words(int(year), lang="en", to="year")


def _digits(group: str) -> str:
    return " ".join(_DIGITS[int(d)] for d in group)


def _clock(hours: str, minutes: str, *, period: bool = True) -> str:
    """A time of day with the part of the day: 'seven thirty in the morning', 'twelve noon', 'midnight'."""
    hour, minute = int(hours), int(minutes)
    if hour % 24 == 0 and minute == 0:
        return "midnight"
    if hour == 12 and minute == 0:
        return "twelve noon"
    said = _cardinal((hour - 1) % 12 + 1) + ("" if minute == 0 else f" oh {_cardinal(minute)}" if minute < 10 else
                                              f" {_cardinal(minute)}")
    return said + (f" {_period(hour)}" if period else "")


def _period(hour: int) -> str:
    return "at night" if hour in (0, 24) else "in the morning" if hour < 12 else "in the afternoon" if hour < 18 \
        else "in the evening"


_TIME = r"([01]?\d|2[0-4])[:.]([0-5]\d)"


def _times(text: str) -> str:
    def time_range(match):
        start_hour, end_hour = int(match.group(2)), int(match.group(4))
        special = {(0, 0), (12, 0), (24, 0)}
        same = (start_hour, int(match.group(3))) not in special and (end_hour, int(match.group(5))) not in special \
            and start_hour < end_hour and _period(start_hour) == _period(end_hour)  # 'from eight to eleven in the morning'
        start = _clock(match.group(2), match.group(3), period=not same)
        if int(match.group(2)) == int(match.group(3)) == 0 and end_hour == 24:
            return f"{match.group(1) or ''}round the clock"
        return f"{match.group(1) or 'from '}{start} to {_clock(match.group(4), match.group(5))}"

    text = re.sub(rf"(\b[Ff]rom\s+)?\b{_TIME}\s*[\u2013\u2014-]\s*{_TIME}\b", time_range, text)
    text = re.sub(r"\b(\d{1,2})(?::([0-5]\d))?\s?([ap])m\b",
                  lambda m: _clock(str(int(m.group(1)) % 12 + (12 if m.group(3) == "p" else 0)), m.group(2) or "00"),
                  text)  # 8am, 4:30pm, as the easy-read edition writes times
    text = re.sub(r"\b12 noon\b", "twelve noon", text)
    return re.sub(r"\b([01]?\d|2[0-4]):([0-5]\d)\b", lambda m: _clock(m.group(1), m.group(2)), text)


def _phones(text: str) -> str:
    """Nine-digit numbers written in groups, read digit by digit, group by group: 71 78 22 300."""
    def read(match):
        whole = match.group(0)
        groups = re.split(r"[ -]", whole.replace("+48", "").strip())
        prefix = "plus four eight, " if whole.startswith("+48") else ""
        return prefix + ", ".join(_digits(g) for g in groups)

    return re.sub(r"(?:\+48 ?)?(?<![\d/])\d{2,3}(?:[ -]\d{2,3}){2,3}(?![\d/])",
                  lambda m: read(m) if len(re.sub(r"\D", "", m.group(0).replace("+48", ""))) == 9 else m.group(0),
                  text)


def _addresses(text: str) -> str:
    text = re.sub(r"\b(\d{2})-(\d{3})\b", lambda m: f"{_digits(m.group(1))}, {_digits(m.group(2))}", text)  # postcode
    text = re.sub(r"\b\d+[A-Za-z]?(?:/\d+[A-Za-z]?)+\b",
                  lambda m: " stroke ".join(_house(part) for part in m.group(0).split("/")), text)
    return re.sub(r"\b(\d+)([A-Za-z])\b", lambda m: _house(m.group(0)) if m.group(2) not in "mM" else m.group(0),
                  text)


def _house(number: str) -> str:
    digits, letter = re.fullmatch(r"(\d+)([A-Za-z]?)", number).groups()
    return _cardinal(digits) + (f" {letter.upper()}" if letter else "")


def _street_word(match) -> str:
    """'St.' after a name is Street ('Oxford St.'), before one Saint ('St. Mary's'); after a sentence's first word
    and before a name ('Visit St. Mary's') Saint again. Rd., Ave., Sq. are only ever after a name."""
    before, word, after = (match.group(name) or "" for name in ("before", "word", "after"))
    after_name, before_name = _STREET_WORDS[word]
    name_before = bool(before) and (before[0].isupper() or ORIGINAL_START <= before[0] <= "\uf8ff")
    if before_name and after and after[0].isupper() and not (name_before and match.start("before") > 0):
        said = before_name
    elif name_before:
        said = after_name + ("." if not after and match.group("dot") and match.end() == len(match.string) else "")
    else:
        return match.group(0)
    return f"{before}{match.group('space') or ''}{said}{match.group('gap')}{after}"


def _abbreviations(text: str) -> str:
    words = "|".join(_STREET_WORDS)
    text = re.sub(rf"(?:(?P<before>[\w{ORIGINAL_START}-\uf8ff]+)(?P<space>\s+)|(?<!\w))(?P<word>{words})(?P<dot>\.?)"
                  r"(?![\w])(?P<gap>\s*)(?P<after>[A-Z]\w*)?", _street_word, text)
    titles = "|".join(_TITLES)
    text = re.sub(rf"\b({titles})\.?\s+(?=[A-Z])", lambda m: f"{_TITLES[m.group(1)]} ", text)
    text = re.sub(r"(?<!\w)(?:[Nn]o\.|[Nn]r\.?)\s*(?=\d)", lambda m: ("Number" if m.group(0)[0].isupper() else "number")
                  + " ", text)
    phrases = "|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True))
    text = re.sub(rf"(?<!\w)({phrases})(?=\s|$|[,;)])", lambda m: _PHRASES[m.group(1)], text)
    text = re.sub(r"\band so on(?=\s*$)", "and so on.", text) if text.rstrip().endswith("and so on") else text
    text = re.sub(r"\bWWII\b", "World War Two", text)
    text = re.sub(r"\bWorld War (I{1,2})\b", lambda m: f"World War {_cardinal(len(m.group(1)))}".replace("War o", "War O")
                  .replace("War t", "War T"), text)
    # a Roman numeral after a name is the name's ordinal: 'John Paul II' -> 'John Paul the Second'
    return re.sub(rf"\b([A-Z][a-z]+)\s+({ROMAN_NUMERAL})\b(?![\w.])",
                  lambda m: f"{m.group(1)} the {ordinal(roman_value(m.group(2))).capitalize()}"
                  if len(m.group(2)) > 1 or m.group(2) in "VX" else m.group(0), text)


def _dates(text: str) -> str:
    def date(day: str, month: int, year: str | None) -> str:
        return f"the {ordinal(int(day))} of {_MONTHS[month - 1]}" + (f" {_year(year)}" if year else "")

    text = re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", lambda m: date(m.group(3), int(m.group(2)), m.group(1)), text)
    text = re.sub(r"\b(\d{1,2})[./](0?[1-9]|1[0-2])[./](\d{4})\b",
                  lambda m: date(m.group(1), int(m.group(2)), m.group(3)), text)  # 12.05.2024, 12/05/2024
    text = re.sub(r"\b(\d{4})-(0[1-9]|1[0-2])\b", lambda m: f"{_MONTHS[int(m.group(2)) - 1]} {_year(m.group(1))}",
                  text)
    months = "|".join(_MONTHS)
    text = re.sub(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({months})(?: (\d{{4}})\b)?",
                  lambda m: date(m.group(1), _MONTHS.index(m.group(2)) + 1, m.group(3)), text)
    text = re.sub(rf"\b({months}) (\d{{4}})\b", lambda m: f"{m.group(1)} {_year(m.group(2))}", text)
    text = re.sub(r"\b(1[89]\d\d|20\d\d)\s*[\u2013\u2014-]\s*(1[89]\d\d|20\d\d)\b",
                  lambda m: f"{_year(m.group(1))} to {_year(m.group(2))}", text)
    # a year alone, or a range of years: 2021, (2021–2025); not a count of something ('2000 metres')
    return re.sub(r"(?<![\d.,])\b(1[89]\d\d|20\d\d)\b(?!\s*(?:[a-z%]|\d))", lambda m: _year(m.group(1)), text)


def _numbers(text: str) -> str:
    text = re.sub(r"\b(\d{1,3}(?:,\d{3})+)\b", lambda m: m.group(1).replace(",", ""), text)  # 1,250
    text = re.sub(r"(?<![\w-])0\d+\b", lambda m: _digits(m.group(0)), text)  # a stop's post, 01
    text = re.sub(r"(?<![\w\d])[-\u2212](?=\d)", "minus ", text)  # a level below ground: level -1
    text = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", lambda m: ordinal(int(m.group(1))), text)
    units = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
    text = re.sub(rf"\b(\d+(?:\.\d+)?)\s?({units})(?=\W|$)", _unit, text)
    text = re.sub(r"\b(\d+)\.(\d+)\b", lambda m: f"{_cardinal(m.group(1))} point {_digits(m.group(2))}", text)
    return re.sub(r"\b\d+\b", lambda m: _cardinal(m.group(0)), text)


def _unit(match) -> str:
    """A number and its unit symbol: '1 cm' → 'one centimetre', '1.5 m' → 'one point five metres'."""
    number, unit = match.group(1), match.group(2)
    one, many = _UNITS[unit]
    whole, _, fraction = number.partition(".")
    said = _cardinal(whole) + (f" point {_digits(fraction)}" if fraction else "")
    return f"{said} {one if number == '1' else many}"


def _symbols(text: str) -> str:
    text = re.sub(r"(\d)\s*\+", r"\1 plus", text)  # 800+
    for symbol, words in (("\u2265", " at least "), ("\u2264", " at most "), (">", " more than "),
                          ("<", " less than "), ("&", " and "), ("+", " plus "), ("\u00d7", " times "),
                          ("=", " equals "), ("%", " per cent")):
        text = text.replace(symbol, words)
    text = re.sub(r"(?<=\d)\s*[\u2013\u2014-]\s*(?=\d)", " to ", text)  # 4–5, 2021–2025
    text = re.sub(rf"\b({_DAYS})\s*[\u2013\u2014-]\s*({_DAYS})\b", r"\1 to \2", text)  # Monday–Friday
    text = re.sub(r"\s*[\u2013\u2014]\s*", ", ", text)
    text = re.sub(r"(?<=[a-z])/(?=[a-z])", " or ", text)  # and/or
    text = re.sub(r"(?<=[A-Z])/(?=[A-Z])|(?<=[A-Za-z])-(?=\d)", " ", text)  # PDF/UA-1
    text = re.sub(r"[\u201c\u201d\u201e\"\u00ab\u00bb]", "", text)
    text = re.sub(r"\s*\(\s*", ", ", text)
    text = re.sub(r"\s*\)", ",", text)
    text = re.sub(r"^,\s*", "", text)
    text = re.sub(r",\s*([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*$", "", text)
    return re.sub(r"\s{2,}", " ", text).strip()


_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_SITE = (r"(?:https?://|\b(?=(?:[\w-]+\.)+[a-z]{2,}/)|\b(?=[\w-]+\.(?:[\w-]+\.)*(?:pl|com|org|net|eu|info|uk)"
         r"(?![\w.-]*\w)))(?P<host>[\w-]+(?:\.[\w-]+)+)"
         r"(?P<path>/(?:\S*[^\s.,;:!?)])?)?")  # a full stop after an address ends the sentence
_AS_WRITTEN = rf"{_EMAIL}|{_SITE}|{_ACRONYM}"  # said as written, respelt only for the speech engine


def _web(text: str) -> str:
    def address(value: str) -> str:
        value = re.sub(r"\.(pl|eu|uk)\b", lambda m: " dot " + " ".join(m.group(1).upper()), value)
        return value.replace("@", " at ").replace(".", " dot ").replace("-", " dash ").replace("_", " underscore ")

    def site(match) -> str:
        """The site, and a path of a few words (pjm/office-6) too; a path of codes cannot be said usefully."""
        said = address(match.group("host").removeprefix("www."))
        path = (match.group("path") or "").strip("/")
        if path and len(path) <= 40 and re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*", path):
            said += "".join(f" slash {address(segment)}" for segment in path.split("/"))
        return said
    text = re.sub(_EMAIL, lambda m: address(m.group(0)), text)  # e-mail first
    return re.sub(_SITE, site, text)


def _in_words(text: str) -> str:
    text = _abbreviations(text)
    text = _dates(text)
    text = _times(text)
    text = _phones(text)
    text = _addresses(text)
    text = _symbols(text)
    return _numbers(text)


@lru_cache(maxsize=None)  # the audio, the transcript and the e-books say the same texts
def said(text: str) -> str:
    """The English text in the words the listener hears, spelt as a reader reads them: numbers, times and dates in
    words, abbreviations expanded, acronyms and web addresses as written, every original() passage kept as it is,
    marks and all; PAUSE where a breath is due."""
    return keeping(_NAME, text, lambda rest: keeping(_AS_WRITTEN, paused(rest), _in_words))


def pronounced(text: str) -> str:
    """A said() text spelt for the speech engine: acronyms as they sound ('M P three'), web and e-mail addresses
    sign by sign ('dot P L'); original() passages kept."""
    return keeping(_NAME, text, lambda rest: _numbers(re.sub(_ACRONYM, lambda m: _ACRONYMS[m.group(1)], _web(rest))))


def spoken(text: str) -> str:
    """The English text as the speech engine says it to the listener; every original() passage kept as it is."""
    return pronounced(said(text))
