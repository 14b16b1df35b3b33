"""The print edition: the standard guide document as an A5 PDF/X-4 guide for the print shop, bound as its page
count allows, and an imposed 2-up A4 file for an office printer (standards PX-01 … PX-06).

Up to SADDLE_STITCH_LIMIT pages the guide is one saddle-stitched booklet: front cover, pages, back cover, with
creep compensation. Above it the guide is perfect bound: the print file is the inner block (title page first) and
the cover file the cover, back | spine | front on one sheet (file names in the pack's FILE_NAMES). The office file is always a set of
saddle-stitched booklets with both covers, which a desktop printer prints and a stapler binds.
"""

from __future__ import annotations


import math

import pikepdf
from babel.numbers import format_decimal
from reportlab.lib.colors import CMYKColor
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer

from ..errors import BuildError
from ..pdf.colour import to_print_colour
from ..pdf.fonts import FONT, FONT_BOLD
from ..pdf.images import resolution_warning
from ..pdf.pdfx import (BLOCK, COVER, SADDLE, Sheet, compensate_creep, impose, office_scale, prepress, saddle_stitched,
                        spine_width)
from ..pdf.preflight import preflight_each
from ..pdf.tagging import StructureTree, artifact, finish
from .standard import StandardPdfRenderer

__all__ = ["PrintPdfRenderer"]

COVER_INK = CMYKColor(1, 0.6, 0, 0.25)  # the cover band: a deep blue in two inks
BAND = 40 * mm  # the band's height below the top trim
GUTTER = 6 * mm  # a perfect-bound block's inner margin is this much wider than its outer one: the glue takes it
OVERRUN = 0.9 * mm  # the band runs this far past the bleed: the office file's pages, shrunk, still fill its bleed
SPINE_MARGIN = 1.5 * mm  # kept clear on each side of the spine's text: what binding may shift the folds by
SPINE_TYPE = (8.0, 14.0)  # the smallest and largest type size on the spine, points


class PrintPdfRenderer(StandardPdfRenderer):
    """A5 trim with 3 mm bleed and crop marks, body 11 pt, CMYK only, no links: page numbers and QR codes."""

    name = "print"
    description = ("the A5 PDF/X-4 guide for the print shop (with its cover on one sheet when perfect bound), and its "
                   "2-up A4 imposition for an office printer")
    medium = "paper"
    sheet = Sheet(148 * mm, 210 * mm)
    base_size = 11.0
    furniture_size = 11.0
    margin = 14 * mm
    links = False
    colour_space = staticmethod(to_print_colour)
    file_key = "print"
    qr_size = 22 * mm
    photo_box = (90 * mm, 70 * mm)  # three quarters of the text's width: 300 ppi from 1063 pixels across

    def prepare(self) -> None:
        super().prepare()
        self.blurred: dict = {}  # photo file -> the warning that it has less than 300 ppi in print

    @classmethod
    def photo_warning(cls, name: str, size: tuple) -> str | None:
        """The warning for a photo of size pixels that has less than 300 ppi where this edition prints it, or None."""
        return resolution_warning(name, size, cls.photo_box)

    def placed_photo(self, block):
        warning = self.photo_warning(block.name, block.size)
        if warning and block.name not in self.blurred:
            self.blurred[block.name] = warning
            self.say(warning)
        return super().placed_photo(block)

    def write(self) -> None:
        """The saddle-stitched booklet and the office file from it; above the limit, the perfect-bound block and
        its cover instead of the booklet."""
        path, paper = self.output_path(self.file_name(self.file_key)), self.document.paper
        self.binding = SADDLE
        super().write()
        laid_out = self.page_count(path)
        pages = prepress(path, self.sheet, title=self.title, binding=SADDLE, job={"paper": f"{paper.text:g}"})
        self.back_cover_page = pages
        starts = [self.pages[s.key] for s in self.document.sections if s.key in self.pages]  # the chapters' pages
        impose(path, self.output_path(self.file_name("print-imposed")), self.sheet, thickness=paper.office,
               label=self.office_label, starts=starts, blanks=range(laid_out, pages))  # its own padding instead
        if saddle_stitched(pages):
            compensate_creep(path, thickness=paper.text)
            return
        self.binding = BLOCK
        super().write()
        pages = prepress(path, self.sheet, title=self.title, binding=BLOCK, job={"paper": f"{paper.text:g}"})
        self.write_cover(pages)

    @staticmethod
    def page_count(path) -> int:
        with pikepdf.open(path) as pdf:
            return len(pdf.pages)

    def finish(self) -> None:
        """Preflight every file written, side by side: a file the print shop would send back is never published."""
        checked = preflight_each([self.out_dir / artifact.path for artifact in self.artifacts])
        findings = [(artifact.path, finding) for artifact, found in zip(self.artifacts, checked) for finding in found]
        if findings:
            raise BuildError(f"The print edition failed its own preflight, so nothing was published: "
                             f"{'; '.join(f'{path}: {finding}' for path, finding in findings[:5])}. This is a bug in "
                             "wromik: please report it with the data.")

    def subject(self) -> str:
        return self._("{subject}, print edition", subject=self.document.subject)

    # pages ------------------------------------------------------------------------------------------------

    def page_templates(self, frame) -> list:
        """Every page, and the back cover of a booklet (no page number, no running header). In a perfect-bound
        block right- and left-hand pages alternate, their type area moved away from the glued spine."""
        if self.binding != BLOCK:
            return super().page_templates(frame) + [PageTemplate("back", [frame], onPage=self.back_furniture)]

        def page(name, shift, following):
            moved = Frame(frame._x1 + shift, frame._y1, frame._width, frame._height, id=name, leftPadding=0,
                          rightPadding=0, topPadding=0, bottomPadding=0)
            return PageTemplate(name, [moved], onPage=self.furniture, autoNextPageTemplate=following)
        return [page("page", self.page_shift(1), "left"), page("left", self.page_shift(2), "page")]

    def page_shift(self, page: int) -> float:
        """Right-hand (odd) pages of a perfect-bound block move right, left-hand ones left, by half the gutter."""
        if self.binding != BLOCK:
            return 0.0
        return GUTTER / 2 if page % 2 else -GUTTER / 2

    def translate(self, document) -> list:
        story = super().translate(document)
        if self.binding == SADDLE:
            story += [NextPageTemplate("back"), PageBreak(), Spacer(1, self.cover_space / 2)]
            story += self.blocks(document.back_cover)
        return story

    def furniture(self, canvas, doc) -> None:
        """The cover (or title page) carries no number; a booklet's front cover has the band."""
        if canvas.getPageNumber() > 1:
            super().furniture(canvas, doc)
        elif self.binding == SADDLE:
            self.band(canvas, *self.sheet.bleed_box)

    def back_furniture(self, canvas, doc) -> None:
        self.band(canvas, *self.sheet.bleed_box)

    def band(self, canvas, left, bottom, right, top) -> None:
        """The cover's coloured band, from the bleed at the top across the whole width given."""
        with artifact(canvas):
            canvas.setFillColor(COVER_INK)
            canvas.rect(left - OVERRUN, top - self.sheet.bleed - BAND, right - left + 2 * OVERRUN,
                        self.sheet.bleed + BAND + OVERRUN, stroke=0, fill=1)

    def outer_page_number(self, page: int) -> str:
        """On paper at the outer edge: right on right-hand (odd) pages, left on left-hand ones."""
        return "right" if page % 2 else "left"

    def see_page(self, key: str) -> str:
        return self._(" (see page {number})", number=self.pages[key]) if key in self.pages else ""

    def visit_webaddress(self, block) -> list:
        """A QR code of the address beside the address written out."""
        caption = Paragraph(self.markup(self._("Scan the code with a phone to open the page {url}", url=block.short)),
                            self.styles["body"])
        return [Spacer(1, 4), *self.qr_code(block.url, [caption]), Spacer(1, 6)]

    def write_maps(self) -> None:
        """Paper has no download page: the maps are vectors in the PDF only."""

    # the cover of a perfect-bound guide -------------------------------------------------------------------

    def write_cover(self, pages: int) -> None:
        """The cover as one sheet, back | spine | front, the spine as wide as the block of `pages` is thick."""
        paper, trim = self.document.paper, self.sheet
        spine_mm = spine_width(pages, text=paper.text, cover=paper.cover)
        spine = spine_mm * mm
        sheet = Sheet(2 * trim.trim_width + spine, trim.trim_height, folds=(trim.trim_width, trim.trim_width + spine))
        path = self.output_path(self.file_name("print-cover"))
        left, bottom = sheet.trim_box[:2]
        height = trim.trim_height - 2 * self.margin

        def panel(name, x):
            return Frame(x + self.margin, bottom + self.margin, self.frame_width, height, id=name, leftPadding=0,
                         rightPadding=0, topPadding=0, bottomPadding=0)

        def furniture(canvas, doc):
            self.band(canvas, *sheet.bleed_box)
            self.spine_title(canvas, left + trim.trim_width, spine, sheet.trim_box[3])
            with artifact(canvas):  # for the print shop, in the slug below the marks: how the spine was reckoned, in
                canvas.setFont(FONT, 7)  # the publisher's language (the guide's first), whatever the guide's
                canvas.setFillColor(CMYKColor(0, 0, 0, 1))
                canvas.drawString(left + 5 * mm, bottom - sheet.slug + 3.5 * mm, self.document.original.gettext(
                    "Spine {spine} mm = {leaves} leaves ({pages} pages) × {text} mm + 2 × {cover} mm cover.",
                    spine=self.decimal(spine_mm), leaves=math.ceil(pages / 2), pages=pages,
                    text=self.decimal(paper.text), cover=self.decimal(paper.cover)))
        self.tree = StructureTree(self.lang, self.document.original_locale)
        doc = BaseDocTemplate(str(path), pagesize=sheet.media_size, title=self.title, author=self.document.publisher,
                              lang=self.lang, invariant=1, enforceColorSpace=self.colour_space, initialFontName=FONT,
                              initialFontSize=self.base_size)
        doc.addPageTemplates([PageTemplate("cover", [panel("front", left + trim.trim_width + spine),
                                                     panel("back", left)], onPage=furniture)])
        doc.build(self.visit_cover(self.document) + [FrameBreak(), Spacer(1, self.cover_space / 2)]
                  + self.blocks(self.document.back_cover))
        finish(path, self.tree, title=self.title, author=self.document.publisher, subject=self.subject(),
               lang=self.document.locale)
        prepress(path, sheet, title=self.title, binding=COVER, job={
            "blockPages": pages, "paper": f"{paper.text:g}", "coverPaper": f"{paper.cover:g}",
            "spine": f"{spine_mm:.2f}", "pageWidth": f"{trim.trim_width / mm:.2f}"})

    def decimal(self, value: float) -> str:
        """A measure as the guide's language writes it (5,1 in Polish), to two decimals at most."""
        return format_decimal(round(value, 2), locale=self.lang)

    def spine_title(self, canvas, x: float, spine: float, top: float) -> None:
        """The title along the spine, read from top to bottom (ISO 6357), when the spine is wide enough for it."""
        ascent, descent = (v / 1000 for v in pdfmetrics.getAscentDescent(FONT_BOLD))  # per point of type size
        size = min(SPINE_TYPE[1], (spine - 2 * SPINE_MARGIN) / (ascent - descent))
        if size < SPINE_TYPE[0]:
            return
        with artifact(canvas):
            canvas.saveState()
            # rotated, the letters' tops point to the front cover: the glyph box's middle on the spine's middle
            canvas.translate(x + spine / 2 - (ascent + descent) / 2 * size, top - BAND - 8 * mm)
            canvas.rotate(-90)
            canvas.setFont(FONT_BOLD, size)
            canvas.setFillColor(CMYKColor(0, 0, 0, 1))
            canvas.drawString(0, 0, self.title)
            canvas.restoreState()

    # the office file --------------------------------------------------------------------------------------

    def page_name(self, number: int | None) -> str:
        """A page of the booklet as the office worker finds it: its number, or which cover, or blank."""
        _ = self._
        return {None: _("blank"), 1: _("front cover"), self.back_cover_page: _("back cover")}.get(number, str(number))

    def office_label(self, side) -> tuple:
        """What the slug of an office sheet says (top left, top right, bottom left, bottom right): how to print and
        bind it, which booklet, sheet and pages it holds, and at what size."""
        _ = self._
        where = _("Sheet {sheet} of {sheets}, {side}: {left} and {right}.", sheet=side.sheet, sheets=side.sheets,
                  side=_("front") if side.front else _("back"), left=self.page_name(side.left),
                  right=self.page_name(side.right))
        scale = _("Pages at {scale} % of the A5 size.", scale=round(office_scale(self.sheet) * 100))
        if side.first == 1:
            pages = _("from the front cover to page {last}", last=side.last)
        elif side.last == self.back_cover_page:
            pages = _("from page {first} to the back cover", first=side.first)
        else:
            pages = _("pages {first} to {last}", first=side.first, last=side.last)
        booklet = _("Booklet {part} of {parts}: {pages}; staple it on its own.", part=side.part, parts=side.parts,
                    pages=pages) if side.parts > 1 else scale
        return (_("Print on both sides at 100 %, flipping on the short edge."),
                _("Fold, nest the sheets (sheet 1 outside), staple, trim."), booklet,
                f"{where} {scale}" if side.parts > 1 else where)
