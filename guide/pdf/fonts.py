"""The embedded fonts every PDF is set in: DejaVu Sans (Latin Extended-A and Cyrillic)."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..media import FONT_FILES

__all__ = ["FONT", "FONT_BOLD", "register_fonts", "text_width"]

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"


def register_fonts() -> None:
    """Register the embedded sans-serif font with ReportLab, once."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILES[FONT])))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_FILES[FONT_BOLD])))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def text_width(text: str, size: float, bold: bool) -> float:
    """The width in points of a text set in the guide's font (bold or not) at size: how maps measure their labels."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    return stringWidth(text, FONT_BOLD if bold else FONT, size)
