"""Preflight: check any PDF against the print shop's rules PX-01 … PX-05 before it is sent.

Each finding names the rule, the page and the object, says what is wrong and how to fix it.
The document, its pages, their content streams and form XObjects are read with pikepdf; the
position and colour of every glyph comes from pdfminer (its interpreter and a device that keeps only the glyphs).

PDFs may be hostile. A file that cannot be checked (missing, not a PDF, needs a password, damaged,
or a stream that decodes to more than STREAM_LIMIT bytes: a decompression bomb) raises
PreflightError, which names what is wrong and the fix. Before any page is read, every Flate stream
is inflated in bounded steps only to count its bytes. preflight_limited() also runs the check in a
child process that is stopped after TIME_LIMIT seconds or when it needs more than MEMORY_LIMIT bytes.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import signal
import stat
import sys
import traceback
import zlib
from base64 import a85decode
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTChar, LTContainer
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from reportlab.lib.units import mm

from ..errors import WromikError
from .pdfx import BLOCK, COVER, OFFICE, SADDLE, SADDLE_STITCH_LIMIT, print_job, spine_width

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings (one per glyph, say) would flood the terminal

__all__ = ["Finding", "PreflightError", "preflight", "preflight_each", "preflight_limited", "binding_of"]

BLEED = 3 * mm
SAFE_MARGIN = 5 * mm
MIN_PPI = 300
MAX_INK = 3.0
TOLERANCE = 0.1  # points
_RGB_SPACES = {"/DeviceRGB", "/CalRGB", "/RGB"}  # /RGB: the inline-image abbreviation
_ALLOWED_ANNOTATIONS = {"/PrinterMark", "/TrapNet"}

# Limits for hostile files. The biggest stream of the guide's own print file decodes to 0.35 MB (its
# FOGRA39 profile); a full-bleed A4 CMYK image at 600 ppi is about 150 MB. Nothing real comes near 256 MB.
STREAM_LIMIT = 256 * 2**20  # bytes one stream may decode to
TIME_LIMIT = 120  # seconds for one file in preflight_limited(); the guide's 152-page print file takes 5
MEMORY_LIMIT = 3 * 2**30  # bytes of address space for the child process of preflight_limited()
_STEP = 16 * 2**20  # bytes inflated at a time while counting
_ENCRYPTION_FIX = "Save the PDF without a password or security settings (PDF/X forbids encryption)."
_REEXPORT_FIX = "Re-export the PDF from the layout program (as PDF/X-4) and check the new file."


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


class PreflightError(WromikError):
    """A file that could not be checked: what is wrong (message) and how to fix it (fix)."""

    def __init__(self, path, message: str, fix: str, detail: str = ""):
        self.path, self.message, self.fix, self.detail = Path(path), message, fix, detail
        super().__init__(f"{path}: {message} Fix: {fix}")


def preflight(path) -> list:
    """Every finding for the PDF at path; an empty list means it passes PX-01 … PX-05.

    Raises PreflightError when the file cannot be checked (see the module's docstring)."""
    path = Path(path)
    with _open(path) as pdf:
        try:
            findings = _encryption(pdf)
            _refuse_bombs(pdf, path)  # before anything decodes a stream
            with path.open("rb") as file:
                findings += _document(pdf)
                for number, (page, glyphs) in enumerate(zip(pdf.pages, _glyphs(file)), start=1):
                    findings += _boxes(page, number)
                    findings += _text(glyphs, page, number)
                    findings += _content(page, number)
                    findings += _annotations(page, number)
        except (pikepdf.PdfError, _Unreadable) as error:
            raise PreflightError(path, f"is damaged ({_reason(error, path)}); the file was not checked further.",
                                 _REEXPORT_FIX) from None
        findings += _binding(pdf)
    return findings


def preflight_each(paths: list) -> list:
    """preflight() of several files side by side, each in a process of its own, as many at a time as there are
    processors: the findings of each file, in order. Raises the PreflightError of the first file that has one."""
    if len(paths) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [preflight(path) for path in paths]
    try:
        with ProcessPoolExecutor(min(len(paths), os.cpu_count() or 1),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            outcomes = list(pool.map(_outcome, paths))
    except BrokenProcessPool:  # a process was killed (out of memory): check one file at a time instead
        return [preflight(path) for path in paths]
    for kind, value in outcomes:
        if kind == "refused":
            raise PreflightError(*value)
    return [value for _, value in outcomes]


def _outcome(path) -> tuple:
    """preflight() in a child process: ("findings", the findings), or ("refused", what makes its PreflightError
    again), since an exception of several arguments does not come back whole from another process."""
    try:
        return "findings", preflight(path)
    except PreflightError as error:
        return "refused", (error.path, error.message, error.fix, error.detail)


def preflight_limited(path, *, seconds: float = TIME_LIMIT, memory: int = MEMORY_LIMIT) -> list:
    """preflight() in a child process, stopped after `seconds` or when it needs more than `memory` bytes.

    Running out of time or memory, a crash and an error in wromik itself are raised as PreflightError
    too, so that one hostile file cannot stop or hang the checks of the files after it."""
    path = Path(path)
    if "fork" not in multiprocessing.get_all_start_methods():
        return preflight(path)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    for stream in (sys.stdout, sys.stderr):  # the child flushes its copy of whatever is still buffered
        if stream is not None:
            stream.flush()
    child = context.Process(target=_child, args=(path, seconds, memory, sender), daemon=True)
    child.start()
    sender.close()
    kind, value = "time", None
    try:
        if receiver.poll(seconds):
            kind, value = receiver.recv()
    except EOFError:
        kind = "crash"
    finally:
        if kind != "time":
            child.join(5)
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if kind == "findings":
        return value
    if kind == "refused":
        raise PreflightError(*value)
    simplify = _REEXPORT_FIX + " Simplify very complex artwork (e.g. maps with millions of points) first."
    if kind == "time":
        raise PreflightError(path, f"the check took longer than {seconds:g} s and was stopped; the file was not "
                             "checked further.", simplify)
    if kind == "memory":
        amount = f"{memory / 2**30:g} GiB" if memory >= 2**30 else f"{memory / 2**20:.0f} MB"
        raise PreflightError(path, f"the check needed more than {amount} of memory and was stopped; "
                             "the file was not checked further.", simplify)
    if kind == "crash":
        code = child.exitcode
        how = f"was killed by signal {-code}" if code and code < 0 else f"ended with exit code {code}"
        raise PreflightError(path, f"the check {how}; the file was not checked further.", _REEXPORT_FIX)
    raise PreflightError(path, f"the check failed with an internal error ({value.strip().splitlines()[-1]}); "
                         "the file was not checked further.",
                         "Please report it together with the file; set WROMIK_DEBUG=1 to see the details.", value)


def _child(path: Path, seconds: float, memory: int, sender) -> None:
    """The check in the child process; sends (kind, value) back."""
    import resource
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops this process
    for name in ("SIGTERM", "SIGHUP"):  # not the parent's handlers, which would raise KeyboardInterrupt here
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    for limit, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, math.ceil(seconds) + 5)):
        _, hard = resource.getrlimit(limit)  # CPU time: a guard in case the parent is gone
        resource.setrlimit(limit, (value if hard == resource.RLIM_INFINITY else min(value, hard), hard))
    try:
        result = _outcome(path)
    except (MemoryError, SystemError):  # SystemError: a C library that ran out of memory half-way
        result = ("memory", None)
    except Exception:  # a bug in wromik: the parent reports it and goes on with the next file
        result = ("bug", traceback.format_exc())
    sender.send(result)
    sender.close()


def _reason(error: Exception, path: Path) -> str:
    """An error's text without the file name that pikepdf puts in front."""
    return str(error).removeprefix(f"{path}: ").strip() or type(error).__name__


def _open(path: Path) -> pikepdf.Pdf:
    try:
        kind = os.stat(path).st_mode
    except OSError:
        kind = None  # reported below, where opening fails the same way
    if kind is not None and not stat.S_ISREG(kind) and not stat.S_ISDIR(kind):
        raise PreflightError(path, "is not a regular file (a pipe or a device), so it was not read.",
                             "Give the PDF file itself.")
    try:
        with path.open("rb") as file:
            head = file.read(1024)
    except FileNotFoundError:
        raise PreflightError(path, "no such file.", "Check the file's name and folder.") from None
    except IsADirectoryError:
        raise PreflightError(path, "is a folder, not a PDF.", "Give the PDF files themselves.") from None
    except OSError as error:
        raise PreflightError(path, f"cannot be read ({error.strerror}).", "Check that the file may be read.") from None
    if b"%PDF-" not in head:
        raise PreflightError(path, "not a PDF (it does not begin with %PDF-).",
                             "Give the PDF file itself, exported as PDF/X-4.")
    try:
        return pikepdf.open(path)
    except pikepdf.PasswordError:
        raise PreflightError(path, "needs a password to open, so it was not checked.", _ENCRYPTION_FIX) from None
    except pikepdf.PdfError as error:
        raise PreflightError(path, f"not a PDF that can be read ({_reason(error, path)}).", _REEXPORT_FIX) from None
    except OSError as error:
        raise PreflightError(path, f"cannot be read ({error.strerror or error}).",
                             "Check that the file may be read.") from None


# Decompression bombs: a few kilobytes of Flate data can inflate to gigabytes ------------------------------

def _refuse_bombs(pdf: pikepdf.Pdf, path: Path) -> None:
    """Raise PreflightError if a stream decodes to more than STREAM_LIMIT bytes; memory stays at a few _STEP."""
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        filters = obj.get("/Filter")
        if isinstance(filters, pikepdf.Name):
            filters = [str(filters)]
        elif isinstance(filters, pikepdf.Array):
            filters = [str(f) for f in filters]
        else:
            continue
        if "/FlateDecode" not in filters:
            continue
        try:
            size = _decoded_size(obj.read_raw_bytes(), filters)
        except (ValueError, zlib.error, pikepdf.PdfError):
            continue  # damaged data: the checks below read what can be read of it
        if size > STREAM_LIMIT:
            raise PreflightError(path, f"stream {obj.objgen[0]} decodes to more than {STREAM_LIMIT // 2**20} MB; "
                                 "the file was not checked further.",
                                 _REEXPORT_FIX + " A stream this large is damaged or a decompression bomb.")


def _decoded_size(raw: bytes, filters: list) -> int:
    """The most bytes a step of the filter chain makes, counted only to just over STREAM_LIMIT.

    Flate is inflated _STEP at a time. ASCIIHex and ASCII85 before it at most quintuple the data. The chain
    is not followed past any other filter (LZW, RunLength, image filters): preflight_limited() bounds those."""
    sizes: list = []

    def counted(chunks):
        sizes.append(0)
        step = len(sizes) - 1
        for chunk in chunks:
            sizes[step] += len(chunk)
            yield chunk
            if sizes[step] > STREAM_LIMIT:
                return

    chunks = iter([raw])
    for position, name in enumerate(filters):
        if name == "/FlateDecode":
            chunks = counted(_inflate(chunks))
        elif name in ("/ASCIIHexDecode", "/ASCII85Decode") and "/FlateDecode" not in filters[:position]:
            chunks = iter([_ascii(b"".join(chunks), name)])  # no Flate before it: at most 5 × raw
        else:
            break
    for _ in chunks:
        pass
    return max(sizes, default=0)


def _inflate(chunks):
    """Inflate zlib data given in chunks, yielding at most _STEP bytes at a time."""
    inflater = zlib.decompressobj()
    for chunk in chunks:
        while chunk and not inflater.eof:
            out = inflater.decompress(chunk, _STEP)
            chunk = inflater.unconsumed_tail
            yield out
            while len(out) == _STEP and not chunk and not inflater.eof:  # output still held back
                out = inflater.decompress(b"", _STEP)
                yield out
        if inflater.eof:
            return
    yield inflater.flush()


def _ascii(data: bytes, name: str) -> bytes:
    data = data.translate(None, b" \t\n\r\f\0")
    if name == "/ASCIIHexDecode":
        digits = data.split(b">")[0]
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    return a85decode(data.split(b"~>")[0].removeprefix(b"<~"))


# PX-01: encryption ----------------------------------------------------------------------------------------

def _encryption(pdf: pikepdf.Pdf) -> list:
    if not pdf.is_encrypted:
        return []
    method = {"rc4": "RC4", "aes": "AES", "aesv3": "AES"}.get(pdf.encryption.stream_method.name, "unknown method")
    allow = pdf.allow
    printing = ("printing is forbidden" if not allow.print_lowres else
                "only low-resolution printing is allowed" if not allow.print_highres else "printing is allowed")
    return [Finding("PX-01", None, "Encrypt dictionary",
                    f"The file is encrypted ({method}, {pdf.encryption.bits} bit) and {printing}.", _ENCRYPTION_FIX)]


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
        xmp_trapped = meta.get("pdf:Trapped", "")
    if not version.startswith("PDF/X-4"):
        findings.append(Finding("PX-01", None, "XMP pdfxid:GTS_PDFXVersion",
                                f"Expected PDF/X-4 but received {version or 'nothing'}.",
                                "Export as PDF/X-4 so that the XMP metadata names the standard."))
    info = pdf.trailer.get("/Info")
    trapped = info.get("/Trapped") if isinstance(info, pikepdf.Dictionary) else None
    if not (isinstance(trapped, pikepdf.Name) and str(trapped) in ("/True", "/False")):
        received = "nothing" if trapped is None else str(trapped) if isinstance(trapped, pikepdf.Name) else \
            f"the {type(trapped).__name__.lower()} {trapped!s}"
        findings.append(Finding("PX-01", None, "Info /Trapped", f"Expected /True or /False but received {received}.",
                                "Set the document's Trapped key (False when the file is not trapped)."))
    elif xmp_trapped != str(trapped)[1:]:
        findings.append(Finding("PX-01", None, "XMP pdf:Trapped", f"Expected {str(trapped)[1:]}, as the Info "
                                f"dictionary says, but received {xmp_trapped or 'nothing'}.",
                                "Set Trapped to the same value in the Info dictionary and the XMP metadata."))
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


class _Unreadable(Exception):
    """pdfminer could not read the file: any error of its own, of the data it met or of a library under it."""


class _GlyphDevice(PDFLayoutAnalyzer):
    """pdfminer's device keeping only the glyphs of the page just read (LTChar: box, font and graphic state)."""

    def __init__(self, resources: PDFResourceManager):
        super().__init__(resources, laparams=None)
        self.glyphs: list = []

    def receive_layout(self, ltpage) -> None:
        self.glyphs = list(_chars(ltpage))


def _chars(container):
    for item in container:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):  # a form XObject's glyphs
            yield from _chars(item)


def _glyphs(file):
    """Each page's glyphs in page order, with x and y in the page's coordinates ((x0, y0, x1, y1, glyph)): one page
    is held at a time. Every error of pdfminer while reading is raised as _Unreadable, MemoryError as itself."""
    try:
        resources = PDFResourceManager(caching=True)
        device = _GlyphDevice(resources)
        interpreter = PDFPageInterpreter(resources, device)
        for page in PDFPage.create_pages(PDFDocument(PDFParser(file))):
            interpreter.process_page(page)
            left, bottom = (float(value) for value in page.mediabox[:2])  # pdfminer's origin: the MediaBox corner
            yield [(g.x0 + left, g.y0 + bottom, g.x1 + left, g.y1 + bottom, g) for g in device.glyphs]
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001: a hostile file can make pdfminer fail in any way
        raise _Unreadable(str(error) or type(error).__name__) from error


def _text(glyphs: list, page, number: int) -> list:
    """Text ≥ 5 mm inside the trim (PX-02), unless it is slug information wholly outside the bleed; black text in
    black ink only (PX-03)."""
    trim, bleed = _box(page, "/TrimBox"), _box(page, "/BleedBox") or _box(page, "/TrimBox")
    near, rich = [], []
    for x0, bottom, x1, top, glyph in glyphs:
        if not glyph.get_text().strip():
            continue
        in_slug = bleed and (x1 < bleed[0] or x0 > bleed[2] or top < bleed[1] or bottom > bleed[3])
        if trim and not in_slug and (x0 < trim[0] + SAFE_MARGIN - TOLERANCE or x1 > trim[2] - SAFE_MARGIN + TOLERANCE
                     or bottom < trim[1] + SAFE_MARGIN - TOLERANCE or top > trim[3] - SAFE_MARGIN + TOLERANCE):
            near.append(glyph)
        colour = glyph.graphicstate.ncolor
        if isinstance(colour, (tuple, list)) and len(colour) == 4 and colour[3] >= 0.9 and any(colour[:3]):
            rich.append(glyph)
    findings = []
    if near:
        sample = "".join(g.get_text() for g in near[:30])
        findings.append(Finding("PX-02", number, f"text in font {near[0].fontname}",
                                f"{len(near)} character(s) lie closer than 5 mm to the trim edge, for example "
                                f"„{sample}”.", "Move the text at least 5 mm inside the trim."))
    if rich:
        c, m, y, k = rich[0].graphicstate.ncolor
        findings.append(Finding("PX-03", number, f"text in font {rich[0].fontname}",
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


def _scan(stream, resources, number: int, where: str, matrix: tuple, findings: list, seen: set,
          drawing: tuple = ()) -> None:
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
            _draw(resources, operands[0], number, ctm, findings, seen, drawing)
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


def _draw(resources, name, number: int, ctm: tuple, findings: list, seen: set, drawing: tuple = ()) -> None:
    xobject = resources.get("/XObject", {}).get(str(name))
    if xobject is None or (xobject.is_indirect and xobject.objgen in drawing):  # a form that draws itself: once
        return
    subtype = xobject.get("/Subtype")
    if subtype == pikepdf.Name.Image:
        _image(int(xobject.Width), int(xobject.Height), xobject.get("/ColorSpace"), bool(xobject.get("/ImageMask", False)),
               f"image {name}", number, ctm, findings)
    elif subtype == pikepdf.Name.Form:
        matrix = tuple(float(v) for v in xobject.get("/Matrix", [1, 0, 0, 1, 0, 0]))
        _scan(xobject, xobject.get("/Resources", resources), number, f"form {name}", _multiply(matrix, ctm),
              findings, seen, drawing + ((xobject.objgen,) if xobject.is_indirect else ()))


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


# PX-05: the binding -----------------------------------------------------------------------------------------

_NAMES = {SADDLE: "a saddle-stitched booklet", BLOCK: "the inner block of a perfect-bound guide",
          COVER: "the cover of a perfect-bound guide", OFFICE: "2-up A4 sheets for an office printer"}


def binding_of(path) -> str:
    """Which binding the PDF at path is for, as its XMP states it, in words for the preflight report."""
    with pikepdf.open(path) as pdf:
        job, pages = print_job(pdf), len(pdf.pages)
    binding = job.get("binding")
    if binding == COVER:
        return f"{_NAMES[COVER]} (spine {job.get('spine', '?')} mm for {job.get('blockPages', '?')} pages)"
    if binding == OFFICE:
        return f"{_NAMES[OFFICE]} ({job.get('sheets', '?')} sheets, pages at {float(job.get('scale', 0)):.0%})"
    if binding in _NAMES:
        return f"{_NAMES[binding]} of {pages} pages"
    return f"a booklet of {pages} pages (the file does not say its binding; checked as saddle stitched)"


def _binding(pdf: pikepdf.Pdf) -> list:
    """The page count the file's binding allows, and a cover's spine against the block it wraps."""
    job, pages = print_job(pdf), len(pdf.pages)
    binding = job.get("binding", SADDLE)
    if binding == SADDLE:
        findings = []
        if pages % 4:
            findings.append(Finding("PX-05", None, "page count",
                                    f"Expected a multiple of 4 pages for a saddle-stitched booklet but received "
                                    f"{pages}.", f"Add {4 - pages % 4} blank page(s) before the back cover."))
        if pages > SADDLE_STITCH_LIMIT:
            findings.append(Finding("PX-05", None, "page count",
                                    f"Expected at most {SADDLE_STITCH_LIMIT} pages for a saddle-stitched booklet but "
                                    f"received {pages}: the staples would not hold and the booklet would not close.",
                                    "Bind it as a perfect-bound guide with a separate cover (wromik does this above "
                                    f"{SADDLE_STITCH_LIMIT} pages), or split it into volumes."))
        return findings
    if binding in (BLOCK, OFFICE) and pages % 2:
        return [Finding("PX-05", None, "page count", f"Expected an even page count for {_NAMES[binding]} but "
                        f"received {pages}.", "Add a blank page at the end.")]
    if binding == COVER:
        return _spine(pdf, job)
    return []


def _spine(pdf: pikepdf.Pdf, job: dict) -> list:
    try:
        block, text, cover = int(job["blockPages"]), float(job["paper"]), float(job["coverPaper"])
        page_width = float(job["pageWidth"])
    except (KeyError, ValueError):
        return [Finding("PX-05", None, "XMP print job", "The cover does not state the block's page count, the "
                        "papers' thickness and the page width, so its spine cannot be checked.",
                        "Rebuild the print edition with wromik, which writes them.")]
    if len(pdf.pages) != 1:
        return [Finding("PX-05", None, "page count", f"Expected one page (back, spine and front) for "
                        f"{_NAMES[COVER]} but received {len(pdf.pages)}.", "Put the whole cover on one page.")]
    trim = _box(pdf.pages[0], "/TrimBox")
    if trim is None:
        return []  # reported by PX-02
    spine = (trim[2] - trim[0]) / mm - 2 * page_width
    expected = spine_width(block, text=text, cover=cover)
    if abs(spine - expected) > 0.1:
        return [Finding("PX-05", 1, "cover spine", f"Expected a spine of {expected:.2f} mm ({block} pages on "
                        f"{text:g} mm paper, a {cover:g} mm cover) but the cover's spine is {spine:.2f} mm.",
                        "Rebuild the cover for the block's page count and paper (guide.yaml, paper:).")]
    return []


def _annotations(page, number: int) -> list:
    kinds = sorted({str(a.get("/Subtype", "?")) for a in page.obj.get("/Annots", [])} - _ALLOWED_ANNOTATIONS)
    return [Finding("PX-04", number, f"annotation {kind}", "Print files must not have annotations or links.",
                    "Remove links, comments and form fields.") for kind in kinds]
