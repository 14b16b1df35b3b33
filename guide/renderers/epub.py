"""The EPUB 3 edition: the web pages as an e-book, every sentence read aloud in sync (media overlays).

The pages are the web edition's translation of the document (XHTML content documents, one per chapter); each
sentence, heading and table row carries an id, and a SMIL file per chapter points each one at its clip in the
chapter's MP3, spoken by the audio edition's voices and clip cache. The package declares its accessibility
(EPUB Accessibility 1.1, schema.org metadata); the navigation document holds the contents and a page list that
points to where each section starts in the PDF of the same register.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
import zipfile
from pathlib import Path

from markupsafe import Markup

from ..clock import source_date
from ..document import nodes
from ..speech.recording import Utterance
from ..speech.script import row_sentence, speaker
from .audio import AFTER_TITLE, BETWEEN_SENTENCES, recorder
from .easy_read import EasyReadPdfRenderer
from .html import INDEX, TEMPLATES, HtmlRenderer, media_type, template
from .standard import StandardPdfRenderer

__all__ = ["EpubRenderer", "EasyReadEpubRenderer", "ACTIVE_CLASS"]

ACTIVE_CLASS = "-epub-media-overlay-active"  # the class reading systems give the element being read aloud
_CONTENT = "EPUB"  # the folder of the package inside the zip


class EpubRenderer(HtmlRenderer):
    """The standard guide document as an EPUB 3 with media overlays."""

    name = "epub"
    media_type = "application/epub+zip"
    description = "EPUB 3 e-book: the web pages with the text read aloud in sync, a contents and a page list"
    file_key = "epub"
    suffix = ".xhtml"
    paged_edition = StandardPdfRenderer  # the edition whose pages the page list names

    def prepare(self) -> None:
        super().prepare()
        self.say_text = speaker(self.document)
        self.heard: list = []  # the utterances of the page being translated
        paged = self.paged_edition(self.documents, self.out_dir, self.lang)
        paged.prepare()
        self.print_pages = paged.page_numbers()
        self.paged_file = paged.file_name(paged.file_key)
        self.marked_pages: list = []  # (page number, content document, id) of each page-break marker

    # the translation: ids for what is read aloud, page-break markers -----------------------------------------

    def sentence(self, text: str) -> Markup:
        """Each sentence of a text with an id, and its speech queued for the page's recording."""
        return Markup(" ").join(self.spoken(part, BETWEEN_SENTENCES, lambda key, part=part: Markup(
            '<span id="{}">{}</span>').format(key, self.inline(part))) for part in self.document.language.sentences(text))

    def spoken(self, text: str, pause: float, markup, *, opens: bool = False) -> Markup:
        key = f"s{len(self.heard) + 1}"
        said = self.say_text(text)
        if not nodes.plain(said).strip(" .,;:"):
            return markup(key)
        self.heard.append(Utterance(text=said, pause=pause, key=key, opens=opens))
        return markup(key)

    def heading(self, section, level: int) -> Markup:
        """The heading read aloud too (it opens a part of the page's recording), after a page-break marker where its
        section begins a page of the PDF."""
        heading = self.spoken(section.title, AFTER_TITLE, lambda key: Markup(
            '<h{0} id="{1}"><span id="{2}">{3}</span></h{0}>').format(level, section.key, key,
                                                                       self.inline(section.title)), opens=True)
        marker = self.page_marker(section.key)
        return marker + Markup("\n") + heading if marker else heading

    def full_size_link(self, picture: str) -> Markup:
        """None: an e-book links only to its pages (a reading system zooms into a picture itself)."""
        return Markup("")

    def page_marker(self, key: str) -> Markup | None:
        """A page-break marker before the first section that starts on a new page of the PDF."""
        page = self.print_pages.get(key)
        if page is None or any(page == marked for marked, _, _ in self.marked_pages):
            return None
        self.marked_pages.append((page, self.current, f"page-{page}"))
        return Markup('<span epub:type="pagebreak" role="doc-pagebreak" id="page-{0}" aria-label="{0}"></span>').format(
            page)

    def table_row(self, row, identifier: str = "") -> Markup:
        """Each row read as its header and cells, and highlighted as it is read."""
        return self.spoken(row_sentence(row), BETWEEN_SENTENCES,
                           lambda key: super(EpubRenderer, self).table_row(row, key))

    # the package ----------------------------------------------------------------------------------------------

    def write(self) -> None:
        page_file = template("epub-page.xhtml")
        documents, chapters = {}, []
        for page in self.pages:
            self.current, self.heard = f"{page.name}.xhtml", []
            documents[self.current] = page_file.render(lang=self.lang, title=page.title, register=self.document.register,
                                                      body=self.page_body(page)).encode("utf-8")
            chapters.append((self.current, self.heard))
        self.output_path(self.file_name(self.file_key)).write_bytes(self.package(documents, chapters))

    def package(self, documents: dict, chapters: list) -> bytes:
        """The EPUB: the content documents, their pictures, audio and SMIL, the navigation document and the package
        document, zipped with the mimetype first and stored, every entry dated the build's moment."""
        scratch = Path(tempfile.mkdtemp(prefix=".epub-", dir=self.out_dir))  # in the staging folder, never published
        try:
            files = dict(documents)
            files["style.css"] = (TEMPLATES / "style.css").read_bytes()
            for name, write in sorted(self.files.items()):
                write(scratch / "picture")
                files[name] = (scratch / "picture").read_bytes()
            files.update(self.record(chapters))
            files["nav.xhtml"] = self.navigation()
            files["package.opf"] = self.package_document(files, chapters)
            return _zipped(files)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def record(self, chapters: list) -> dict:
        """Each content document's speech as an MP3 and its SMIL overlay (file name -> bytes); durations kept for the
        package document."""
        speech = recorder(self)
        spoken = [(name, heard) for name, heard in chapters if heard]
        recordings = speech.recordings([heard for _, heard in spoken], [name for name, _ in spoken])
        self.narrator = f"{speech.engine.name} ({speech.engine.voice})"  # the voice finally used
        overlay = template("overlay.smil")
        files, self.durations = {}, {}
        for (name, _), recording in zip(spoken, recordings):
            stem = name.removesuffix(".xhtml")
            audio, smil = f"audio/{stem}.mp3", f"overlays/{stem}.smil"
            files[audio] = recording.mp3.read_bytes()
            files[smil] = overlay.render(document=name, audio=f"../{audio}", clips=recording.clips).encode("utf-8")
            self.durations[name] = recording.seconds
        return files

    def index_body(self) -> Markup:
        """The title page, marked as the PDF's first page."""
        marker = self.page_marker("cover")
        return marker + Markup("\n") + super().index_body() if marker else super().index_body()

    def navigation(self) -> bytes:
        """The navigation document: every page and the sections in it down to the routes, and the page list."""
        def entries(sections, depth):
            return [{"href": self.address[s.key], "label": nodes.plain(s.title),
                     "children": entries(s.sections, depth + 1) if depth < 3 else []}
                    for s in sections if nodes.shown_in(s, self.medium)]
        contents = [{"href": f"{page.name}.xhtml", "label": page.title,
                     "children": [] if page.name == INDEX else entries(page.sections[0].sections, 2)}
                    for page in self.pages]
        return template("nav.xhtml").render(lang=self.lang, title=nodes.plain(self.document.title), contents_label=self._("Contents"),
                               contents=contents, pages_label=self._("Pages"),
                               pages=[(f"{name}#{key}", number) for number, name, key in sorted(self.marked_pages)]
                               ).encode("utf-8")

    def package_document(self, files: dict, chapters: list) -> bytes:
        document = self.document
        identifier = uuid.uuid5(uuid.NAMESPACE_URL, f"wromik:{self.name}:{self.lang}:{nodes.plain(document.title)}:"
                                                    f"{document.edition_date}")
        items = []
        for number, name in enumerate(sorted(files), start=1):
            if name in ("package.opf",):
                continue
            items.append({"id": f"item{number}", "href": name, "media_type": media_type(name),
                          "name": name})
        ids = {item["name"]: item["id"] for item in items}
        for item in items:
            overlay = f"overlays/{item['name'].removesuffix('.xhtml')}.smil"
            item["overlay"] = ids.get(overlay) if item["name"].endswith(".xhtml") else None
            item["nav"] = item["name"] == "nav.xhtml"
        return template("package.opf").render(
            lang=self.lang, identifier=f"urn:uuid:{identifier}", title=nodes.plain(document.subject),
            publisher=nodes.plain(document.publisher), date=document.edition_date,
            modified=source_date().strftime("%Y-%m-%dT%H:%M:%SZ"), items=items,
            spine=[ids[name] for name, _ in chapters],
            durations=[(ids[f"overlays/{name.removesuffix('.xhtml')}.smil"], _clock(seconds))
                       for name, seconds in self.durations.items()],
            total=_clock(sum(self.durations.values())), active_class=ACTIVE_CLASS,
            summary=self._("This e-book has headings, a table of contents and a list of the pages of the PDF where its "
                           "sections begin; every map is described in words, every picture has a text alternative, and "
                           "its text is read aloud by a speech synthesiser, sentence by sentence, highlighted as it is "
                           "read. Text and background contrast at least 7 to 1."), narrator=self.narrator,
            page_source=self.paged_file, has_pages=bool(self.marked_pages)).encode("utf-8")


class EasyReadEpubRenderer(EpubRenderer):
    """The easy-read guide document as an EPUB 3 with media overlays: large type, a sentence a line."""

    name = "epub-easy-read"
    register = "easy-read"
    description = "EPUB 3 e-book in easy-read, read aloud in sync"
    file_key = "epub-easy-read"
    paged_edition = EasyReadPdfRenderer
    map_font = 14.0
    picture_pixels = 160
    one_sentence_a_line = True




def _clock(seconds: float) -> str:
    """A SMIL clock value, h:mm:ss.fff."""
    millis = round(seconds * 1000)
    return f"{millis // 3600000}:{millis // 60000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


def _zipped(files: dict) -> bytes:
    """The OCF container: mimetype first and stored, then META-INF/container.xml, then the package's files."""
    import io
    moment = max(source_date().timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    buffer = io.BytesIO()
    entries = [("mimetype", b"application/epub+zip"), ("META-INF/container.xml", _CONTAINER)] + [
        (f"{_CONTENT}/{name}", files[name]) for name in sorted(files)]
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=moment)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" or name.endswith(".mp3") else \
                zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


_CONTAINER = f"""<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="{_CONTENT}/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
""".encode("utf-8")
