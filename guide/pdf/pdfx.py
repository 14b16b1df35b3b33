"""Prepress: PDF/X-4 boxes and marks, the binding that fits the page count, creep, and the office imposition.

prepress() turns a laid-out PDF (trim area drawn at `Sheet.slug` from the media edge) into a PDF/X-4 file:
TrimBox and BleedBox on every page, crop (and fold) marks outside the bleed, one GTS_PDFX output intent
with the embedded FOGRA39 profile, and the X-4 metadata (standards PX-01, PX-02, PX-05).

The binding follows the page count (PX-05). Up to SADDLE_STITCH_LIMIT pages the guide is a saddle-stitched
booklet: blank pages are added before the back cover up to a multiple of 4, and compensate_creep() moves the
pages of the inner sheets toward the spine by the paper's thickness for each sheet around them. Above it the
guide is perfect bound: an inner block of an even page count and a separate cover whose spine is
spine_width() wide. Each file states its binding and figures in its XMP (namespace PRINT_NS), so that
preflight checks it against the binding it is for. impose() makes the 2-up A4 file for an office printer.
"""

from __future__ import annotations

import io
import math
import uuid
from dataclasses import dataclass
from typing import Callable

import pikepdf
from lxml import etree
from reportlab.lib.colors import CMYKColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .colour import PRINT_CONDITION, PRINT_PROFILE
from .fonts import FONT, register_fonts

__all__ = ["Sheet", "Side", "prepress", "compensate_creep", "impose", "booklet_order", "office_sides", "spine_width",
           "saddle_stitched", "print_job", "SADDLE_STITCH_LIMIT", "PRINT_NS", "SADDLE", "BLOCK", "COVER", "OFFICE",
           "OFFICE_MARGIN", "office_scale"]

PDFX_VERSION = "PDF/X-4"
SADDLE_STITCH_LIMIT = 64  # pages: 16 sheets of 90-100 g/m² paper, what one staple holds and a booklet opens flat with
PRINT_NS = "https://ns.wromik.invalid/print/1.0/"  # the XMP namespace of a file's binding and its figures
SADDLE, BLOCK, COVER, OFFICE = "saddle-stitch", "perfect-block", "perfect-cover", "office-sheets"
OFFICE_MARGIN = 6 * mm  # what a desktop printer cannot print along each edge of the paper (most print 4-5 mm)
MARK_GAP, MARK_LENGTH = 1 * mm, 4 * mm  # crop marks start this far outside the bleed and are this long
etree.register_namespace("wromik", PRINT_NS)  # the prefix pikepdf writes the print job's XMP properties with


@dataclass(frozen=True)
class Sheet:
    """A printed page: the trim size, the bleed around it and the slug that holds the crop marks. `folds` are the
    positions of fold lines (the spine) from the trim's left edge, marked at the top and bottom."""

    trim_width: float
    trim_height: float
    bleed: float = 3 * mm
    slug: float = 13 * mm
    folds: tuple = ()

    @property
    def media_size(self) -> tuple:
        return self.trim_width + 2 * self.slug, self.trim_height + 2 * self.slug

    @property
    def trim_box(self) -> list:
        return [self.slug, self.slug, self.slug + self.trim_width, self.slug + self.trim_height]

    @property
    def bleed_box(self) -> list:
        x0, y0, x1, y1 = self.trim_box
        return [x0 - self.bleed, y0 - self.bleed, x1 + self.bleed, y1 + self.bleed]

    def crop_marks(self) -> bytes:
        """Content-stream operators for the eight crop marks and the fold marks, in 100 % K, outside the bleed."""
        x0, y0, x1, y1 = self.trim_box
        near = self.bleed + MARK_GAP
        far = min(self.slug - 1 * mm, near + MARK_LENGTH)
        lines = []
        for x, y, sx, sy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)):
            lines.append((x + sx * near, y, x + sx * far, y))
            lines.append((x, y + sy * near, x, y + sy * far))
        ops = " ".join(f"{a:.2f} {b:.2f} m {c:.2f} {d:.2f} l S" for a, b, c, d in lines)
        folds = " ".join(f"{x0 + f:.2f} {y0 - near:.2f} m {x0 + f:.2f} {y0 - far:.2f} l S "
                         f"{x0 + f:.2f} {y1 + near:.2f} m {x0 + f:.2f} {y1 + far:.2f} l S" for f in self.folds)
        dashed = f" [1.5 1.5] 0 d {folds}" if folds else ""
        return f"/Artifact BMC q 0 0 0 1 K 0.3 w [] 0 d {ops}{dashed} Q EMC".encode()


def saddle_stitched(pages: int) -> bool:
    """Whether a guide of this many pages (padded to a multiple of 4) is saddle stitched rather than perfect bound."""
    return _padded(pages) <= SADDLE_STITCH_LIMIT


def spine_width(pages: int, *, text: float, cover: float) -> float:
    """The spine of a perfect-bound guide in mm: its leaves (half its pages) × the text paper's thickness, plus the
    cover's thickness on each side."""
    return math.ceil(pages / 2) * text + 2 * cover


def _fold_sheet(page: int, pages: int) -> int:
    """Which folded sheet of a saddle-stitched booklet holds a page (1-based): 0 is the outermost."""
    return (min(page, pages + 1 - page) - 1) // 2


def _creep(page: int, pages: int, thickness: float) -> float:
    """How far (in points) a page of a saddle-stitched booklet moves toward the spine: the thickness of the paper
    (mm) for every sheet folded around it. Odd pages are right-hand pages, whose spine is on the left."""
    shift = _fold_sheet(page, pages) * thickness * mm
    return -shift if page % 2 else shift


def prepress(path, sheet: Sheet, *, title: str, binding: str, job: dict | None = None) -> int:
    """Make the PDF at path PDF/X-4 for this sheet and binding, in place; return the page count after padding.

    A saddle-stitched booklet gets blank pages before its back cover up to a multiple of 4, a perfect-bound block
    one at the end if its count is odd. job: the figures the binding depends on, written into the XMP."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for page in pdf.pages:
            page.contents_add(pdf.make_stream(b"q"), prepend=True)
            page.contents_add(pdf.make_stream(b"Q " + sheet.crop_marks()), prepend=False)
        multiple = {SADDLE: 4, BLOCK: 2}.get(binding, 1)
        while len(pdf.pages) % multiple:
            blank = pdf.add_blank_page(page_size=sheet.media_size)
            blank.obj.Contents = pdf.make_stream(sheet.crop_marks())
            if binding == SADDLE:  # before the back cover, which stays the last page
                back = pdf.pages[-2]
                del pdf.pages[-2]
                pdf.pages.append(back)
        for page in pdf.pages:
            page.obj.MediaBox = pikepdf.Array([0, 0, *sheet.media_size])
            page.obj.BleedBox = pikepdf.Array(sheet.bleed_box)
            page.obj.TrimBox = pikepdf.Array(sheet.trim_box)
        pages = len(pdf.pages)
        _mark_pdfx(pdf, title, {"binding": binding, "pages": pages, **(job or {})})
        _save(pdf, path)
    return pages


def compensate_creep(path, *, thickness: float) -> float:
    """Move each page of a saddle-stitched booklet toward the spine by its creep (content only: the boxes and marks
    stay), in place; return the largest move in mm."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pages = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            shift = _creep(number, pages, thickness)
            if shift:
                page.contents_add(pdf.make_stream(f"q 1 0 0 1 {shift:.3f} 0 cm".encode()), prepend=True)
                page.contents_add(pdf.make_stream(b"Q"), prepend=False)
        largest = _fold_sheet(pages // 2, pages) * thickness
        _write_job(pdf, {"creep": f"{largest:.2f}", "paper": f"{thickness:g}"})
        _save(pdf, path)
    return largest


def _save(pdf: pikepdf.Pdf, path) -> None:
    pdf.save(path, deterministic_id=True, min_version="1.6", object_stream_mode=pikepdf.ObjectStreamMode.generate)


def _mark_pdfx(pdf: pikepdf.Pdf, title: str, job: dict) -> None:
    """The output intent, Info /Trapped and the PDF/X-4 XMP properties, and the print job's figures."""
    profile = pdf.make_stream(PRINT_PROFILE.read_bytes())
    profile.N = 4
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier=pikepdf.String(PRINT_CONDITION),
        OutputCondition=pikepdf.String("Offset printing, coated paper (ISO 12647-2), FOGRA39"),
        RegistryName=pikepdf.String("http://www.color.org"),
        Info=pikepdf.String("Coated FOGRA39"), DestOutputProfile=profile))])
    pdf.docinfo.Trapped = pikepdf.Name("/False")  # not Name.False_, which is the name /False_
    document = uuid.uuid5(uuid.NAMESPACE_URL, f"wromik:{title}:{job['binding']}:{pdf.docinfo.get('/CreationDate', '')}")
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["pdfxid:GTS_PDFXVersion"] = PDFX_VERSION
        meta["pdf:Trapped"] = "False"
        meta["xmpMM:DocumentID"] = f"uuid:{document}"
        meta["xmpMM:VersionID"] = "1"
        meta["xmpMM:RenditionClass"] = "default"
    _write_job(pdf, job)


def _write_job(pdf: pikepdf.Pdf, job: dict) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        for key, value in job.items():
            meta[f"{{{PRINT_NS}}}{key}"] = str(value)


def print_job(pdf: pikepdf.Pdf) -> dict:
    """The binding and figures a file states in its XMP (see prepress); empty for a file from elsewhere."""
    prefix = f"{{{PRINT_NS}}}"
    with pdf.open_metadata() as meta:
        return {key[len(prefix):]: value for key, value in meta.items() if key.startswith(prefix)}


def booklet_order(pages: int) -> list:
    """Page numbers for each side of the sheets, left then right: for 8 pages 8|1, 2|7, 6|3, 4|5."""
    if pages % 4:
        raise ValueError(f"Expected a page count that is a multiple of 4 but received {pages}")
    order = []
    for side in range(pages // 2):
        outer, inner = pages - side, side + 1
        order.append((outer, inner) if side % 2 == 0 else (inner, outer))
    return order


@dataclass(frozen=True)
class Side:
    """One side of an office sheet: which booklet (part) of how many and its pages (first, last), which sheet of
    how many, front or back, the two pages on it (numbers in the whole guide; None for a blank page) and how far
    each moves toward the spine for creep, in points."""

    part: int
    parts: int
    first: int
    last: int
    sheet: int
    sheets: int
    front: bool
    left: int | None
    right: int | None
    creep: tuple


def _padded(count: int) -> int:
    return count + (-count) % 4


def _parts(pages: list, starts) -> list:
    """The guide's pages cut into booklets of at most SADDLE_STITCH_LIMIT pages (with their padding to 4): as few
    booklets as the page count needs, each beginning at a chapter (a page in starts) on a right-hand (odd) page,
    as near to an even share as can be. Without such a chapter the cut falls mid-chapter, and a booklet that
    would begin on a left-hand page begins with a blank page (None), so that no page changes sides."""
    parts = []
    while _padded(len(pages)) > SADDLE_STITCH_LIMIT:
        share = len(pages) / math.ceil(len(pages) / SADDLE_STITCH_LIMIT)
        fitting = [i for i, page in enumerate(pages) if page in starts and page % 2 and 0 < i
                   and _padded(i) <= SADDLE_STITCH_LIMIT]
        cut = min(fitting, key=lambda i: abs(i - share)) if fitting else SADDLE_STITCH_LIMIT - 1
        parts.append(pages[:cut])
        pages = pages[cut:] if pages[cut] % 2 else [None] + pages[cut:]
    return parts + [pages]


def office_sides(pages: int, *, thickness: float, starts=(), blanks=()) -> list:
    """The sides of the office file: the guide (pages, the booklet with both covers, less its padding `blanks`) in
    saddle-stitched booklets of at most SADDLE_STITCH_LIMIT pages, cut at chapter starts (page numbers). Each is
    padded with blank pages to a multiple of 4, before the back cover in the last one, and stapled on its own."""
    parts = _parts([n for n in range(1, pages + 1) if n not in set(blanks)], set(starts))
    sides = []
    for part, numbers in enumerate(parts, start=1):
        count = _padded(len(numbers))
        padding = [None] * (count - len(numbers))
        numbers = numbers + padding if part < len(parts) else numbers[:-1] + padding + numbers[-1:]
        for index, (left, right) in enumerate(booklet_order(count)):
            sides.append(Side(part, len(parts), min(filter(None, numbers)), max(filter(None, numbers)),
                              index // 2 + 1, count // 4, index % 2 == 0, numbers[left - 1], numbers[right - 1],
                              (_creep(left, count, thickness), _creep(right, count, thickness))))
    return sides


def office_scale(sheet: Sheet) -> float:
    """How much the pages shrink so that two of them, their bleed and the marks fit inside a desktop printer's
    printable area of A4 (OFFICE_MARGIN on each edge), in whole per cent."""
    width, height = landscape(A4)
    room = sheet.bleed + MARK_GAP + MARK_LENGTH
    across = (width - 2 * OFFICE_MARGIN - 2 * room) / (2 * sheet.trim_width)
    down = (height - 2 * OFFICE_MARGIN - 2 * room) / sheet.trim_height
    return math.floor(min(1.0, across, down) * 100) / 100


def impose(source, target, sheet: Sheet, *, thickness: float, label: Callable[[Side], tuple], starts=(),
           blanks=()) -> list:
    """Write the 2-up A4 landscape office file of a prepressed saddle-stitch PDF: pages scaled by office_scale(),
    moved for creep, clipped at the spine, in booklets cut at the chapter starts (page numbers) and without the
    source's padding (the page numbers `blanks`), with crop and fold
    marks around each spread and label(side) (four texts) printed in the slug. The bleed stays 3 mm on the sheet: a page's background must reach sheet.bleed /
    scale beyond its trim. Return the sides."""
    sheet_width, sheet_height = landscape(A4)
    scale = office_scale(sheet)
    spread = Sheet(2 * sheet.trim_width * scale, sheet.trim_height * scale, bleed=sheet.bleed,
                   slug=sheet.bleed + MARK_GAP + MARK_LENGTH, folds=(sheet.trim_width * scale,))
    x0, y0 = (sheet_width - spread.trim_width) / 2, (sheet_height - spread.trim_height) / 2
    with pikepdf.open(source) as pdf:
        sides = office_sides(len(pdf.pages), thickness=thickness, starts=starts, blanks=blanks)
        band = spread.bleed + MARK_GAP + 0.5 * mm  # the baselines: in the slug above and below the spread
        top, bottom = y0 + spread.trim_height + band, y0 - band - MARK_LENGTH + 1 * mm
        half = spread.trim_width / 2
        places = [(x0 + 4 * mm, top), (x0 + half + 4 * mm, top), (x0 + 4 * mm, bottom), (x0 + half + 4 * mm, bottom)]
        labels = pikepdf.open(io.BytesIO(_labels(sides, label, (sheet_width, sheet_height), places, half - 8 * mm)))
        forms = [page.as_form_xobject() for page in pdf.pages]
        trims = [[float(v) for v in page.obj.TrimBox] for page in pdf.pages]
        for index in reversed(range(len(pdf.pages))):
            del pdf.pages[index]
        for key in ("/StructTreeRoot", "/MarkInfo", "/Outlines", "/PageMode"):  # they point at the single pages
            if key in pdf.Root:
                del pdf.Root[key]
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            del meta["pdfuaid:part"]  # sheets of two pages are for print, not for screen readers
        marks = f"q 1 0 0 1 {x0 - spread.slug:.3f} {y0 - spread.slug:.3f} cm ".encode() + spread.crop_marks() + b" Q"
        for side, label_page in zip(sides, labels.pages):
            placed, ops = pikepdf.Dictionary(), []
            for number, at_left, shift in ((side.left, True, side.creep[0]), (side.right, False, side.creep[1])):
                if number is None:  # a blank page that ends a booklet
                    continue
                tx0, ty0, tx1, ty1 = trims[number - 1]
                bleed = sheet.bleed / scale
                clip = [tx0 - bleed if at_left else tx0, ty0 - bleed, tx1 if at_left else tx1 + bleed, ty1 + bleed]
                placed[f"/P{number}"] = forms[number - 1]
                left = x0 + (0 if at_left else sheet.trim_width * scale)
                ops.append(f"q {clip[0] * scale + left - tx0 * scale:.3f} {y0 - sheet.bleed:.3f} "
                           f"{(clip[2] - clip[0]) * scale:.3f} {(clip[3] - clip[1]) * scale:.3f} re W n "
                           f"{scale:.4f} 0 0 {scale:.4f} {left - tx0 * scale + shift:.3f} {y0 - ty0 * scale:.3f} cm "
                           f"/P{number} Do Q")
            placed["/Label"] = pdf.copy_foreign(label_page.as_form_xobject())
            page = pdf.add_blank_page(page_size=(sheet_width, sheet_height))
            page.obj.Resources = pikepdf.Dictionary(XObject=placed)
            page.obj.Contents = pdf.make_stream(" ".join(ops).encode() + b" " + marks + b" /Artifact BMC /Label Do EMC")
            page.obj.TrimBox = pikepdf.Array([x0, y0, x0 + spread.trim_width, y0 + spread.trim_height])
            page.obj.BleedBox = pikepdf.Array([x0 - spread.bleed, y0 - spread.bleed, x0 + spread.trim_width + spread.bleed,
                                               y0 + spread.trim_height + spread.bleed])
        _write_job(pdf, {"binding": OFFICE, "pages": len(forms), "sheets": len(sides) // 2, "parts": sides[0].parts,
                         "scale": f"{scale:.2f}", "paper": f"{thickness:g}"})
        _save(pdf, target)
    return sides


def _labels(sides: list, label: Callable[[Side], tuple], size: tuple, places: list, width: float) -> bytes:
    """One page per side with its label texts in the slug beside the marks, at places (top left, top right, bottom
    left, bottom right), in 7 pt 100 % K, smaller (down to 5 pt) where a text is wider than width."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1, initialFontName=FONT, initialFontSize=7)
    for side in sides:
        canvas.setFillColor(CMYKColor(0, 0, 0, 1))
        for text, (x, y) in zip(label(side), places):
            canvas.setFont(FONT, max(5.0, min(7.0, 7.0 * width / canvas.stringWidth(text, FONT, 7))))
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
