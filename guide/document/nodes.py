"""The format-neutral guide document: sections of blocks that every edition translates into its format.

A document is built once per language and register (standard, easy-read) by guide.document.builder.
Editions never see the data or the routes, only these nodes, like a Sphinx translator sees doctree nodes.
Sentences may hold passages in the guide's first language (names, untranslated texts) marked by
guide.data.text.original: editions tag them (spans) or drop the marks (plain).
A block or section may be marked for some media only (`only`): "screen" (a PDF read on a screen),
"paper" (the print edition), "web" (web pages and EPUB) or "audio"; unmarked content is for every edition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from babel import Locale

from ..data.text import plain, spans

__all__ = ["Block", "Paragraph", "Item", "ItemList", "Table", "Figure", "Photo", "Legend", "Contents", "ContentsEntry",
           "WebAddress", "SignVideo", "Finder", "Section", "Document", "shown_in", "language_name", "short_address", "plain", "spans"]

@dataclass(frozen=True)
class Block:
    """Base of every block; `only` names the media it is for (empty: all)."""


@dataclass(frozen=True)
class Paragraph(Block):
    """Running text as sentences (the easy-read edition puts each on its own line).
    `reference` is the key of a section the text points to; on paper its page number is added."""

    sentences: tuple
    reference: str | None = None
    only: tuple = ()

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class Item:
    """One entry of a list: its sentences, and the pictogram shown beside it (or None)."""

    sentences: tuple
    pictogram: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class ItemList(Block):
    """Facts, contacts or the steps of a route (numbered, counting from `start`)."""

    items: tuple
    numbered: bool = False
    start: int = 1
    only: tuple = ()


@dataclass(frozen=True)
class Table(Block):
    """A table with a header row; the first column heads each row (opening hours)."""

    header: tuple
    rows: tuple
    only: tuple = ()


@dataclass(frozen=True)
class Figure(Block):
    """A map: the scene to draw, a short alternative text, and the long description for readers who cannot see it:
    what the map shows, then how it is drawn.
    `name` is the file name (without extension) of the map when an edition saves it as a picture."""

    scene: object  # guide.document.maps.MapScene
    alt: str
    description: tuple  # sentences
    name: str
    only: tuple = ()


@dataclass(frozen=True)
class Photo(Block):
    """A photo of what the text around it describes (a door, a corridor), standing beside that text. `alt` says what
    it shows (screen readers read it, the recording says it); `caption` is the sentences printed under it (its source
    and date; in easy-read what it shows too). `path` is the checked file to show, `name` the file as the data names
    it (for messages), `size` its upright width and height in pixels."""

    path: str
    name: str
    alt: str
    caption: tuple  # sentences
    size: tuple
    only: tuple = ()


@dataclass(frozen=True)
class Legend(Block):
    """Pictograms with their meaning: here the picture is content (a figure with its text as alt text)."""

    items: tuple  # Item, pictogram set
    only: tuple = ()


@dataclass(frozen=True)
class ContentsEntry:
    title: str
    key: str
    only: tuple = ()  # the media whose editions show the chapter it points to


@dataclass(frozen=True)
class Contents(Block):
    """The table of contents: entries pointing at section keys."""

    entries: tuple
    only: tuple = ()


def short_address(url: str) -> str:
    """A web address as a reader types it: without https:// and a closing slash."""
    return url.split("://", 1)[-1].rstrip("/")


@dataclass(frozen=True)
class WebAddress(Block):
    """A web address the reader may want to open: live on a screen, a QR code on paper."""

    url: str
    only: tuple = ()

    @property
    def short(self) -> str:
        return short_address(self.url)


@dataclass(frozen=True)
class SignVideo(Block):
    """A recording in a sign language of the section it stands in, and the sentences that say so and where it is.
    PDFs show the sign-language pictogram and a QR code of the address beside the sentences."""

    url: str
    sentences: tuple
    only: tuple = ()

    @property
    def short(self) -> str:
        return short_address(self.url)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class Finder(Block):
    """Where each reader finds their own sections: a label (a group of people), the sections for it as
    (title, key) pairs, and the same said in sentences. Editions show the sentences and add the label and
    its targets to their navigation (the PDF outline)."""

    label: str
    targets: tuple
    sentences: tuple
    only: tuple = ()


@dataclass(frozen=True)
class Section:
    """A titled part of the guide. Level 1 sections are chapters (a new page, an audio chapter).
    `outline` False keeps the heading out of navigation (a Finder points at it instead)."""

    key: str
    title: str
    level: int
    blocks: tuple = ()
    sections: tuple = ()
    only: tuple = ()
    outline: bool = True
    long_title: str | None = None  # where navigation shows titles only (DAISY), what the section is for

    @property
    def navigation_title(self) -> str:
        return self.long_title or self.title

    def walk(self):
        """This section and every section inside it, in reading order."""
        yield self
        for section in self.sections:
            yield from section.walk()


@dataclass(frozen=True)
class Document:
    """One guide in one language and register. `cover` holds the title page's paragraphs, `back_cover` the
    blocks of a printed guide's back (colophon, contacts, download page); `language` is the language pack, for
    the little an edition says itself and for speech (spoken, ordinal, sentences)."""

    lang: str
    register: str  # "standard" or "easy-read"
    title: str
    subject: str
    publisher: str
    edition_date: str
    cover: tuple
    sections: tuple
    back_cover: tuple = ()
    paper: object = None  # the printed guide's paper: thickness of a leaf in mm (text, cover, office)
    languages: tuple = ()  # every language of the guide, its first language first (the web edition links them)
    language: object = field(default=None, compare=False, repr=False)  # the language pack (guide.language.<lang>)
    original: object = field(default=None, compare=False, repr=False)  # the pack of the guide's first language: the
    # language of the names and untranslated texts that sentences mark (guide.data.text.original)

    @property
    def gettext(self) -> Callable:
        """The fixed words an edition adds itself (page numbers, QR captions), from the pack's catalog."""
        return self.language.gettext

    @property
    def locale(self) -> str:
        """The BCP 47 tag of the language, for the file's metadata (pl-PL)."""
        return self.language.PDF_LANG

    @property
    def language_name(self) -> str:
        """The document's language named in itself ('polski', 'English'), from the CLDR data Babel ships."""
        return language_name(self.lang)

    @property
    def original_lang(self) -> str:
        """The code of the guide's first language ('pl')."""
        return self.original.PDF_LANG.split("-")[0]

    @property
    def original_locale(self) -> str | None:
        """The BCP 47 tag of the passages marked as in the guide's first language, when that is another language."""
        return self.original.PDF_LANG if self.original is not None and self.original is not self.language else None

    def walk(self):
        for section in self.sections:
            yield from section.walk()


def language_name(lang: str) -> str:
    """A language named in itself ('polski', 'українська', 'English')."""
    return Locale.parse(lang).get_display_name(lang)


def shown_in(node, medium: str) -> bool:
    """Whether a block or section belongs in an edition for this medium."""
    return not node.only or medium in node.only
