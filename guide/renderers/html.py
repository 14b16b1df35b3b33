"""The web edition: the guide document as static, accessible HTML pages, per language and register.

One page per chapter (a place, the introduction, the word list…) and an index with the cover and the contents;
a skip link, a language switch, landmarks, headings, lists, tables with headers, maps with alt text and their long
description, pictograms beside the facts. No JavaScript: any web server can host the folder. The markup is
XHTML-compatible HTML5, so that the EPUB edition translates the document with the same visits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources

import segno
from jinja2 import Environment, select_autoescape
from markupsafe import Markup, escape
from reportlab.lib.units import mm

from ..document import nodes
from ..document.maps import SYMBOLS, draw_symbol, layout_map, write_drawing_png, write_png
from ..document.pictograms import draw_pictogram
from ..pdf.fonts import FONT, FONT_BOLD, register_fonts, text_width
from ..pdf.images import web_photo
from . import Renderer

__all__ = ["HtmlRenderer", "EasyReadHtmlRenderer", "Page", "TEMPLATES", "media_type", "inline", "page_template",
           "template"]

TEMPLATES = resources.files(__package__) / "web"
_ENV = Environment(autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True,
                   keep_trailing_newline=True)
INDEX = "index"  # the page with the cover and the contents


@dataclass(frozen=True)
class Page:
    """One page of the edition: its file name without extension, its title, and the chapters it shows."""

    name: str
    title: str
    sections: tuple


class HtmlRenderer(Renderer):
    """The standard guide document as web pages in a folder named by the language pack."""

    name = "html"
    media_type = "text/html"
    description = "web pages: one per place, an index and the word list, with maps and pictograms"
    medium = "web"
    file_key = "web"
    other_key, other_edition = "web-easy-read", "html-easy-read"  # the other register's pages, linked from each page
    suffix = ".html"
    map_width = 170 * mm  # the map's drawing, in points, as wide as on an A4 page
    map_font = 12.0  # its labels, in points
    map_scale = 2.0  # PNG pixels per point: sharp on a high-density screen
    picture_pixels = 128  # a pictogram's PNG, square (shown at half that, or larger in easy-read)
    photo_pixels = 1200  # a photo's largest width
    one_sentence_a_line = False

    def prepare(self) -> None:
        register_fonts()
        self._ = self.document.gettext
        self.folder = self.file_name(self.file_key)
        self.pages = self.paginate(self.document)
        self.address = {}  # section key -> the page and anchor it is at
        for page in self.pages:
            for chapter in page.sections:
                for section in chapter.walk():
                    self.address[section.key] = f"{page.name}{self.suffix}" + (
                        "" if section is chapter else f"#{section.key}")
        self.files: dict = {}  # what the pages point at, by file name (relative to the folder) -> how to write it

    # pages ----------------------------------------------------------------------------------------------------

    def paginate(self, document) -> list:
        """The index (the cover and the contents), then a page per chapter shown on the web."""
        shown = [s for s in document.sections if nodes.shown_in(s, self.medium)]
        contents = tuple(s for s in shown if any(isinstance(b, nodes.Contents) for b in s.blocks))
        return [Page(INDEX, nodes.plain(document.title), contents)] + [
            Page(s.key, nodes.plain(s.title), (s,)) for s in shown if s not in contents]

    def write(self) -> None:
        template = page_template()
        for number, page in enumerate(self.pages):
            neighbours = [self.pages[n] if 0 <= n < len(self.pages) else None for n in (number - 1, number + 1)]
            html = template.render(**self.page_context(page, *neighbours))
            self.write_file(f"{page.name}{self.suffix}", html.encode("utf-8"))
        self.write_file("style.css", (TEMPLATES / "style.css").read_bytes(), "text/css")
        for name, write in sorted(self.files.items()):
            write(self.output_path(f"{self.folder}/{name}", media_type(name)))

    def write_file(self, name: str, content: bytes, media_type: str | None = None) -> None:
        self.output_path(f"{self.folder}/{name}", media_type or self.media_type).write_bytes(content)

    def page_context(self, page: Page, previous: Page | None, following: Page | None) -> dict:
        _ = self._
        document = self.document
        body = self.page_body(page)
        return {"lang": document.lang, "title": nodes.plain(document.title), "page_title": page.title,
                "index": page.name == INDEX, "register": document.register, "body": body,
                "skip": _("Skip to the content"), "language_label": _("Language"), "languages": self.language_links(page),
                "other": self.other_register_link(page), "pages_label": _("Pages"),
                "previous": previous and (f"{previous.name}{self.suffix}", _("Previous page: {title}", title=previous.title)),
                "next": following and (f"{following.name}{self.suffix}", _("Next page: {title}", title=following.title)),
                "publisher": nodes.plain(document.publisher),
                "edition": _("Edition of {date}.", date=document.language.written_date(document.edition_date)),
                "download": ("../../index.html", _("Download the guide (PDF, EPUB, audio)"))}

    def page_body(self, page: Page) -> Markup:
        """What a page shows: the cover and the contents, or its chapter."""
        return self.index_body() if page.name == INDEX else self.visit_section(page.sections[0])

    def index_body(self) -> Markup:
        parts = [Markup('<h1 id="title">{}</h1>').format(self.inline(self.document.title))]
        parts += [self.visit_block(block) for block in self.document.cover if nodes.shown_in(block, self.medium)]
        parts += [self.visit_section(section, below=1) for section in self.pages[0].sections]
        return Markup("\n").join(parts)

    def published(self, edition: str, lang: str) -> bool:
        """Whether the output folder will hold an edition in a language after this build (a link to it works)."""
        return (edition, lang) in self.options.get("published", {(edition, lang)})

    def language_links(self, page: Page) -> list:
        """(address, name, code, current) of the same page in each of the guide's languages that the output holds."""
        links = []
        for lang in filter(lambda lang: self.published(self.name, lang), self.document.languages):
            other = self.documents.get(lang, self.register)
            folder = other.language.FILE_NAMES[self.file_key]
            name = page.name if any(s.key == page.name for s in other.sections) else INDEX
            links.append((f"../../{lang}/{folder}/{name}{self.suffix}", other.language_name, lang, lang == self.lang))
        return links if len(links) > 1 else []

    def other_register_link(self, page: Page) -> tuple | None:
        """(address, label) of the same page, or the index, in the edition of the other register, if it is built."""
        if not self.published(self.other_edition, self.lang):
            return None
        other = self.documents.get(self.lang, "easy-read" if self.register == "standard" else "standard")
        name = page.name if any(s.key == page.name for s in other.sections) else INDEX
        label = self._("Easy-read version") if self.register == "standard" else self._("Standard version")
        return f"../{self.file_name(self.other_key)}/{name}{self.suffix}", label

    # the translation ------------------------------------------------------------------------------------------

    def inline(self, text: str) -> Markup:
        """A title or label: its passages in the guide's first language marked with their language."""
        return inline(self.document, text)

    def sentence(self, text: str) -> Markup:
        """Hook: one sentence of running text (the EPUB edition gives each an id for its audio)."""
        return self.inline(text)

    def sentences(self, sentences) -> Markup:
        """Sentences as paragraph text: one paragraph, or in easy-read one paragraph a sentence."""
        if self.one_sentence_a_line:
            return Markup("\n").join(Markup("<p>{}</p>").format(self.sentence(s)) for s in sentences)
        return Markup("<p>{}</p>").format(Markup(" ").join(self.sentence(s) for s in sentences))

    def visit_section(self, section, *, below: int = 0) -> Markup:
        """A section's heading (h1 for a chapter, which has a page of its own; below more under a page's title),
        its blocks and the sections in it."""
        level = min(section.level + below, 6)
        parts = [self.heading(section, level)]
        parts += [self.visit_block(block) for block in section.blocks if nodes.shown_in(block, self.medium)]
        parts += [self.visit_section(child, below=below) for child in section.sections
                  if nodes.shown_in(child, self.medium)]
        if level == 1:
            return Markup("\n").join(parts)
        return Markup('<section>\n{}\n</section>').format(Markup("\n").join(parts))

    def heading(self, section, level: int) -> Markup:
        """Hook: a section's heading, its key as its id."""
        return Markup('<h{0} id="{1}">{2}</h{0}>').format(level, section.key, self.inline(section.title))

    def visit_block(self, block) -> Markup:
        return getattr(self, f"visit_{type(block).__name__.lower()}")(block)

    def visit_paragraph(self, block) -> Markup:
        return self.sentences(block.sentences)

    def visit_itemlist(self, block) -> Markup:
        if any(item.pictogram for item in block.items):
            return self.pictured(block.items)
        if block.numbered:
            start = Markup(' start="{}"').format(block.start) if block.start != 1 else ""
            items = Markup("\n").join(Markup("<li>{}</li>").format(self.item_text(item)) for item in block.items)
            return Markup('<ol class="steps"{}>\n{}\n</ol>').format(start, items)
        items = Markup("\n").join(Markup("<li>{}</li>").format(self.item_text(item)) for item in block.items)
        return Markup("<ul>\n{}\n</ul>").format(items)

    def item_text(self, item) -> Markup:
        if self.one_sentence_a_line and len(item.sentences) > 1:
            return self.sentences(item.sentences)
        return Markup(" ").join(self.sentence(s) for s in item.sentences)

    def pictured(self, items) -> Markup:
        """Items with their pictogram beside them; the text says what the picture shows, so its alt text is empty
        (a screen reader would read it twice)."""
        rows = [Markup('<li><img class="pictogram" src="{}" alt="" width="{}" height="{}" />'
                       '<div class="item-text">{}</div></li>').format(
            self.picture(item.pictogram or "information"), self.picture_pixels // 2, self.picture_pixels // 2,
            self.sentences(item.sentences)) for item in items]
        return Markup('<ul class="pictured">\n{}\n</ul>').format(Markup("\n").join(rows))

    def visit_legend(self, block) -> Markup:
        return self.pictured(block.items)

    def picture(self, pid: str) -> str:
        """The file of a pictogram or map symbol, written once."""
        name = f"pictograms/{pid.replace(':', '-')}.png"  # no colon: it would read as a URL scheme
        if name not in self.files:
            size = self.picture_pixels / 2  # points, at 2 pixels a point
            draw = draw_symbol if pid in SYMBOLS else draw_pictogram
            self.files[name] = lambda path: write_drawing_png(path, size, size,
                                                              lambda canvas: draw(canvas, pid, 0, 0, size), FONT)
        return name

    def visit_table(self, block) -> Markup:
        head = Markup("").join(Markup('<th scope="col">{}</th>').format(self.inline(cell)) for cell in block.header)
        return Markup("<table>\n<thead><tr>{}</tr></thead>\n<tbody>\n{}\n</tbody>\n</table>").format(
            head, Markup("\n").join(self.table_row(row) for row in block.rows))

    def table_row(self, row, identifier: str = "") -> Markup:
        """Hook: a row of a table, its first cell the row's header."""
        return Markup('<tr{}><th scope="row">{}</th>{}</tr>').format(
            Markup(' id="{}"').format(identifier) if identifier else "", self.inline(row[0]),
            Markup("").join(Markup("<td>{}</td>").format(self.inline(cell)) for cell in row[1:]))

    def visit_figure(self, block) -> Markup:
        layout = layout_map(block.scene, self.map_width, self.map_width * block.scene.aspect, self.map_font, text_width)
        name = f"maps/{block.name}.png"
        self.files[name] = lambda path: write_png(path, layout, FONT, FONT_BOLD, self.map_scale)
        width, height = round(layout.width * 4 / 3), round(layout.height * 4 / 3)  # CSS pixels at the drawn size
        return Markup('<figure class="map">\n<img src="{0}" alt="{1}" width="{2}" height="{3}" />\n<figcaption>\n'
                      '{4}<p class="description-title">{5}</p>\n{6}\n</figcaption>\n</figure>').format(
            name, nodes.plain(block.alt), width, height, self.full_size_link(name), self._("Map description"),
            self.sentences(block.description))

    def full_size_link(self, picture: str) -> Markup:
        """Hook: a link to the picture alone, to zoom into it."""
        return Markup('<p><a href="{}">{}</a></p>\n').format(picture, self._("Open the map at full size"))

    def visit_photo(self, block) -> Markup:
        content, suffix, (width, height) = web_photo(block.path, block.size, self.photo_pixels)
        stem = block.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]  # two places' photos may share a file name
        name = f"photos/{stem}-{hashlib.sha256(block.name.encode()).hexdigest()[:8]}{suffix}"
        self.files[name] = lambda path: path.write_bytes(content)
        return Markup('<figure class="photo">\n<img src="{}" alt="{}" width="{}" height="{}" />\n'
                      '<figcaption>{}</figcaption>\n</figure>').format(name, nodes.plain(block.alt), width, height,
                                                                       self.sentences(block.caption))

    def visit_contents(self, block) -> Markup:
        """Every page of the edition, in reading order (on paper the contents follow the chapters before them)."""
        entries = [Markup('<li><a href="{}{}">{}</a></li>').format(page.name, self.suffix,
                                                                  self.inline(page.sections[0].title))
                   for page in self.pages[1:]]
        return Markup('<nav aria-labelledby="contents">\n<ol class="contents">\n{}\n</ol>\n</nav>').format(
            Markup("\n").join(entries))

    def visit_webaddress(self, block) -> Markup:
        return Markup('<p><a href="{}">{}</a></p>').format(block.url, block.short)

    def visit_signvideo(self, block) -> Markup:
        """The sign-language pictogram beside the sentences, the link, and the address's QR code (to watch on a
        phone)."""
        link = Markup('<p><a href="{}">{}</a></p>').format(
            block.url, self._("Open the video: {address}", address=block.short))
        return Markup('<div class="sign-video"><img class="pictogram" src="{}" alt="" width="{}" height="{}" />'
                      '<div class="item-text">{}\n{}\n{}</div></div>').format(
            self.picture("sign_language"), self.picture_pixels // 2, self.picture_pixels // 2,
            self.sentences(block.sentences), link, self.qr_code(block.url))

    def qr_code(self, url: str) -> Markup:
        code, name = segno.make(url, error="m"), f"qr/{hashlib.sha256(url.encode()).hexdigest()[:12]}.png"
        self.files[name] = lambda path: code.save(str(path), kind="png", scale=4, border=4)
        size = (len(code.matrix) + 8) * 4  # 4 pixels a module, 4 modules of quiet zone each side
        return Markup('<p><img class="qr" src="{}" alt="{}" width="{}" height="{}" /></p>').format(
            name, self._("QR code with the address {url}", url=url), size, size)

    def visit_finder(self, block) -> Markup:
        """The sentences, and a link to each section they name."""
        links = Markup("\n").join(Markup('<li><a href="{}">{}</a></li>').format(self.address[key], self.inline(title))
                                  for title, key in block.targets if key in self.address)
        return Markup('{}\n<ul class="finder">\n{}\n</ul>').format(self.sentences(block.sentences), links) \
            if links else self.sentences(block.sentences)


def page_template():
    """The template of every web page: skip link, header, main, pager and footer around a body."""
    return template("page.html")


def template(name: str):
    """A Jinja2 template of guide/renderers/web/, escaping what it is given."""
    return _ENV.from_string((TEMPLATES / name).read_text(encoding="utf-8"))


def inline(document, text: str) -> Markup:
    """A text of a document as HTML, its passages in the guide's first language marked with their language."""
    if not document.original_locale:
        return escape(nodes.plain(text))
    return Markup("").join(Markup('<span lang="{}">{}</span>').format(document.original_lang, piece)
                           if marked else escape(piece) for piece, marked in _joined(nodes.spans(text)))


class EasyReadHtmlRenderer(HtmlRenderer):
    """The easy-read guide document as web pages: large type, a sentence a line, pictograms beside the facts."""

    name = "html-easy-read"
    register = "easy-read"
    description = "web pages in easy-read: large type, short sentences, pictograms"
    file_key = "web-easy-read"
    other_key, other_edition = "web", "html"
    map_font = 14.0
    picture_pixels = 160
    one_sentence_a_line = True


def _joined(pieces) -> list:
    """Passages in another language with the numbers and signs between two of them (which the marks leave out) as one,
    the spaces at a passage's ends outside it."""
    pieces = list(pieces)
    joined: list = []
    for index, (piece, marked) in enumerate(pieces):
        between = not marked and not any(c.isalpha() for c in piece) and 0 < index < len(pieces) - 1 \
            and pieces[index - 1][1] and pieces[index + 1][1]
        if joined and joined[-1][1] and (marked or between):
            joined[-1] = (joined[-1][0] + piece, True)
        else:
            joined.append((piece, marked or between))
    spaced = []
    for piece, marked in joined:
        core = piece.strip()
        if marked and core != piece:
            start = piece.index(core)
            spaced += [(piece[:start], False), (core, True), (piece[start + len(core):], False)]
        else:
            spaced.append((piece, marked))
    return [(piece, marked) for piece, marked in spaced if piece]


MEDIA_TYPES = {"html": "text/html", "xhtml": "application/xhtml+xml", "css": "text/css", "png": "image/png",
               "jpg": "image/jpeg", "mp3": "audio/mpeg", "smil": "application/smil+xml"}


def media_type(name: str) -> str:
    """The media type of a file of the web pages or the e-book, by its suffix."""
    return MEDIA_TYPES[name.rsplit(".", 1)[-1]]