"""Photos as the PDF editions place them: fitted into the room an edition gives them, at a resolution that suits
the medium, in its colours (sRGB on screen, FOGRA39 CMYK on paper), with nothing of the camera's file kept.

The effective resolution of a photo is its pixels over the inches it is printed at. A print shop wants 300 ppi
(preflight PX-04): a photo with fewer pixels is enlarged to 300 ppi so that the file passes, and the edition warns
that it will print blurred and how many pixels it needs. A photo far sharper than needed (above 450 ppi) is
resampled to 300 ppi, so that a camera's 12 megapixels do not swell the PDF. The photo is written anew (JPEG for a
JPEG, lossless for a PNG), without its EXIF data, dates or thumbnails: the same photo gives the same bytes.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from PIL import Image, ImageOps
from reportlab import rl_config
from reportlab.lib.utils import ImageReader

from ..errors import BuildError
from .colour import to_print_image, to_screen_image
from .preflight import MIN_PPI

__all__ = ["PlacedPhoto", "draw_photo", "fit", "effective_ppi", "needed_pixels", "place_photo", "resolution_warning",
           "web_photo", "MIN_PPI", "MAX_PPI"]

MAX_PPI = 450  # above this a photo is resampled to MIN_PPI: sharper than any printer or screen shows
POINTS_PER_INCH = 72
MM_PER_INCH = 25.4
JPEG_QUALITY = 90


@dataclass(frozen=True)
class PlacedPhoto:
    """A photo ready to draw: the image for ReportLab, its size on the page in points, and the effective resolution
    of the photo as the data gives it at that size."""

    image: ImageReader
    width: float
    height: float
    ppi: float


def draw_photo(canvas, photo: PlacedPhoto, width: float, height: float) -> None:
    """Draw the photo at the canvas's origin, width × height points: its JPEG as it is (DCTDecode), or its lossless
    pixels deflated, never also ASCII85-encoded (ReportLab's default, a quarter larger for nothing)."""
    ascii85, rl_config.useA85 = rl_config.useA85, 0  # read when the image is first drawn into the document
    try:
        canvas.drawImage(photo.image, 0, 0, width, height)
    finally:
        rl_config.useA85 = ascii85


def fit(size: tuple, box: tuple) -> tuple:
    """The size in points of a photo of size (width, height) pixels in a box of (width, height) points: as large as
    the box allows, the photo's proportions kept."""
    scale = min(box[0] / size[0], box[1] / size[1])
    return size[0] * scale, size[1] * scale


def effective_ppi(size: tuple, width: float, height: float) -> float:
    """Pixels per inch of a photo of size (width, height) pixels placed at width × height points."""
    return min(size[0] / (width / POINTS_PER_INCH), size[1] / (height / POINTS_PER_INCH))


def needed_pixels(width: float, height: float, ppi: float = MIN_PPI) -> tuple:
    """The pixels a photo placed at width × height points needs for ppi."""
    return math.ceil(width / POINTS_PER_INCH * ppi - 1e-6), math.ceil(height / POINTS_PER_INCH * ppi - 1e-6)


def resolution_warning(name: str, size: tuple, box: tuple) -> str | None:
    """What to tell the coordinator when a photo of size pixels in a print edition's box has less than MIN_PPI; None
    when it has enough."""
    width, height = fit(size, box)
    ppi = effective_ppi(size, width, height)
    if ppi >= MIN_PPI - 0.5:
        return None
    need = needed_pixels(width, height)
    return (f"Warning: the photo {name} has {size[0]} × {size[1]} pixels, {ppi:.0f} ppi at its printed size of "
            f"{width / POINTS_PER_INCH * MM_PER_INCH:.0f} × {height / POINTS_PER_INCH * MM_PER_INCH:.0f} mm in the "
            f"print edition, where {MIN_PPI} ppi are needed: it is enlarged to {MIN_PPI} ppi and prints blurred. Use a "
            f"photo of at least {need[0]} × {need[1]} pixels.")


def place_photo(path: str, size: tuple, box: tuple, *, medium: str) -> PlacedPhoto:
    """The photo at path (size: its upright size in pixels) fitted into box (points) for medium "screen" (sRGB) or
    "paper" (FOGRA39 CMYK, at least MIN_PPI)."""
    width, height = fit(size, box)
    ppi = effective_ppi(size, width, height)
    image, kind, profile = _upright(path, size)
    target = MIN_PPI if ppi > MAX_PPI or (medium == "paper" and ppi < MIN_PPI - 0.5) else None
    if target is not None:
        image = image.resize(needed_pixels(width, height, target), Image.Resampling.LANCZOS)
    image = to_print_image(image, profile) if medium == "paper" else to_screen_image(image, profile)
    if kind == "JPEG":
        return PlacedPhoto(ImageReader(io.BytesIO(_jpeg(image))), width, height, ppi)
    return PlacedPhoto(ImageReader(image), width, height, ppi)  # a PNG (a drawing, a screenshot) stays lossless


def web_photo(path: str, size: tuple, width: int) -> tuple:
    """The photo for a web page, at most width pixels wide, in sRGB: its bytes, file suffix and pixel size. A JPEG
    stays a JPEG, anything else becomes a PNG."""
    image, kind, profile = _upright(path, size)
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
    image = to_screen_image(image, profile)
    if kind == "JPEG":
        return _jpeg(image), ".jpg", image.size
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue(), ".png", image.size


def _upright(path: str, size: tuple) -> tuple:
    """The photo's pixels upright, as greyscale or RGB; its format and colour profile."""
    with Image.open(path) as source:
        kind, profile = source.format, source.info.get("icc_profile")
        if source.size not in (tuple(size), tuple(size)[::-1]):  # Pillow reads the header only, so far
            raise BuildError(f"The photo {path} changed while the guide was being built (it had {size[0]} × {size[1]} "
                             f"pixels, now {source.size[0]} × {source.size[1]}). Fix: build again.")
        return _plain(ImageOps.exif_transpose(source)), kind, profile


def _jpeg(image: Image.Image) -> bytes:
    """A photo stays a JPEG; written anew, it holds no EXIF, dates, profile or thumbnail."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, subsampling=0, optimize=False, progressive=False, exif=b"",
               icc_profile=None, comment=b"")
    return buffer.getvalue()


def _plain(image: Image.Image) -> Image.Image:
    """The photo as greyscale (L) or RGB pixels, 8 bits each, transparency laid on white paper."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):  # 16-bit or wider grey: scaled to 8 bits
        return image.convert("I").point(lambda value: value / 256).convert("L")
    grey = image.mode in ("1", "L", "LA", "La") or (image.mode == "P" and _grey_palette(image))
    if "A" in image.mode or "a" in image.mode or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(paper, rgba)
    return image.convert("L" if grey else "RGB")


def _grey_palette(image: Image.Image) -> bool:
    colours = image.getpalette() or []
    return all(colours[i] == colours[i + 1] == colours[i + 2] for i in range(0, len(colours) - 2, 3))
