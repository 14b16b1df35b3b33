"""The spoken script of the audio edition: the standard guide document read aloud (standards AU-01, AU-02).

A script is chapters (each chapter of the document that is for listening), each made of sections a
listener can jump to (the chapter's own text, then every section inside it), each made of sentences.
Lists and tables are read item by item, numbered steps with their ordinal, and every photo by what it shows (its
alternative text); maps are for the eyes (a route's summary says what its map shows). The language pack's `spoken()`
turns every sentence into the words said, spelt for the speech engine ('Dejzi'), its `said()` into the same words
as a reader reads them ('DAISY'): the recording says the first, the transcript is the second. A passage marked as in the
guide's first language (a Polish street name in the Ukrainian guide) is said by that language's pack and, in
the recording, by its voice: sentences keep the marks (guide.data.text.original); titles and the transcript
do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import nodes
from ..document.nodes import plain, spans
from ..data.text import ORIGINAL_END, PAUSE, original, remarked

__all__ = ["Script", "Chapter", "Section", "Step", "compose_script", "speaker", "row_sentence"]

MEDIUM = "audio"


@dataclass(frozen=True)
class Step:
    """A numbered step of a route, which a listener can repeat: sentences[first:end] of its section."""
    title: str  # what it is called in navigation, 'Krok trzeci'
    first: int
    end: int


@dataclass(frozen=True)
class Section:
    title: str  # spoken form, with its marks
    sentences: tuple  # spoken forms, with their marks
    written_title: str  # the title as the transcript writes it: said form, no marks or pauses
    written: tuple  # each sentence as the transcript writes it
    steps: tuple = ()  # Steps, in order


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str  # written form: the chapter's name in players and in the transcript
    sections: tuple


@dataclass(frozen=True)
class Script:
    title: str
    lang: str
    chapters: tuple

    def transcript(self) -> str:
        """The text that is said, as plain text a reader reads: '# ' before a chapter's title, '## ' before a
        section's (the section title is spoken, the chapter title names the file and the player's chapter)."""
        parts = [self.title, ""]
        for chapter in self.chapters:
            parts.append(f"# {chapter.title}")
            for section in chapter.sections:
                parts += ["", f"## {section.written_title}", *section.written]
            parts.append("")
        return "\n".join(parts)


def compose_script(document: nodes.Document) -> Script:
    """The whole document as chapters for listening."""
    reader = _Reader(document)
    chapters = tuple(reader.chapter(section) for section in document.sections if nodes.shown_in(section, MEDIUM))
    return Script(reader.write(document.title), document.lang, chapters)


def row_sentence(row) -> str:
    """A row of a table as one sentence read aloud: its header, then its cells ('Monday: 08:00-15:00.')."""
    return f"{row[0]}: {', '.join(row[1:])}."


def speaker(document: nodes.Document):
    """What is said for a text of the document (its spoken form, passages in the guide's first language marked), as the
    recording says it."""
    return _Reader(document).say


class _Reader:
    """Reads blocks aloud: one translator method per block type, like the PDF editions'."""

    def __init__(self, document):
        self.language = document.language
        self.original = document.original if document.original_locale else None
        self._ = document.gettext

    def say(self, text: str, form: str = "spoken") -> str:
        """What is said for a text, in a form of the packs ('spoken' for the engine, 'said' for a reader): each
        passage in the guide's first language by that language's pack, marked."""
        if self.original is None:
            return plain(getattr(self.language, form)(text))
        said = getattr(self.language, form)(remarked(text))  # the document's language says the numbers
        return "".join(self._said_in_original(piece, form) if marked else piece for piece, marked in spans(said))

    def write(self, text: str) -> str:
        """What is said for a text as the transcript writes it: plain, without pauses."""
        return plain(self.say(text, "said")).replace(PAUSE, "")

    def _said_in_original(self, piece: str, form: str) -> str:
        """A passage said by the first language's pack, marked, with the spaces around it kept."""
        core = piece.strip()
        return piece[:piece.index(core)] + original(getattr(self.original, form)(core)) + \
            piece[piece.index(core) + len(core):] if core else piece

    def chapter(self, section) -> Chapter:
        parts = [self.section(section.title, section.blocks)]
        for inner in list(section.walk())[1:]:
            if nodes.shown_in(inner, MEDIUM) and any(nodes.shown_in(b, MEDIUM) for b in inner.blocks):
                parts.append(self.section(inner.navigation_title, inner.blocks))  # a title with nothing to say is left out
        return Chapter(section.key, self.write(section.title).rstrip(" ,;"), tuple(parts))

    def section(self, title: str, blocks) -> Section:
        """A section's sentences, said and written; each item of a numbered list (a route's step) is a Step."""
        said, steps = [], []
        for block in blocks:
            if not nodes.shown_in(block, MEDIUM):
                continue
            for text in getattr(self, f"read_{type(block).__name__.lower()}")(block):
                first = len(said)
                pairs = [(_closed(self.say(sentence)), _closed(self.write(sentence)))
                         for sentence in self.language.sentences(text)]
                said += [pair for pair in pairs if pair[0]]
                if isinstance(block, nodes.ItemList) and block.numbered and len(said) > first:
                    steps.append(Step(said[first][1].rstrip("."), first, len(said)))
        spoken_title = self.say(title).replace(PAUSE, "")  # a title is said in one breath
        return Section(spoken_title.rstrip(" ,;"), tuple(spoken for spoken, _ in said),
                       self.write(title).rstrip(" ,;"), tuple(written for _, written in said), tuple(steps))

    def read_paragraph(self, block) -> list:
        return list(block.sentences)

    def read_itemlist(self, block) -> list:
        if not block.numbered:
            return [item.text for item in block.items]
        return [self._("Step {ordinal}.", ordinal=self.language.ordinal(number)) + " " + item.text
                for number, item in enumerate(block.items, start=block.start)]

    def read_table(self, block) -> list:
        return [row_sentence(row) for row in block.rows]

    def read_photo(self, block) -> list:
        return [self._("Photo: {description}", description=block.alt)]

    def read_legend(self, block) -> list:
        return [item.text for item in block.items]

    def read_finder(self, block) -> list:
        return list(block.sentences)

    def read_contents(self, block) -> list:
        return []

    def read_webaddress(self, block) -> list:
        return []

    def read_signvideo(self, block) -> list:
        return list(block.sentences)


def _closed(sentence: str) -> str:
    """A sentence that ends like one (a closing bracket read as a pause leaves a comma behind); marks of a passage in
    the first language at its end are kept, the dot after them."""
    bare = sentence.rstrip(" ,;" + ORIGINAL_END)
    if not bare:
        return bare
    tail = "".join(c for c in sentence[len(bare):] if c == ORIGINAL_END)
    bare = bare.rstrip(" ,;")
    return bare + tail + ("." if bare[-1] not in ".!?:" else "")
