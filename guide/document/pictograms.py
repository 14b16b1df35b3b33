"""The shipped pictogram set (media/pictograms): SVG files with alt text per language, drawn as vectors.

The set is read once; svglib turns each SVG into a ReportLab drawing, so every PDF edition draws the
same shapes as vectors (ER-05; the print edition needs vector art too).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.colors import CMYKColor

from ..media import NEGATED, PICTOGRAM_DIR, pictogram_catalogue
from ..errors import BuildError

__all__ = ["Pictogram", "pictograms", "pictogram", "draw_pictogram", "PICTOGRAM_DIR", "NEGATED"]

VIEWBOX = 100.0


@dataclass(frozen=True)
class Pictogram:
    id: str
    path: Path
    alt: dict  # language -> what the picture shows

    def alt_text(self, lang: str) -> str:
        return self.alt[lang]


@lru_cache(maxsize=1)
def pictograms() -> dict:
    """Every pictogram by id, in the catalogue's order; a broken catalogue is a BuildError."""
    found, missing = {}, []
    for pid, alt in pictogram_catalogue().items():
        path = PICTOGRAM_DIR / f"{pid}.svg"
        if not path.is_file():
            missing.append(f"{pid}.svg")
            continue
        found[pid] = Pictogram(pid, path, dict(alt))
    if missing:
        raise BuildError(f"{PICTOGRAM_DIR}: pictograms.yaml names files that do not exist: {', '.join(missing)}.\n"
                         "    How to fix: add the SVG files or remove their lines from pictograms.yaml.")
    return found


def pictogram(pid: str) -> Pictogram:
    return pictograms()[pid]


@lru_cache(maxsize=None)
def _drawing(pid: str):
    """The pictogram as a drawing VIEWBOX units square (svglib gives the SVG's pixels as points, ¾ as large)."""
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(str(pictogram(pid).path))
    drawing.scale(VIEWBOX / drawing.width, VIEWBOX / drawing.height)
    return drawing


def draw_pictogram(canvas, pid: str, x: float, y: float, size: float) -> None:
    """Draw the pictogram as vectors with its lower left corner at (x, y), size points square; a NEGATED id
    is drawn crossed out, a white-edged black bar from corner to corner."""
    from reportlab.graphics import renderPDF

    negated = pid.startswith(NEGATED)
    drawing = _drawing(pid.removeprefix(NEGATED))
    drawing.initialFontName = canvas._fontname  # keep the page's embedded font: the default would add Helvetica
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / VIEWBOX, size / VIEWBOX)
    renderPDF.draw(drawing, canvas, 0, 0)
    if negated:
        canvas.setLineCap(1)
        for black, width in ((0, 16), (1, 9)):  # a white edge keeps the bar visible on black shapes
            canvas.setStrokeColor(CMYKColor(0, 0, 0, black))  # CMYK, so the print edition needs no conversion
            canvas.setLineWidth(width)
            canvas.line(8, VIEWBOX - 8, VIEWBOX - 8, 8)
    canvas.restoreState()
