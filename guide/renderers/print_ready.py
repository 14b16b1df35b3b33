"""The print edition: the standard guide document as an A5 PDF/X-4 booklet for the print shop, plus an
imposed 2-up A4 file for saddle stitching (standards PX-01 … PX-06)."""

from __future__ import annotations

from xml.sax.saxutils import escape

import segno
from reportlab.lib.colors import CMYKColor
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from ..pdf.colour import to_print_colour
from ..pdf.pdfx import Sheet, impose, prepress
from ..pdf.tagging import PictureRow, artifact
from .standard import StandardPdfRenderer

__all__ = ["PrintPdfRenderer"]

COVER_INK = CMYKColor(1, 0.6, 0, 0.25)  # the cover band: a deep blue in two inks


class PrintPdfRenderer(StandardPdfRenderer):
    """A5 trim with 3 mm bleed and crop marks, body 11 pt, CMYK only, no links: page numbers and QR codes."""

    name = "print"
    description = "wromik-druk.pdf: the A5 PDF/X-4 booklet for the print shop, and its 2-up A4 imposition"
    medium = "paper"
    sheet = Sheet(148 * mm, 210 * mm)
    base_size = 11.0
    furniture_size = 11.0
    margin = 14 * mm
    links = False
    colour_space = staticmethod(to_print_colour)
    file_name = "wromik-druk.pdf"
    imposed_file_name = "wromik-druk-skladka-A4.pdf"
    qr_size = 22 * mm

    def write(self) -> None:
        super().write()
        path = self.output_path(self.file_name)
        prepress(path, self.sheet, title=self.title)
        impose(path, self.output_path(self.imposed_file_name))

    def subject(self) -> str:
        return self._("{subject}, print edition", subject=self.document.subject)

    def furniture(self, canvas, doc) -> None:
        if canvas.getPageNumber() == 1:
            left, _, right, top = self.sheet.bleed_box
            with artifact(canvas):
                canvas.setFillColor(COVER_INK)
                canvas.rect(left, top - self.sheet.bleed - 40 * mm, right - left, self.sheet.bleed + 40 * mm,
                            stroke=0, fill=1)
        super().furniture(canvas, doc)

    def see_page(self, key: str) -> str:
        return self._(" (see page {number})", number=self.pages[key]) if key in self.pages else ""

    def visit_webaddress(self, block) -> list:
        """A QR code of the address beside it, drawn as vector squares in black ink."""
        modules = segno.make(block.url, error="m").matrix

        def draw(canvas, x, y, size):
            cell = size / len(modules)
            canvas.setFillColor(CMYKColor(0, 0, 0, 1))
            for row, line in enumerate(modules):
                for column, dark in enumerate(line):
                    if dark:
                        canvas.rect(x + column * cell, y + size - (row + 1) * cell, cell, cell, stroke=0, fill=1)
        caption = Paragraph(escape(self._("Scan the code with a phone to open the page {url}", url=block.url)),
                            self.styles["body"])
        return [Spacer(1, 4), PictureRow(draw, self.qr_size, [caption], tree=self.tree,
                                         alt=self._("QR code with the address {url}", url=block.url)), Spacer(1, 6)]

    def write_maps(self) -> None:
        """Paper has no download page: the maps are vectors in the PDF only."""
