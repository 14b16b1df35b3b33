"""Field checkers in the style of MkDocs' config options: each says "Expected X but received Y".

A checker converts a raw YAML or GeoJSON value into a model value, or records a Problem at a
Where and returns INVALID. Nothing here raises; the caller collects every problem first.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from ..errors import Problem
from .model import DAYS, EasyText, Fact, Hours, Texts as TextsByLanguage
from .text import undrawable_characters, unsafe_character
from .yamlfile import line_of

INVALID = object()


@dataclass
class Where:
    """Where a value sits: file, field path or feature id, and line; collects problems."""

    file: str
    where: str
    line: int | None
    problems: list

    def child(self, key, container=None) -> "Where":
        sep = "" if isinstance(key, int) else "."
        label = f"[{key}]" if isinstance(key, int) else str(key)
        where = f"{self.where}{sep}{label}" if self.where else label
        line = line_of(container, key) if container is not None else self.line
        return Where(self.file, where, line or self.line, self.problems)

    def report(self, message: str, fix: str) -> object:
        self.problems.append(Problem(self.file, self.where, message, fix, self.line))
        return INVALID


def shown(value) -> str:
    """A short rendering of a received value for error messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a block of keys"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…'"


_TAG = re.compile(r"<[^>]*>|<")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def safe_text(value: str, at: Where) -> bool:
    """Report a character no text may hold, or one the guide's fonts cannot print; True when there is none."""
    unsafe = unsafe_character(value)
    if unsafe:
        position, what = unsafe
        at.report(f"Expected printable text but received {what} at character {position + 1} of {shown(value)}",
                  "Retype the text around that place (it often comes from copying out of a PDF or a web page); "
                  "in YAML, do not write \\x, \\u or \\U escapes.")
        return False
    missing = undrawable_characters(value)
    if missing:
        at.report(f"Expected characters the guide's font (DejaVu Sans) can print and screen readers can read but received {', '.join(missing)}",
                  "Replace them with words (an emoji or a rare symbol would vanish from the printed guide).")
        return False
    return True


class Checker:
    """Base class: check(value, at) returns the converted value or INVALID."""

    expected = "a value"
    fix = "Correct the value."

    def check(self, value, at: Where):
        raise NotImplementedError

    def wrong(self, value, at: Where, fix: str | None = None):
        return at.report(f"Expected {self.expected} but received {shown(value)}", fix or self.fix)


class PlainText(Checker):
    """Plain text: no markup tags, HTML entities or straight double quotes."""

    expected = "plain text"

    def __init__(self, *, max_length: int = 4000):
        self.max_length = max_length

    def check(self, value, at):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            return self.wrong(value, at, "Write the text in quotes after the colon.")
        if not safe_text(value, at):
            return INVALID
        value = " ".join(value.split())
        if _TAG.search(value):
            return at.report(f"Expected plain text but received markup {shown(_TAG.search(value).group(0))}",
                             "Remove the '<' and '>' characters; write plain words (formatting comes from the editions).")
        if _ENTITY.search(value):
            entity = _ENTITY.search(value).group(0)
            return at.report(f"Expected plain text but received the HTML entity {shown(entity)}",
                             "Type the character itself instead of the entity (for example & instead of &amp;).")
        if '"' in value:
            return at.report(f"Expected Polish quotation marks „…” but received straight quotes in {shown(value)}",
                             "Write „Promyk” (opening „ low, closing ” high) instead of \"Promyk\".")
        if len(value) > self.max_length:
            return at.report(f"Expected at most {self.max_length} characters but received {len(value)}",
                             "Shorten the text or split it into several fields.")
        return value


class Texts(Checker):
    """A text per language: a plain string (the guide's first language) or {pl: …, uk: …}. The first language is
    required; the others come from here or from the guide's translation catalogs (guide.data.translations)."""

    expected = "a text, or a block of texts per language (pl:, uk:, en:)"

    def __init__(self, languages, *, max_length: int = 4000):
        self.languages = tuple(languages)
        self.plain = PlainText(max_length=max_length)

    def check(self, value, at):
        if isinstance(value, str):
            value = {self.languages[0]: value}
        if not isinstance(value, dict):
            return self.wrong(value, at, "Write the text after the colon, or one line per language such as 'pl: …'.")
        texts = TextsByLanguage(file=at.file, where=at.where, line=at.line)
        for lang, text in value.items():
            if lang not in self.languages:
                at.child(lang, value).report(
                    f"Expected one of the guide's languages ({', '.join(self.languages)}) but received {shown(lang)}",
                    "Use a language listed under 'languages' in guide.yaml, or add the language there.")
                continue
            checked = self.plain.check(text, at.child(lang, value))
            if checked is not INVALID:
                texts[lang] = checked
        first = self.languages[0]
        if first not in value:
            at.report(f"Expected a text in language '{first}' (the guide's first language) but received none",
                      f"Add a line '{first}: …' with the text in that language; the guide's other languages are "
                      f"translated from it.")
        return texts


class EasyTexts(Texts):
    """An easy-read text per language; remembers where it is written so the easy-read checker can point there."""

    def check(self, value, at):
        texts = super().check(value, at)
        return texts if texts is INVALID else EasyText(texts, at.file, at.where, at.line)


class Integer(Checker):
    def __init__(self, minimum: int, maximum: int, unit: str = ""):
        self.minimum, self.maximum, self.unit = minimum, maximum, unit
        unit_text = f" {unit}" if unit else ""
        self.expected = f"a whole number from {minimum} to {maximum}{unit_text}"
        self.fix = f"Write a whole number between {minimum} and {maximum}{unit_text}, or leave the field out if unknown."

    def check(self, value, at):
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                return self.wrong(value, at)
        if not self.minimum <= value <= self.maximum:
            return self.wrong(value, at)
        return value


class IntegerOrTrue(Integer):
    """A count, or true when there are some but nobody counted them (steps: true); false is 0."""

    def __init__(self, minimum: int, maximum: int, unit: str, true_means: str):
        super().__init__(minimum, maximum, unit)
        self.expected += f", or true ({true_means})"
        self.fix = f"Write a whole number between {minimum} and {maximum} {unit}, true ({true_means}), or leave the " \
                   "field out if unknown."

    def check(self, value, at):
        if isinstance(value, bool):
            return True if value else 0
        return super().check(value, at)


class Number(Checker):
    def __init__(self, minimum: float, maximum: float, unit: str = ""):
        self.minimum, self.maximum, self.unit = minimum, maximum, unit
        unit_text = f" {unit}" if unit else ""
        self.expected = f"a number from {minimum:g} to {maximum:g}{unit_text}"
        self.fix = f"Write a number between {minimum:g} and {maximum:g}{unit_text} (decimal point, not comma), " \
                   "or leave the field out if unknown."

    def check(self, value, at):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            return self.wrong(value, at)
        if not self.minimum <= value <= self.maximum:
            return self.wrong(value, at)
        return float(value)


class Boolean(Checker):
    expected = "true or false"
    fix = "Write true or false, or leave the field out if unknown."

    def check(self, value, at):
        return value if isinstance(value, bool) else self.wrong(value, at)


class BooleanOr(Checker):
    """true or false, or one of the words that say how (sign_language: remote)."""

    def __init__(self, words):
        self.words = tuple(words)
        self.expected = "true, false or one of " + ", ".join(self.words)

    def check(self, value, at):
        if isinstance(value, bool) or value in self.words:
            return value
        return self.wrong(value, at, f"Write true, false or one of: {', '.join(self.words)}.")


class Choice(Checker):
    def __init__(self, choices, *, why: str = ""):
        self.choices = tuple(choices)
        self.expected = "one of " + ", ".join(self.choices) + why  # why: what the choices are, e.g. " (…)"

    def check(self, value, at):
        if value in self.choices:
            return value
        close = difflib.get_close_matches(str(value), self.choices, n=1)
        hint = f"Did you mean '{close[0]}'? " if close else ""
        return self.wrong(value, at, f"{hint}Use one of: {', '.join(self.choices)}.")


class Identifier(Checker):
    expected = "an id of lowercase letters, digits and hyphens (like 'strzegomska-6')"
    fix = "Use only a-z, 0-9 and '-', for example 'strzegomska-6-b'."
    pattern = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")

    def check(self, value, at):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        return value if isinstance(value, str) and self.pattern.match(value) else self.wrong(value, at)


class WebAddress(Checker):
    """An address a reader can open: http:// or https://, a host with a dot, no spaces."""

    expected = "a web address like https://example.org/page"
    fix = "Copy the whole address from the browser's address bar, beginning with https://."

    def check(self, value, at):
        from urllib.parse import urlsplit

        if not isinstance(value, str) or any(ch.isspace() for ch in value.strip()):
            return self.wrong(value, at)
        value = value.strip()
        try:
            parts = urlsplit(value)
            port_ok = parts.port is None or parts.port > 0
        except ValueError:
            return self.wrong(value, at)
        if parts.scheme not in ("http", "https") or "." not in (parts.hostname or "") or not port_ok:
            return self.wrong(value, at)
        return value if safe_text(value, at) else INVALID


class IsoDate(Checker):
    expected = "a date like 2024-05-31 (or 2024-05, or 2024)"
    fix = "Write the date as year-month-day, for example 2024-05-31; use null if it was never checked."
    pattern = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

    def check(self, value, at):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        match = self.pattern.match(value) if isinstance(value, str) else None
        if not match:
            return self.wrong(value, at)
        year, month, day = (int(g) if g else None for g in match.groups())
        if not 1990 <= year <= 2100 or (month and not 1 <= month <= 12) or (day and not 1 <= day <= _days_in(year, month)):
            return self.wrong(value, at)
        return value


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class PhoneNumber(Checker):
    expected = "a 9-digit Polish phone number like '71 78 22 300'"
    fix = "Write the 9 digits in groups, without +48, for example '71 78 22 300'."

    def check(self, value, at):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return self.wrong(value, at)
        digits = re.sub(r"[\s-]", "", value)
        if digits.startswith("+48"):
            digits = digits[3:]
        if not re.fullmatch(r"\d{9}", digits):
            return self.wrong(value, at)
        written = " ".join(value.replace("+48", "").split())
        # nine digits in a row are read as one huge number: written in three groups, they are read group by group
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if written == digits else written


class Email(Checker):
    expected = "an e-mail address like 'sekretariat@mops.wroclaw.pl'"
    fix = "Write the address without spaces or 'mailto:'."

    def check(self, value, at):
        ok = isinstance(value, str) and re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}", value)
        if not ok:
            return self.wrong(value, at)
        return value if safe_text(value, at) else INVALID


class OpeningHours(Checker):
    """OpenStreetMap opening_hours subset: 'Mo-We,Fr 08:00-15:00; Th 08:00-16:30'."""

    expected = "opening hours like 'Mo-Fr 07:30-15:30; Th 08:00-16:30'"
    fix = ("Use two-letter days (Mo Tu We Th Fr Sa Su), ranges with '-', several days with ',', "
           "times as HH:MM-HH:MM, and ';' between rules.")
    _rule = re.compile(r"^\s*([A-Za-z ,\-]+?)\s+((?:\d{2}:\d{2}-\d{2}:\d{2})(?:\s*,\s*\d{2}:\d{2}-\d{2}:\d{2})*|off)\s*$")

    def check(self, value, at):
        if not isinstance(value, str):
            return self.wrong(value, at)
        days: dict = {}
        for rule in value.split(";"):
            match = self._rule.match(rule)
            selected = self._days(match.group(1)) if match else None
            if not selected:
                return self.wrong(value, at)
            if match.group(2) == "off":
                for day in selected:
                    days.pop(day, None)
                continue
            spans = []
            for span in match.group(2).split(","):
                opens, closes = (part.strip() for part in span.split("-"))
                if not (_valid_time(opens) and _valid_time(closes)) or opens >= closes:
                    return at.report(f"Expected a time span that opens before it closes (00:00–24:00) but received "
                                     f"{shown(span.strip())}", self.fix)
                spans.append((opens, closes))
            for day in selected:
                days[day] = tuple(spans)
        return Hours(spec=value.strip(), days={d: days[d] for d in DAYS if d in days})

    @staticmethod
    def _days(text: str):
        selected = []
        for part in text.replace(" ", "").split(","):
            ends = part.split("-")
            if len(ends) > 2 or any(e not in DAYS for e in ends):
                return None
            first, last = DAYS.index(ends[0]), DAYS.index(ends[-1])
            if last < first:
                return None
            selected.extend(DAYS[first:last + 1])
        return selected


def _valid_time(text: str) -> bool:
    hours, minutes = int(text[:2]), int(text[3:])
    return (hours < 24 and minutes < 60) or text == "24:00"


class ListOf(Checker):
    def __init__(self, item: Checker, *, min_items: int = 0):
        self.item = item
        self.min_items = min_items
        self.expected = f"a list of {item.expected}"

    def check(self, value, at):
        if not isinstance(value, list):
            return self.wrong(value, at, "Write each item on its own line starting with '- '.")
        if len(value) < self.min_items:
            return at.report(f"Expected at least {self.min_items} item(s) but received {len(value)}",
                             "Add the missing items.")
        results = [self.item.check(item, at.child(i, value)) for i, item in enumerate(value)]
        return [r for r in results if r is not INVALID]


def check_block(data, fields: dict, at: Where, *, required=(), allow_extra=()) -> dict | None:
    """Check a YAML block: unknown keys, missing keys, then each field. Returns valid values."""
    if not isinstance(data, dict):
        at.report(f"Expected a block of keys ({', '.join(list(fields)[:4])}, …) but received {shown(data)}",
                  "Indent the keys under this line, one 'key: value' per line.")
        return None
    values = {}
    for key, value in data.items():
        if key in allow_extra:
            continue
        if key not in fields:
            close = difflib.get_close_matches(str(key), list(fields), n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            at.child(key, data).report(f"Expected one of the known keys but received the unknown key {shown(key)}",
                                       f"{hint}Known keys here: {', '.join(fields)}.")
            continue
        if value is None and key not in required:
            continue  # an explicit null is the same as leaving the field out: unknown
        checked = fields[key].check(value, at.child(key, data))
        if checked is not INVALID:
            values[key] = checked
    for key in required:
        if key not in data:
            at.report(f"Expected the required key '{key}' but received none",
                      f"Add a line '{key}: …' ({fields[key].expected}).")
    return values


FACT_META = ("value", "source", "verified", "note", "easy_read")


def check_facts(data, fields: dict, at: Where, languages) -> dict:
    """Check a block of facts; each fact is a bare value, {value, source, verified, note, easy_read}, or a list of
    such blocks when sources disagree (see Fact.sources).

    'source' and 'verified' given on the block apply to every fact in it that has none of its own.
    Every fact must end up with a source; 'verified' may be null (never checked on site).
    """
    if not isinstance(data, dict):
        at.report(f"Expected a block of facts but received {shown(data)}", "Indent 'key: value' lines under this line.")
        return {}
    meta = {"source": PlainText(max_length=300), "verified": IsoDate()}
    block_source = meta["source"].check(data["source"], at.child("source", data)) if data.get("source") is not None else None
    block_verified = meta["verified"].check(data["verified"], at.child("verified", data)) if data.get("verified") is not None else None
    facts = {}
    for key, raw in data.items():
        if key in ("source", "verified"):
            continue
        place = at.child(key, data)
        if key not in fields:
            close = difflib.get_close_matches(str(key), list(fields), n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            place.report(f"Expected one of the known facts but received the unknown key {shown(key)}",
                         f"{hint}Known facts here: {', '.join(fields)}.")
            continue
        if isinstance(raw, list):
            fact = _sourced_fact(raw, fields[key], place, languages)
        else:
            fact = _fact(raw, fields[key], place, (block_source, block_verified), languages)
        if fact is not None and fact is not INVALID:
            facts[key] = replace(fact, line=place.line)
    return facts


def _fact(raw, checker: Checker, place: Where, inherited: tuple, languages, *, in_list: bool = False):
    """One fact from a bare value or a fact block; None when it is empty (unknown), INVALID after a problem.
    inherited: the source and check date of the block around it."""
    source, verified = inherited
    note, easy = {}, None
    if isinstance(raw, dict):
        extra = [k for k in raw if k not in FACT_META]
        if extra:
            comma = raw[extra[0]] is None  # {source: pomiar, 2024}: the comma began a key "2024" with no value
            return place.child(extra[0], raw).report(
                f"Expected value, source, verified, note or easy_read but received {shown(extra[0])}"
                + (", which a comma inside { … } made into a key" if comma else ""),
                "Put a text that has a comma in quotes, for example source: 'pomiar, 2024'." if comma
                else "A fact block holds only value, source, verified, note and easy_read.")
        if in_list and any(raw.get(k) is None for k in ("value", "source")):
            missing = next(k for k in ("value", "source") if raw.get(k) is None)
            return place.report(f"Expected {missing}: in each fact block of the list but received none",
                                "Give each source its own block: - {value: 3, source: deklaracja 2023, "
                                "verified: 2023-05}.")
        if "source" in raw:
            source = PlainText(max_length=300).check(raw["source"], place.child("source", raw))
        if raw.get("verified") is not None:
            verified = IsoDate().check(raw["verified"], place.child("verified", raw))
        elif "verified" in raw:
            verified = None
        if "note" in raw:
            note = Texts(languages).check(raw["note"], place.child("note", raw))
        if raw.get("easy_read") is not None:
            easy = EasyTexts(languages).check(raw["easy_read"], place.child("easy_read", raw))
        raw = raw.get("value")
    elif in_list:
        return place.report(f"Expected a fact block with value: and source: but received {shown(raw)}",
                            "Give each source its own block: - {value: 3, source: deklaracja 2023, verified: 2023-05}.")
    if raw is None:
        return None  # an empty fact (steps: with nothing after it) is the same as leaving it out: unknown
    value = checker.check(raw, place)
    if INVALID in (value, source, verified, note, easy):
        return INVALID
    if not source:
        return place.report("Expected a source for this fact but received none",
                            "Add 'source: …' (where the fact comes from) to the fact or to its block.")
    return Fact(value, source, verified, note, easy)


def _sourced_fact(items: list, checker: Checker, place: Where, languages):
    """A fact written as a list of fact blocks, one per source: every block, newest first; disputed (value None)
    when their values differ."""
    if not items:
        return place.report("Expected a list of at least one fact block but received an empty list",
                            "Give each source its own block: - {value: 3, source: deklaracja 2023, verified: 2023-05}, "
                            "or leave the fact out if unknown.")
    found = [_fact(item, checker, place.child(i, items), (None, None), languages, in_list=True)
             for i, item in enumerate(items)]
    if any(f is INVALID or f is None for f in found):
        return INVALID
    found.sort(key=lambda f: _age(f.verified))
    fact = replace(found[0], sources=tuple(found))
    return replace(fact, value=None) if fact.disputed else fact


def _age(verified: str | None) -> tuple:
    """Sorts facts newest first, never checked last: ('2023-05' before '2023' before '2021-12-31' before None)."""
    if verified is None:
        return (1, 0, 0, 0)
    parts = [int(p) for p in verified.split("-")] + [0, 0]
    return (0, -parts[0], -parts[1], -parts[2])
