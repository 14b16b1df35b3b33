"""Which characters a guide's text may hold: those that are safe in every format and that the fonts can draw.

A text reaches PDFs, XML (DAISY, HTML), speech and the terminal. Control characters, NUL, lone
surrogates, Unicode non-characters and bidirectional overrides break XML or hide what a text
says; characters the embedded fonts cannot draw (emoji) would silently vanish from the PDFs.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from ..media import FONT_FILES

__all__ = ["unsafe_character", "undrawable_characters", "terminal_safe", "original", "spans", "plain", "remarked", "PAUSE"]

# A passage in the guide's original language (its first: the language of the data's names) inside a text of
# another language: a street, stop or place name, or a text not yet translated. Editions tag it (a PDF Span with
# /Lang, another voice in the recording); everything else shows it without the marks. Data may not hold the marks.
ORIGINAL_START, ORIGINAL_END = "\ue000", "\ue001"
PAUSE = "\ue002"  # where the listener hears a pause: between phone numbers, between items said in one sentence
_ORIGINAL = re.compile(f"{ORIGINAL_START}(.*?){ORIGINAL_END}", re.S)

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000\ue001\ue002\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069]"
                     "|[\ufffe\uffff\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff"
                     "\U000ffffe\U000fffff\U0010fffe\U0010ffff]")
_KINDS = {"Cc": "a control character", "Cs": "a lone surrogate (half of a broken character)",
          "Cn": "a Unicode non-character", "Co": "a private-use character"}


def _name(char: str) -> str:
    return f"U+{ord(char):04X}" + (f" {unicodedata.name(char)}" if unicodedata.name(char, "") else "")


def unsafe_character(text: str) -> tuple | None:
    """(position, description) of the first character no text may hold, or None."""
    match = _UNSAFE.search(text)
    if match is None:
        return None
    char = match.group()
    kind = "a bidirectional override" if "\u202a" <= char <= "\u2069" else \
        _KINDS.get(unicodedata.category(char), "a Unicode non-character")
    return match.start(), f"{kind} ({_name(char)})"


@functools.lru_cache(maxsize=1)
def _drawable() -> frozenset:
    """The characters every embedded font has a glyph for."""
    from reportlab.pdfbase.ttfonts import TTFontFile
    maps = [set(TTFontFile(str(path)).charToGlyph) for path in FONT_FILES.values()]
    return frozenset(set.intersection(*maps))


def undrawable_characters(text: str) -> list:
    """The characters in text (each once, in order) that the embedded fonts cannot draw, described. Characters
    beyond U+FFFF count too: the PDFs would show them but give screen readers a wrong character."""
    drawable = _drawable()
    missing = dict.fromkeys(c for c in text if (ord(c) not in drawable or ord(c) > 0xFFFF) and not c.isspace())
    return [f"'{c}' ({_name(c)})" for c in missing]


def terminal_safe(text: str) -> str:
    """Text with every character unsafe_character() finds shown as an escape (\\x1b, \\u202e), so a file
    name cannot move the cursor, recolour or reorder what a terminal shows."""
    return _UNSAFE.sub(lambda match: match.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


def original(text: str) -> str:
    """The text marked as a passage in the guide's original language (a name, an untranslated text); a text that
    already holds marked passages (a language pack's "вулиця Стшегомська (ul. Strzegomska)") stays as it is."""
    return f"{ORIGINAL_START}{text}{ORIGINAL_END}" if text and ORIGINAL_START not in text else text


_NUMBER = re.compile(r"\d[\d/.,:–-]*\d|\d")


def spans(text: str) -> list:
    """The text as (piece, in_original) pairs, in order, without the marks; empty pieces left out. Numbers in a
    marked passage (a house number, a postcode, a year) are not in it: every language says its numbers."""
    pieces, at = [], 0
    for match in _ORIGINAL.finditer(text):
        pieces.append((text[at:match.start()], False))
        inner, done = match.group(1), 0
        for number in _NUMBER.finditer(inner):
            pieces += [(inner[done:number.start()], True), (number.group(), False)]
            done = number.end()
        pieces.append((inner[done:], True))
        at = match.end()
    pieces.append((text[at:], False))
    merged: list = []
    for piece, marked in pieces:
        if not piece:
            continue
        if merged and merged[-1][1] == marked:
            merged[-1] = (merged[-1][0] + piece, marked)
        else:
            merged.append((piece, marked))
    return merged


def remarked(text: str) -> str:
    """The text with its marks as spans() reads them (numbers out of marked passages)."""
    return "".join(original(piece) if marked else piece for piece, marked in spans(text))


def plain(text: str) -> str:
    """The text without the marks of original-language passages."""
    return text.replace(ORIGINAL_START, "").replace(ORIGINAL_END, "")
