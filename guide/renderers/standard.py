"""The standard edition: the guide document as an A4 PDF/UA-1, tagged for screen readers, with route maps.

The renderer is a translator in the Sphinx sense: one visit method per node type of guide.document.nodes.
The easy-read and print editions are the same translator with other settings and a few visits of their own.
"""

from __future__ import annotations

import io

import segno
from reportlab.lib import colors
from reportlab.lib.colors import CMYKColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageBreak, PageTemplate, Paragraph, Spacer

from ..document import nodes
from ..document.maps import SYMBOLS, MapLayout, draw_map, draw_symbol, layout_map, write_png
from ..document.pictograms import draw_pictogram
from ..pdf.fonts import FONT, FONT_BOLD, register_fonts, text_width
from ..pdf.images import PlacedPhoto, draw_photo, place_photo
from ..pdf.pdfx import Sheet
from ..pdf.tagging import (ContentsEntry, PictureRow, StructureTree, TaggedFigure, TaggedListItem, TaggedParagraph,
                           TaggedTable, artifact, finish, markup)
from . import Renderer
from .flow import MapWithSteps, keep_headings_with_content, map_after_last_line

__all__ = ["StandardPdfRenderer"]

class _Outline(Flowable):
    """Outline (bookmark) entries at this point of the story: a label that points here, and entries under it
    that point at destinations anywhere in the document."""

    _ZEROSIZE = True  # takes no room: a heading before it keeps with what follows it

    def __init__(self, key: str, label: str, level: int, targets):
        super().__init__()
        self.key, self.label, self.level, self.targets = key, label, level, targets  # targets: (title, key)

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.label, self.key, level=self.level, closed=True)
        for title, key in self.targets:
            self.canv.addOutlineEntry(title, key, level=self.level + 1, closed=True)


class StandardPdfRenderer(Renderer):
    """A4 portrait, body 12 pt, every page element tagged or an artifact."""

    name = "standard"
    media_type = "application/pdf"
    description = "the tagged PDF/UA-1 guide with route maps"
    medium = "screen"
    sheet = Sheet(*A4, bleed=0, slug=0)
    base_size = 12.0  # body text, and the labels on maps
    furniture_size = 12.0
    margin = 20 * mm  # from the trim edge to the text
    links = True  # live links (on screen); on paper, page numbers instead
    colour_space = None  # ReportLab's enforceColorSpace: None keeps the colours as drawn (RGB)
    file_key = "standard"  # the PDF's name in the language pack's FILE_NAMES
    running_header = True
    cover_space = 60 * mm  # above the title on the title page
    photo_box = (120 * mm, 90 * mm)  # the most room a photo takes: width, height

    def prepare(self) -> None:
        register_fonts()
        self.styles = self.make_styles()
        self.title = nodes.plain(self.document.title)  # metadata, running header
        self._ = self.document.gettext
        self.placed: dict = {}  # photo path -> PlacedPhoto, made once for every pass of the layout
        self.layouts: dict = {}  # map name -> MapLayout, laid out once for the PNG and every pass of the layout

    def make_styles(self) -> dict:
        def style(name, size, font=FONT, leading=1.4, before=0, after=6):
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * leading, 1),
                                  spaceBefore=before, spaceAfter=after, textColor=colors.black, alignment=TA_LEFT,
                                  keepWithNext=name.startswith("h"))  # a heading never ends a page
        base = self.base_size
        return {"title": style("title", base * 2.4, FONT_BOLD, 1.25, 0, 18),
                "h1": style("h1", base * 1.8, FONT_BOLD, 1.25, 6, 10), "h2": style("h2", base * 1.4, FONT_BOLD, 1.3, 10, 6),
                "h3": style("h3", base * 1.15, FONT_BOLD, 1.3, 8, 4), "body": style("body", base),
                "label": style("label", base), "toc": style("toc", base)}

    def write(self) -> None:
        self.write_maps()
        path = self.output_path(self.file_name(self.file_key))
        tree = self._laid_out(path)
        self.documents.page_numbers[(self.name, self.lang)] = tree.destinations
        finish(path, tree, title=self.title, author=self.document.publisher, subject=self.subject(),
               lang=self.document.locale)

    def page_numbers(self) -> dict:
        """The page each section starts on (section key -> page number): an e-book's page list points readers to
        these pages. Laid out once per build: taken from this edition's PDF if the build wrote it, else laid out and
        not kept."""
        key = (self.name, self.lang)
        if key not in self.documents.page_numbers:
            self.documents.page_numbers[key] = self._laid_out(io.BytesIO()).destinations
        return self.documents.page_numbers[key]

    def _laid_out(self, target) -> StructureTree:
        """Lay the story out into target until every heading's page is known (the contents and page references
        show them); the structure tree of the last pass."""
        pages: dict = {}
        for _ in range(4):
            tree = StructureTree(self.lang, self.document.original_locale)
            self._build(target, tree, pages)
            if tree.destinations == pages:
                break
            pages = tree.destinations
        return tree

    def subject(self) -> str:
        """Hook: the PDF's subject."""
        return self.document.subject

    # page furniture ---------------------------------------------------------------------------------------

    def furniture(self, canvas, doc) -> None:
        """Hook: what every page carries besides the story (running header, page number), as artifacts."""
        left, bottom, right, top = self.sheet.trim_box
        shift = self.page_shift(canvas.getPageNumber())
        left, right = left + shift, right + shift
        with artifact(canvas):
            canvas.setFont(FONT, self.furniture_size)
            canvas.setFillColor(colors.black)
            if canvas.getPageNumber() > 1 and self.running_header:
                canvas.drawString(left + self.margin, top - 12 * mm, self.fitted(self.title, self.frame_width))
                canvas.setLineWidth(0.5)
                canvas.line(left + self.margin, top - 14 * mm, right - self.margin, top - 14 * mm)
            number = self._("Page {number}", number=canvas.getPageNumber())
            if self.outer_page_number(canvas.getPageNumber()) == "left":
                canvas.drawString(left + self.margin, bottom + 10 * mm, number)
            else:
                canvas.drawRightString(right - self.margin, bottom + 10 * mm, number)

    def page_shift(self, page: int) -> float:
        """Hook: how far a page's type area lies right of the middle (a bound book's gutter); on screen none."""
        return 0.0

    def outer_page_number(self, page: int) -> str:
        """Hook: the side of the page its number stands on; on screen always the right."""
        return "right"

    def fitted(self, text: str, width: float) -> str:
        """The text as it fits on one line of the width in the furniture's type: cut at a word, with an ellipsis."""
        words = text.split()
        while len(words) > 1 and stringWidth(" ".join(words), FONT, self.furniture_size) > width:
            words = words[:-1]
            if stringWidth(" ".join(words) + "\u2026", FONT, self.furniture_size) <= width:
                return " ".join(words).rstrip(" ,;:\u2013-") + "\u2026"
        return " ".join(words)

    def _build(self, target, tree: StructureTree, pages: dict) -> None:
        slug = self.sheet.slug
        target = target if isinstance(target, io.BytesIO) else str(target)
        doc = BaseDocTemplate(target, pagesize=self.sheet.media_size, title=self.title,
                              author=self.document.publisher, lang=self.lang, initialFontName=FONT,
                              initialFontSize=self.base_size, invariant=1, enforceColorSpace=self.colour_space,
                              leftMargin=slug + self.margin, rightMargin=slug + self.margin,
                              topMargin=slug + self.margin + 4 * mm, bottomMargin=slug + self.margin)
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        doc.addPageTemplates(self.page_templates(frame))
        self.tree, self.pages, self.finders = tree, pages, 0
        doc.build(self.translate(self.document), canvasmaker=self._canvas_maker(tree))

    def page_templates(self, frame) -> list:
        """Hook: the page templates, the first one for every page unless the story switches."""
        return [PageTemplate("page", [frame], onPage=self.furniture)]

    @property
    def frame_width(self) -> float:
        """The width of the text: the trim less the margins."""
        return self.sheet.trim_width - 2 * self.margin

    @staticmethod
    def _canvas_maker(tree):
        from reportlab.pdfgen.canvas import Canvas

        class DestinationCanvas(Canvas):
            def bookmarkPage(self, key, **kwargs):
                tree.destinations[key] = self.getPageNumber()
                return super().bookmarkPage(key, **kwargs)
        return DestinationCanvas

    # the translation --------------------------------------------------------------------------------------

    def translate(self, document) -> list:
        """The whole document as a story: the title page, then every chapter on a new page."""
        story = self.visit_cover(document)
        for section in document.sections:
            if nodes.shown_in(section, self.medium):
                story += [PageBreak()] + self.visit_section(section)
        return keep_headings_with_content(story)

    def visit_cover(self, document) -> list:
        story = [Spacer(1, self.cover_space), TaggedParagraph.plain(document.title, self.styles["title"], tree=self.tree,
                                                           tag="H1", outline=("cover", self.title, 0))]
        return story + self.blocks(document.cover)

    def visit_section(self, section) -> list:
        """The heading and the blocks, a map placed by MapWithSteps when steps follow it, else kept with the line
        before it."""
        blocks = [block for block in section.blocks if nodes.shown_in(block, self.medium)]
        at = next((n for n, block in enumerate(blocks) if isinstance(block, nodes.Figure)), len(blocks))
        if at + 1 < len(blocks):
            story = [MapWithSteps(self.heading_for(section) + self.blocks(blocks[:at]), self.blocks(blocks[at:at + 1]),
                                  self.blocks(blocks[at + 1:]))]
        elif at + 1 == len(blocks):
            story = map_after_last_line(self.heading_for(section) + self.blocks(blocks[:at]), self.blocks(blocks[at:]))
        else:
            story = self.heading_for(section) + self.blocks(blocks)
        for child in section.sections:
            if nodes.shown_in(child, self.medium):
                story += self.visit_section(child)
        return story

    def heading_for(self, section) -> list:
        """Hook: the heading of a section (kept with what follows it)."""
        return [self.heading(section.title, section.level, section.key, outline=section.outline)]

    def heading(self, text: str, level: int, key: str, *, outline: bool = True):
        style = self.styles[f"h{min(level, 3)}"]
        return TaggedParagraph.plain(text, style, tree=self.tree, tag=f"H{min(level, 6)}",
                                     outline=(key, nodes.plain(text), level - 1) if outline else None,
                                     anchor=None if outline else key)

    def blocks(self, blocks) -> list:
        story = []
        for block in blocks:
            if nodes.shown_in(block, self.medium):
                story += getattr(self, f"visit_{type(block).__name__.lower()}")(block)
        return story

    def visit_paragraph(self, block) -> list:
        text = block.text
        if block.reference:
            text = text[:-1] + self.see_page(block.reference) + text[-1:] if text.endswith(".") else \
                text + self.see_page(block.reference)
        return [TaggedParagraph.plain(text, self.styles["body"], tree=self.tree)]

    def markup(self, text: str) -> str:
        """A sentence as ReportLab markup, its passages in the guide's first language tagged with their /Lang."""
        return markup(text, self.tree.original)

    def see_page(self, key: str) -> str:
        """Hook: a reference to the page of a section; on screen the contents links do this job."""
        return ""

    def visit_itemlist(self, block) -> list:
        if any(item.pictogram for item in block.items):
            return self.picture_rows(block.items)
        element = self.tree.element("L", 0, ListNumbering="Decimal" if block.numbered else "Disc")
        flowables = []
        for number, item in enumerate(block.items, start=block.start):
            body = Paragraph(self.markup(item.text), self.styles["body"])
            label = f"{number}." if block.numbered else "\u2022"
            flowables += [TaggedListItem(label, body, tree=self.tree, list_element=element,
                                         label_style=self.styles["label"], indent=9 * mm), Spacer(1, 3)]
        return flowables

    def picture_rows(self, items) -> list:
        """Items as a list L > LI > LBody > P, each with its pictogram as an artifact beside it."""
        element = self.tree.element("L", 0, ListNumbering="None")
        story = []
        for item in items:
            body = self.tree.element("LBody", self.tree.element("LI", element))
            paragraphs = [Paragraph(self.markup(s), self.styles["body"]) for s in item.sentences]
            story += [PictureRow(self._picture(item.pictogram or "information"), self.pictogram_size(), paragraphs,
                                 tree=self.tree, parent=body), Spacer(1, 8)]
        return story

    def pictogram_size(self) -> float:
        return self.base_size * 2.2

    @staticmethod
    def _picture(pid: str):
        """How to draw a pictogram of the set, or a map symbol (a legend of the maps shows those)."""
        draw = draw_symbol if pid in SYMBOLS else draw_pictogram
        return lambda canvas, x, y, size: draw(canvas, pid, x, y, size)

    def visit_legend(self, block) -> list:
        """Every pictogram as a Figure with its meaning as alt text, and the meaning beside it, a sentence a line."""
        rows = []
        for item in block.items:
            rows += [PictureRow(self._picture(item.pictogram), self.pictogram_size(),
                                [Paragraph(self.markup(s), self.styles["body"]) for s in item.sentences], tree=self.tree,
                                alt=nodes.plain(item.text).rstrip(".")), Spacer(1, 4)]
        return rows

    def visit_table(self, block) -> list:
        rows = [list(block.header)] + [[nodes.plain(cell) for cell in row] for row in block.rows]
        width = min(60 * mm, self.frame_width / len(block.header))
        size = self.base_size
        table = TaggedTable(rows, tree=self.tree, row_headers=True, colWidths=[width] * len(block.header),
                            hAlign="LEFT", style=[("FONT", (0, 0), (-1, -1), FONT, size), ("FONT", (0, 0), (-1, 0), FONT_BOLD),
                                                  ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                                  ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
                                                  ("TOPPADDING", (0, 0), (-1, -1), 4),
                                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                                                  ("LEADING", (0, 0), (-1, -1), size * 1.2)])
        return [table, Spacer(1, 6)]

    def visit_figure(self, block) -> list:
        layout = self.map_layout(block)

        def draw(canvas, width, height):
            draw_map(canvas, layout, FONT, FONT_BOLD)
        return [Spacer(1, 4), TaggedFigure(layout.width, layout.height, draw, tree=self.tree, alt=nodes.plain(block.alt)),
                Spacer(1, 10)]

    def visit_photo(self, block) -> list:
        """The photo as a Figure with its alternative text, its caption under it, kept together on one page."""
        photo = self.placed_photo(block)

        def draw(canvas, width, height):
            draw_photo(canvas, photo, width, height)
        figure = TaggedFigure(photo.width, photo.height, draw, tree=self.tree, alt=nodes.plain(block.alt))
        caption = self.visit_paragraph(nodes.Paragraph(block.caption))  # in each edition's way with sentences
        return [Spacer(1, 4), KeepTogether([figure, Spacer(1, 4), *caption]), Spacer(1, 8)]

    def placed_photo(self, block) -> PlacedPhoto:
        """The photo fitted into this edition's photo box, in its colours, once for all the passes of the layout."""
        if block.path not in self.placed:
            self.placed[block.path] = place_photo(block.path, block.size, self.photo_box, medium=self.medium)
        return self.placed[block.path]

    def map_layout(self, block) -> MapLayout:
        """A map as this edition draws it: the text's full width, the height its route's shape asks for, labels
        at the body's type size; once for the PNG and all the passes of the layout."""
        if block.name not in self.layouts:
            width = self.frame_width
            self.layouts[block.name] = layout_map(block.scene, width, width * block.scene.aspect, self.base_size,
                                                  text_width)
        return self.layouts[block.name]

    def shown_figures(self):
        """Every map this edition shows, in reading order."""
        def visit(sections):
            for section in sections:
                if nodes.shown_in(section, self.medium):
                    yield from (block for block in section.blocks
                                if isinstance(block, nodes.Figure) and nodes.shown_in(block, self.medium))
                    yield from visit(section.sections)
        return visit(self.document.sections)

    def write_maps(self) -> None:
        """Hook: each map once as a PNG beside the PDF (the same drawing), for the download page."""
        for block in self.shown_figures():
            write_png(self.output_path(f"maps/{block.name}.png", "image/png"), self.map_layout(block), FONT, FONT_BOLD)

    def visit_contents(self, block) -> list:
        story = []
        for entry in filter(lambda entry: nodes.shown_in(entry, self.medium), block.entries):
            page = str(self.pages.get(entry.key, "\u2026"))
            story += [ContentsEntry(entry.title, page, entry.key if self.links else None, self.styles["toc"],
                                    tree=self.tree, link_text=self._("{title}, page {number}",
                                                                     title=nodes.plain(entry.title), number=page)),
                      Spacer(1, 2)]
        return story

    def visit_webaddress(self, block) -> list:
        """Hook: on screen the address in the text is enough."""
        return []

    def visit_signvideo(self, block) -> list:
        """The sign-language pictogram beside the sentences, and the QR code of the video's address under it: on
        screen a link, on paper a code to scan."""
        link_text = self._("Open the video: {address}", address=block.short)
        caption = f"<u>{self.markup(link_text)}</u>" if self.links else \
            self.markup(self._("Scan the code with a phone to watch the video."))
        return [PictureRow(self._picture("sign_language"), self.pictogram_size(),
                           [Paragraph(self.markup(s), self.styles["body"]) for s in block.sentences], tree=self.tree),
                Spacer(1, 4), *self.qr_code(block.url, [Paragraph(caption, self.styles["body"])]), Spacer(1, 8)]

    qr_size = 25 * mm

    def qr_code(self, url: str, caption: list) -> list:
        """A QR code of the address, drawn as vector squares in black ink, with caption paragraphs beside it. On
        screen the row is a link and the caption its text, so the code is an artifact; on paper a Figure."""
        modules = segno.make(url, error="m").matrix

        def draw(canvas, x, y, size):
            cell = size / len(modules)
            canvas.setFillColor(CMYKColor(0, 0, 0, 1))
            for row, line in enumerate(modules):
                for column, dark in enumerate(line):
                    if dark:
                        canvas.rect(x + column * cell, y + size - (row + 1) * cell, cell, cell, stroke=0, fill=1)
        linked = self.links and bool(caption)
        return [PictureRow(draw, self.qr_size, caption, tree=self.tree, link=url if linked else None,
                           alt=None if linked else self._("QR code with the address {url}", url=url))]

    def visit_finder(self, block) -> list:
        """The sentences, and in the outline the label with an entry for each section it names."""
        self.finders += 1
        outline = [_Outline(f"finder-{self.finders}", nodes.plain(block.label), self.finder_level,
                            tuple((nodes.plain(title), key) for title, key in block.targets))]
        return outline + self.visit_paragraph(nodes.Paragraph(block.sentences))

    finder_level = 2  # outline level of a Finder's label: under the section that holds it (level 2 → index 1)

