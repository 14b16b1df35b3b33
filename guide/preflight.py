"""Preflight: check any PDF against the print shop's rules PX-01 … PX-05 before it is sent.

Each finding names the rule, the page and the object, says what is wrong and how to fix it.
The document, its pages, their content streams and form XObjects are read with pikepdf; the
position and colour of every glyph comes from pdfplumber.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pikepdf
from reportlab.lib.units import mm

from .errors import UsageError

__all__ = ["Finding", "preflight"]

BLEED = 3 * mm
SAFE_MARGIN = 5 * mm
MIN_PPI = 300
MAX_INK = 3.0
TOLERANCE = 0.1  # points
_RGB_SPACES = {"/DeviceRGB", "/CalRGB", "/RGB"}  # /RGB: the inline-image abbreviation
_ALLOWED_ANNOTATIONS = {"/PrinterMark", "/TrapNet"}


@dataclass(frozen=True)
class Finding:
    rule: str
    page: int | None  # 1-based; None for the document as a whole
    object: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"page {self.page}, {self.object}" if self.page else self.object
        return f"{self.rule} {where}: {self.message} Fix: {self.fix}"


def preflight(path) -> list:
    """Every finding for the PDF at path; an empty list means it passes PX-01 … PX-05."""
    path = Path(path)
    try:
        pdf = pikepdf.open(path)
    except (OSError, pikepdf.PdfError) as error:
        raise UsageError(f"{path}: cannot be read as a PDF ({error}). Expected a PDF file.") from None
    with pdf, pdfplumber.open(path) as plumbed:
        findings = _document(pdf)
        for number, (page, plumbed_page) in enumerate(zip(pdf.pages, plumbed.pages), start=1):
            findings += _boxes(page, number)
            findings += _text(plumbed_page, page, number)
            findings += _content(page, number)
            findings += _annotations(page, number)
        if len(pdf.pages) % 4:
            findings.append(Finding("PX-05", None, "page count",
                                    f"Expected a multiple of 4 pages for a saddle-stitched booklet but received "
                                    f"{len(pdf.pages)}.", f"Add {4 - len(pdf.pages) % 4} blank page(s) at the end."))
    return findings


# PX-01: output intent and metadata ------------------------------------------------------------------------

def _document(pdf: pikepdf.Pdf) -> list:
    findings = []
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == pikepdf.Name.GTS_PDFX]
    if len(intents) != 1:
        findings.append(Finding("PX-01", None, "Catalog /OutputIntents",
                                f"Expected one GTS_PDFX output intent but received {len(intents)}.",
                                "Export as PDF/X-4 with the FOGRA39 (Coated FOGRA39) output intent."))
    for intent in intents:
        profile = intent.get("/DestOutputProfile")
        if profile is None or int(profile.get("/N", 0)) != 4:
            findings.append(Finding("PX-01", None, "OutputIntent /DestOutputProfile",
                                    "Expected an embedded CMYK printer profile but received "
                                    + ("none." if profile is None else f"a profile with {profile.get('/N')} channels."),
                                    "Embed the CMYK FOGRA39 profile in the output intent."))
        if not str(intent.get("/OutputConditionIdentifier", "")):
            findings.append(Finding("PX-01", None, "OutputIntent /OutputConditionIdentifier",
                                    "The output intent does not name its printing condition.",
                                    "Set OutputConditionIdentifier, for example FOGRA39."))
    with pdf.open_metadata() as meta:
        version = meta.get("pdfxid:GTS_PDFXVersion", "")
    if not version.startswith("PDF/X-4"):
        findings.append(Finding("PX-01", None, "XMP pdfxid:GTS_PDFXVersion",
                                f"Expected PDF/X-4 but received {version or 'nothing'}.",
                                "Export as PDF/X-4 so that the XMP metadata names the standard."))
    if pdf.trailer.get("/Info", pikepdf.Dictionary()).get("/Trapped") not in (pikepdf.Name.True_, pikepdf.Name.False_):
        findings.append(Finding("PX-01", None, "Info /Trapped", "Expected /True or /False but received nothing.",
                                "Set the document's Trapped key (False when the file is not trapped)."))
    return findings


# PX-02: page boxes and the safe area ----------------------------------------------------------------------

def _box(page, name: str):
    value = page.obj.get(name)
    return [float(v) for v in value] if value is not None else None


def _boxes(page, number: int) -> list:
    media, trim, bleed = _box(page, "/MediaBox"), _box(page, "/TrimBox"), _box(page, "/BleedBox")
    if trim is None:
        return [Finding("PX-02", number, "/TrimBox", "The page has no TrimBox, so the print shop cannot tell where "
                        "to cut.", "Export with the trim size (A5, 148 × 210 mm) and 3 mm bleed.")]
    if bleed is None:
        return [Finding("PX-02", number, "/BleedBox", "The page has no bleed.",
                        "Export with 3 mm bleed on every side.")]
    findings = []
    gaps = [trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]]
    if min(gaps) < BLEED - TOLERANCE:
        shown = ", ".join(f"{g / mm:.1f}" for g in gaps)
        findings.append(Finding("PX-02", number, "/BleedBox", f"Expected 3 mm bleed on every side but received "
                                f"{shown} mm (left, bottom, right, top).", "Export with 3 mm bleed on every side."))
    if media[0] > bleed[0] + TOLERANCE or media[1] > bleed[1] + TOLERANCE or media[2] < bleed[2] - TOLERANCE \
            or media[3] < bleed[3] - TOLERANCE:
        findings.append(Finding("PX-02", number, "/MediaBox", "The MediaBox does not hold the whole BleedBox.",
                                "Make the page (MediaBox) large enough for the bleed and the crop marks."))
    return findings


def _text(plumbed_page, page, number: int) -> list:
    """Text ≥ 5 mm inside the trim (PX-02); black text in black ink only (PX-03)."""
    trim = _box(page, "/TrimBox")
    height = float(plumbed_page.height)
    near, rich = [], []
    for char in plumbed_page.chars:
        if not char["text"].strip():
            continue
        x0, x1, bottom, top = char["x0"], char["x1"], height - char["bottom"], height - char["top"]
        if trim and (x0 < trim[0] + SAFE_MARGIN - TOLERANCE or x1 > trim[2] - SAFE_MARGIN + TOLERANCE
                     or bottom < trim[1] + SAFE_MARGIN - TOLERANCE or top > trim[3] - SAFE_MARGIN + TOLERANCE):
            near.append(char)
        colour = char.get("non_stroking_color")
        if isinstance(colour, (tuple, list)) and len(colour) == 4 and colour[3] >= 0.9 and any(colour[:3]):
            rich.append(char)
    findings = []
    if near:
        sample = "".join(c["text"] for c in near[:30])
        findings.append(Finding("PX-02", number, f"text in font {near[0]['fontname']}",
                                f"{len(near)} character(s) lie closer than 5 mm to the trim edge, for example "
                                f"„{sample}”.", "Move the text at least 5 mm inside the trim."))
    if rich:
        c, m, y, k = rich[0]["non_stroking_color"]
        findings.append(Finding("PX-03", number, f"text in font {rich[0]['fontname']}",
                                f"Black text in several inks (C{c:.0%} M{m:.0%} Y{y:.0%} K{k:.0%}), "
                                f"{len(rich)} character(s).", "Set black text in 100 % K only."))
    return findings


# PX-03 / PX-04: colour, fonts and images in the content ---------------------------------------------------

def _content(page, number: int) -> list:
    findings: list = []
    _scan(page.obj, page.obj.get("/Resources", pikepdf.Dictionary()), number, "page content", (1, 0, 0, 1, 0, 0),
          findings, set())
    return findings


def _space_is_rgb(space) -> bool:
    if space is None:
        return False
    if isinstance(space, pikepdf.Name):
        return str(space) in _RGB_SPACES
    family = str(space[0])
    if family in _RGB_SPACES:
        return True
    if family == "/ICCBased":
        return int(space[1].get("/N", 0)) == 3
    if family == "/Indexed":
        return _space_is_rgb(space[1])
    return False


def _named_space(resources, name):
    """A colour space by its resource name, or the device space itself (/DeviceRGB, /DeviceCMYK…)."""
    return resources.get("/ColorSpace", {}).get(str(name), name)


def _multiply(a, b) -> tuple:
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def _scan(stream, resources, number: int, where: str, matrix: tuple, findings: list, seen: set) -> None:
    """Walk one content stream (and the forms it draws) for colour, font and image problems."""
    stack, ctm = [], matrix
    spaces = {"fill": None, "stroke": None}
    rgb: dict = {}  # operator -> its first operands: one finding per operator and stream, not one per use
    heavy: dict = {}  # operator -> the first total ink over 300 %
    for operands, operator in pikepdf.parse_content_stream(stream):
        op = str(operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q" and stack:
            ctm = stack.pop()
        elif op == "cm":
            ctm = _multiply(tuple(float(v) for v in operands), ctm)
        elif op in ("rg", "RG"):
            rgb.setdefault(op, operands)
        elif op in ("cs", "CS"):
            spaces["fill" if op == "cs" else "stroke"] = _named_space(resources, operands[0])
        elif op in ("sc", "scn", "SC", "SCN"):
            space = spaces["fill" if op.islower() else "stroke"]
            if _space_is_rgb(space):
                rgb.setdefault(op, operands)
            elif len(operands) == 4 and not isinstance(operands[-1], pikepdf.Name):
                _ink(operands, op, heavy)
        elif op in ("k", "K"):
            _ink(operands, op, heavy)
        elif op == "Tf":
            _font(resources, operands[0], number, findings, seen)
        elif op == "Do":
            _draw(resources, operands[0], number, ctm, findings, seen)
        elif op == "INLINE IMAGE":
            image = operands[0]
            _image(image.width, image.height, image.obj.get("/ColorSpace", image.obj.get("/CS")),
                   bool(image.image_mask), "inline image", number, ctm, findings)
    for op, first in rgb.items():
        findings.append(Finding("PX-03", number, f"{where}, operator {op}",
                                f"RGB colours, for example {' '.join(f'{float(v):g}' for v in first)} {op}.",
                                "Convert every colour to CMYK or gray for the FOGRA39 printing condition."))
    for op, total in heavy.items():
        findings.append(Finding("PX-03", number, f"{where}, operator {op}", f"Total ink {total:.0%} is above 300 %.",
                                "Use less ink: convert the colour through the FOGRA39 profile."))


def _ink(operands, op: str, heavy: dict) -> None:
    total = sum(float(v) for v in operands)
    if total > MAX_INK + 0.005:
        heavy.setdefault(op, total)


def _draw(resources, name, number: int, ctm: tuple, findings: list, seen: set) -> None:
    xobject = resources.get("/XObject", {}).get(str(name))
    if xobject is None:
        return
    subtype = xobject.get("/Subtype")
    if subtype == pikepdf.Name.Image:
        _image(int(xobject.Width), int(xobject.Height), xobject.get("/ColorSpace"), bool(xobject.get("/ImageMask", False)),
               f"image {name}", number, ctm, findings)
    elif subtype == pikepdf.Name.Form:
        matrix = tuple(float(v) for v in xobject.get("/Matrix", [1, 0, 0, 1, 0, 0]))
        _scan(xobject, xobject.get("/Resources", resources), number, f"form {name}", _multiply(matrix, ctm),
              findings, seen)


def _image(width: int, height: int, space, mask: bool, label: str, number: int, ctm: tuple, findings: list) -> None:
    if _space_is_rgb(space):
        findings.append(Finding("PX-03", number, label, f"An RGB image ({width} × {height} px).",
                                "Convert the image to CMYK with the FOGRA39 profile (for example Pillow ImageCms)."))
    placed_width = math.hypot(ctm[0], ctm[1]) / 72  # inches: an image fills the unit square of its matrix
    placed_height = math.hypot(ctm[2], ctm[3]) / 72
    if placed_width and placed_height and not mask:
        ppi = min(width / placed_width, height / placed_height)
        if ppi < MIN_PPI - 0.5:
            findings.append(Finding("PX-04", number, label, f"Expected at least 300 ppi but received {ppi:.0f} ppi.",
                                    "Use a larger image or print it smaller."))


def _font(resources, name, number: int, findings: list, seen: set) -> None:
    """A font the page uses (Tf) must be embedded; each font is checked once per page."""
    font = resources.get("/Font", {}).get(str(name))
    if font is None or font.get("/Subtype") == pikepdf.Name.Type3:
        return
    identity = (number, font.objgen if font.is_indirect else str(name))
    if identity in seen:
        return
    seen.add(identity)
    descriptor_owner = font.DescendantFonts[0] if font.get("/Subtype") == pikepdf.Name.Type0 else font
    descriptor = descriptor_owner.get("/FontDescriptor", {})
    if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
        findings.append(Finding("PX-04", number, f"font {name} ({font.get('/BaseFont', '?')})",
                                "The font is not embedded.", "Embed all fonts (or use a font that allows it)."))


def _annotations(page, number: int) -> list:
    kinds = sorted({str(a.get("/Subtype", "?")) for a in page.obj.get("/Annots", [])} - _ALLOWED_ANNOTATIONS)
    return [Finding("PX-04", number, f"annotation {kind}", "Print files must not have annotations or links.",
                    "Remove links, comments and form fields.") for kind in kinds]
