"""The easy-read edition (tekst łatwy do czytania): the easy-read guide document on A4, 16 pt, one sentence
per line, a pictogram beside every instruction and fact (standards ER-01 … ER-08), tagged PDF/UA-1."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Spacer

from ..pdf.tagging import TaggedParagraph
from ..pdf.fonts import FONT, FONT_BOLD
from .standard import StandardPdfRenderer

__all__ = ["EasyReadPdfRenderer"]


class _Sentence(TaggedParagraph):
    """One sentence on its own line(s); it never breaks across pages (ER-02)."""

    def split(self, availWidth, availHeight):
        return []


class EasyReadPdfRenderer(StandardPdfRenderer):
    """A4 portrait, body 16 pt with 1.5 line spacing, headings 20 pt and more, pictograms on the left."""

    name = "easy-read"
    register = "easy-read"
    description = "the easy-read guide with pictograms (PDF/UA-1)"
    base_size = 16.0
    furniture_size = 16.0
    running_header = False
    file_key = "easy-read"
    cover_space = 50 * mm
    photo_box = (160 * mm, 120 * mm)  # larger than in the standard edition: the picture says much of it

    @classmethod
    def check(cls, documents) -> list:
        """The easy-read texts must exist and follow ER-03, ER-04, ER-06 and ER-07 before anything is written."""
        return documents.check_easy_read()

    def make_styles(self) -> dict:
        def style(name, size, font=FONT):
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.5, spaceBefore=0,
                                  spaceAfter=0, textColor=colors.black, alignment=TA_LEFT, splitLongWords=0)
        return {"title": style("title", 30, FONT_BOLD), "h1": style("h1", 26, FONT_BOLD), "h2": style("h2", 22, FONT_BOLD),
                "h3": style("h3", 20, FONT_BOLD), "body": style("body", self.base_size), "toc": style("toc", self.base_size),
                "label": style("label", self.base_size)}

    def heading_for(self, section) -> list:
        """A heading kept with what follows it, with room around it."""
        level = section.level
        return [Spacer(1, 10 if level > 1 else 0), CondPageBreak((80 if level < 3 else 50) * mm),
                *super().heading_for(section), Spacer(1, 8)]

    def visit_paragraph(self, block) -> list:
        """One paragraph per sentence (ER-03), with breathing space between them."""
        story = []
        for sentence in block.sentences:
            story += [_Sentence.plain(sentence, self.styles["body"], tree=self.tree), Spacer(1, 4)]
        return story

    def pictogram_size(self) -> float:
        return 14 * mm

    def write_maps(self) -> None:
        """The standard edition saves the maps; these have the easy-read names and type size, for this PDF only."""
