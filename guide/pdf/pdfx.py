"""Prepress for the print shop: PDF/X-4 boxes, crop marks, output intent and a saddle-stitch imposition.

prepress() turns a laid-out PDF (trim area drawn at `Sheet.slug` from the media edge) into a PDF/X-4
file: pages padded to a multiple of 4, TrimBox and BleedBox on every page, crop marks outside the
bleed, one GTS_PDFX output intent with the embedded FOGRA39 profile, and the X-4 metadata
(standards PX-01, PX-02, PX-05). impose() makes the 2-up A4 landscape booklet from it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pikepdf
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from .colour import PRINT_CONDITION, PRINT_PROFILE

__all__ = ["Sheet", "prepress", "impose", "booklet_order"]

PDFX_VERSION = "PDF/X-4"


@dataclass(frozen=True)
class Sheet:
    """A printed page: the trim size, the bleed around it and the slug that holds the crop marks."""

    trim_width: float
    trim_height: float
    bleed: float = 3 * mm
    slug: float = 13 * mm

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
        """Content-stream operators for the eight crop marks, in 100 % K, from 1 mm outside the bleed."""
        x0, y0, x1, y1 = self.trim_box
        near, far = self.bleed + 1 * mm, self.slug - 1 * mm
        lines = []
        for x, y, sx, sy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)):
            lines.append((x + sx * near, y, x + sx * far, y))
            lines.append((x, y + sy * near, x, y + sy * far))
        ops = " ".join(f"{a:.2f} {b:.2f} m {c:.2f} {d:.2f} l S" for a, b, c, d in lines)
        return f"/Artifact BMC q 0 0 0 1 K 0.3 w [] 0 d {ops} Q EMC".encode()


def prepress(path, sheet: Sheet, *, title: str) -> int:
    """Make the PDF at path PDF/X-4 for this sheet, in place; return the page count after padding."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for page in pdf.pages:
            page.contents_add(pdf.make_stream(b"q"), prepend=True)
            page.contents_add(pdf.make_stream(b"Q " + sheet.crop_marks()), prepend=False)
        while len(pdf.pages) % 4:
            blank = pdf.add_blank_page(page_size=sheet.media_size)
            blank.obj.Contents = pdf.make_stream(sheet.crop_marks())
        for page in pdf.pages:
            page.obj.MediaBox = pikepdf.Array([0, 0, *sheet.media_size])
            page.obj.BleedBox = pikepdf.Array(sheet.bleed_box)
            page.obj.TrimBox = pikepdf.Array(sheet.trim_box)
        _mark_pdfx(pdf, title)
        pages = len(pdf.pages)
        pdf.save(path, deterministic_id=True, min_version="1.6",
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return pages


def _mark_pdfx(pdf: pikepdf.Pdf, title: str) -> None:
    """The output intent, Info /Trapped and the PDF/X-4 XMP properties."""
    profile = pdf.make_stream(PRINT_PROFILE.read_bytes())
    profile.N = 4
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier=pikepdf.String(PRINT_CONDITION),
        OutputCondition=pikepdf.String("Offset printing, coated paper (ISO 12647-2), FOGRA39"),
        RegistryName=pikepdf.String("http://www.color.org"),
        Info=pikepdf.String("Coated FOGRA39"), DestOutputProfile=profile))])
    pdf.docinfo.Trapped = pikepdf.Name("/False")  # not Name.False_, which is the name /False_
    document = uuid.uuid5(uuid.NAMESPACE_URL, f"wromik:{title}:{pdf.docinfo.get('/CreationDate', '')}")
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["pdfxid:GTS_PDFXVersion"] = PDFX_VERSION
        meta["pdf:Trapped"] = "False"
        meta["xmpMM:DocumentID"] = f"uuid:{document}"
        meta["xmpMM:VersionID"] = "1"
        meta["xmpMM:RenditionClass"] = "default"


def booklet_order(pages: int) -> list:
    """Page numbers for each side of the sheets, left then right: for 8 pages 8|1, 2|7, 6|3, 4|5."""
    if pages % 4:
        raise ValueError(f"Expected a page count that is a multiple of 4 but received {pages}")
    order = []
    for side in range(pages // 2):
        outer, inner = pages - side, side + 1
        order.append((outer, inner) if side % 2 == 0 else (inner, outer))
    return order


def impose(source, target) -> int:
    """Write the 2-up A4 landscape saddle-stitch file of a prepressed PDF; return the number of sides."""
    sheet_width, sheet_height = landscape(A4)
    with pikepdf.open(source) as pdf:
        forms = []
        for page in pdf.pages:
            form = page.as_form_xobject()
            form.BBox = pikepdf.Array(page.obj.TrimBox)  # clip each page to its trim
            forms.append((form, [float(v) for v in page.obj.TrimBox]))
        order = booklet_order(len(forms))
        for index in reversed(range(len(pdf.pages))):
            del pdf.pages[index]
        for key in ("/StructTreeRoot", "/MarkInfo", "/Outlines", "/PageMode"):  # they point at the single pages
            if key in pdf.Root:
                del pdf.Root[key]
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            del meta["pdfuaid:part"]  # sheets of two pages are for print, not for screen readers
        for left, right in order:
            placed, ops = pikepdf.Dictionary(), []
            x = (sheet_width - sum(forms[n - 1][1][2] - forms[n - 1][1][0] for n in (left, right))) / 2
            for number in (left, right):
                form, (tx0, ty0, tx1, ty1) = forms[number - 1]
                name = f"/P{number}"
                placed[name] = form
                y = (sheet_height - (ty1 - ty0)) / 2
                ops.append(f"q 1 0 0 1 {x - tx0:.3f} {y - ty0:.3f} cm {name} Do Q")
                x += tx1 - tx0
            page = pdf.add_blank_page(page_size=(sheet_width, sheet_height))
            page.obj.Resources = pikepdf.Dictionary(XObject=placed)
            page.obj.Contents = pdf.make_stream(" ".join(ops).encode())
            page.obj.TrimBox = page.obj.BleedBox = pikepdf.Array([0, 0, sheet_width, sheet_height])
        sides = len(pdf.pages)
        pdf.save(target, deterministic_id=True, min_version="1.6",
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return sides
