"""Translations of a guide's texts into its other languages: one gettext catalog per language,
translations/<lang>.po beside guide.yaml, which any PO editor (Poedit, Weblate, Lokalize) opens.

msgid is a text in the guide's first language, msgstr its translation, and `#:` says where the text is
written. An entry marked fuzzy (PO editors call it "needs work") is a translation no person has checked yet,
such as a machine translation: the guide uses it, and its colophon says how many such texts there are.
Checking the translation and clearing the mark is the review. A fuzzy entry that still names the text it was
made for (`#| msgid`, left by an editor's "update from source") translates an earlier version of the text and
is not used. A text without a usable translation is shown in the first language, marked as such
(guide.data.text.original), and check warns of it. `wromik translations` writes the catalogs.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from ..clock import source_date
from ..errors import Problem
from . import schema as s
from .model import EasyText, GuideData, Texts
from .text import original

__all__ = ["CATALOG_DIR", "Translation", "read_catalogs", "translate", "every_text", "missing_translations",
           "translation_counts", "write_catalogs", "written_in_data", "kept_in_original"]

CATALOG_DIR = "translations"
HEADER = """\
# {language} translations of the guide's texts, written by `wromik translations`.
# msgid is the {first} text, msgstr its translation; `#:` says where the text is written.
# An entry marked fuzzy ("needs work") is used, but counted as not yet checked by a person:
# check it, then clear the mark. Run `wromik translations` again after the {first} texts change."""
SHOWN_MISSING = 10  # missing texts listed one by one per language; the rest are counted


@dataclass(frozen=True)
class Translation:
    """One catalog entry as the guide uses it."""

    text: str
    reviewed: bool  # a person has checked it (the entry is not marked fuzzy)
    file: str  # the catalog, as the coordinator sees its path
    line: int


def catalog_path(root: Path, lang: str) -> Path:
    return Path(root) / CATALOG_DIR / f"{lang}.po"


def read_catalogs(root: Path, languages, problems: list, *, shown=str) -> dict:
    """language -> {text in the first language: Translation, or None for an entry of an earlier text}, for every
    language after the first that has a catalog. Broken catalogs and unsafe translations become problems."""
    catalogs = {}
    for lang in languages[1:]:
        path = catalog_path(root, lang)
        if not path.is_file():
            continue
        shown_as = shown(path)
        try:
            with path.open("rb") as file:
                catalog = read_po(file, locale=None, abort_invalid=True)
        except (PoFileError, UnicodeDecodeError, ValueError) as error:
            problems.append(Problem(shown_as, "", f"Expected a gettext catalog (PO file) but it could not be read: "
                                    f"{error}", "Open and save it in a PO editor such as Poedit, or write it again with "
                                    "'wromik translations'.", None))
            continue
        entries = {}
        for message in catalog:
            if not message.id or not isinstance(message.id, str) or not message.string:
                continue
            line = message.lineno
            at = s.Where(shown_as, f"the translation of {s.shown(message.id)}", line, problems)
            text = s.PlainText().check(message.string, at)
            if text is s.INVALID:
                continue
            stale = message.fuzzy and any(c.startswith("| msgid") for c in message.user_comments)  # Babel reads
            # an editor's `#| msgid "…"` (the text the entry was made for) as a comment
            entries[message.id] = None if stale else Translation(text, not message.fuzzy, shown_as, line)
        catalogs[lang] = entries
    return catalogs


def every_text(data: GuideData) -> list:
    """Every text of the guide (Texts), each once, in the order of the data: guide.yaml, then the places."""
    found, seen = [], set()

    def visit(value) -> None:
        if isinstance(value, Texts):
            if id(value) not in seen and value:
                seen.add(id(value))
                found.append(value)
        elif isinstance(value, EasyText):
            visit(value.texts)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for item in dataclasses.fields(value):
                visit(getattr(value, item.name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)

    visit(data.info)
    visit(data.places)
    return found


def translate(data: GuideData, catalogs: dict) -> None:
    """Give every text every language of the guide: as written in the data, else from the language's catalog,
    else the first language's text, marked as an original passage. In a translation, the words kept in the first
    language (names, a programme's official name in brackets) are marked too."""
    first, others = data.info.languages[0], data.info.languages[1:]
    names = "\n".join(name for place in data.places for name in (place.short_name, place.address.street,
                                                                  place.address.city))
    for texts in every_text(data):
        source = texts.get(first)
        if source is None:
            continue
        for lang in others:
            found = catalogs.get(lang, {}).get(source)
            if lang not in texts and found is None:
                texts[lang] = original(source)
                texts.missing.add(lang)
                continue
            if lang not in texts:
                texts.translated[lang] = found
            texts[lang] = kept_in_original(texts.get(lang) or found.text, f"{source}\n{names}")


_WORD = re.compile(r"[^\W\d_][\w'’.-]*\w|[^\W\d_]")
SHORTEST_KEPT_WORD = 4  # letters of a single word kept from the original that is marked ('Leśnica', not 'to')


def kept_in_original(translation: str, source: str) -> str:
    """A translation with every run of its words that the original text (or a name of the guide) holds as it is
    marked as a passage in the first language: 'housing allowance (dodatek mieszkaniowy)'. A single word counts
    when it has SHORTEST_KEPT_WORD letters or more, so that a short word both languages share stays unmarked."""
    words = list(_WORD.finditer(translation))
    marked, index = [], 0
    while index < len(words):
        end = index
        while end + 1 < len(words) and translation[words[index].start():words[end + 1].end()] in source:
            end += 1
        run = translation[words[index].start():words[end].end()]
        if run in source and (end > index or len(run) >= SHORTEST_KEPT_WORD):
            marked.append((words[index].start(), words[end].end()))
        index = end + 1
    for start, stop in reversed(marked):
        translation = translation[:start] + original(translation[start:stop]) + translation[stop:]
    return translation


def translation_counts(data: GuideData, lang: str) -> dict:
    """How the guide's texts in lang came to be: written (in the data), reviewed and unreviewed (from the catalog),
    missing (shown in the first language)."""
    counts = {"written": 0, "reviewed": 0, "unreviewed": 0, "missing": 0}
    for texts in every_text(data):
        if lang in texts.missing:
            counts["missing"] += 1
        elif lang in texts.translated:
            counts["reviewed" if texts.translated[lang].reviewed else "unreviewed"] += 1
        elif written_in_data(texts, lang):
            counts["written"] += 1
    return counts


def missing_translations(data: GuideData) -> list:
    """Warnings, per language, of the texts shown in the first language for want of a translation."""
    warnings = []
    language_names = {lang: Locale.parse(lang).english_name for lang in data.info.languages}
    first = data.info.languages[0]
    for lang in data.info.languages[1:]:
        missing = [t for t in every_text(data) if lang in t.missing]
        catalog = f"{CATALOG_DIR}/{lang}.po"
        for texts in missing[:SHOWN_MISSING]:
            text = texts[first] if len(texts[first]) <= 60 else texts[first][:57] + "…"
            where = f"{texts.file}" + (f":{texts.line}" if texts.line else "") + (f" ({texts.where})" if texts.where else "")
            warnings.append(f"{where}: no {language_names[lang]} translation of „{text}”; the {language_names[first]} "
                            f"text is shown instead. Translate it in {catalog}.")
        if len(missing) > SHOWN_MISSING:
            warnings.append(f"… and {len(missing) - SHOWN_MISSING} more texts without a {language_names[lang]} "
                            f"translation, shown in {language_names[first]}.")
        if missing:
            warnings.append(f"To translate them, run 'wromik translations {data.root}': it adds every text to "
                            f"{catalog} for a PO editor such as Poedit.")
    return warnings


def write_catalogs(data: GuideData) -> list:
    """Write translations/<lang>.po for every language after the first: every text of the guide with where it is
    written, the translations already there kept (entries of texts no longer in the data kept as obsolete, `#~`).
    Returns the paths written."""
    first = data.info.languages[0]
    moment = source_date()
    paths = []
    for lang in data.info.languages[1:]:
        template = Catalog(locale=lang, project=data.info.title.get(first), version=data.info.edition_date,
                           copyright_holder=data.info.publisher, msgid_bugs_address=data.info.contacts.email or "",
                           creation_date=moment, revision_date=moment, fuzzy=False,
                           header_comment=HEADER.format(language=Locale.parse(lang).english_name,
                                                        first=Locale.parse(first).english_name))
        for texts in every_text(data):
            if first in texts and not written_in_data(texts, lang):
                template.add(texts[first], locations=[(_relative(texts.file, data.root), texts.line or 0)])
        path = catalog_path(data.root, lang)
        if path.is_file():
            with path.open("rb") as file:
                catalog = read_po(file, locale=lang)
            catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
            catalog.revision_date = moment
        else:
            catalog = template
        path.parent.mkdir(exist_ok=True)
        partial = path.with_name(f".{path.name}.partial")
        with partial.open("wb") as file:
            write_po(file, catalog, width=100, include_previous=True, omit_header=False)
        os.replace(partial, path)
        paths.append(path)
    return paths


def written_in_data(texts: Texts, lang: str) -> bool:
    """Whether the data itself writes this text in lang (not a catalog's translation, not the fallback)."""
    return lang in texts and lang not in texts.translated and lang not in texts.missing


def _relative(file: str | None, root: Path) -> str:
    if not file:
        return ""
    try:
        return Path(file).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(file).as_posix()
