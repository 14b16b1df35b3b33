"""Print colour: every colour a PDF page draws becomes CMYK for the FOGRA39 printing condition.

Greys (black text included) become black ink only, so black text is 100 % K. Other colours go
through Pillow's ImageCms from sRGB to the shipped FOGRA39 profile, whose total ink is ≤ 300 %.
Photos go the same way, from their own embedded profile when they have one (perceptual intent).
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageCms
from reportlab.lib.colors import CMYKColor, Color, toColor

from ..media import PRINT_CONDITION, PRINT_PROFILE

__all__ = ["PRINT_PROFILE", "PRINT_CONDITION", "to_print_colour", "to_print_image", "to_screen_image"]



@lru_cache(maxsize=1)
def _transform():
    return ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.getOpenProfile(str(PRINT_PROFILE)),
                                   "RGB", "CMYK", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)


@lru_cache(maxsize=256)
def _cmyk(red: int, green: int, blue: int) -> tuple:
    pixel = ImageCms.applyTransform(Image.new("RGB", (1, 1), (red, green, blue)), _transform()).getpixel((0, 0))
    return tuple(round(v / 255, 3) for v in pixel)


def to_print_colour(colour) -> CMYKColor:
    """ReportLab's enforceColorSpace hook: the colour as CMYK (a grey as black ink only)."""
    value = toColor(colour)
    if isinstance(value, CMYKColor):
        return CMYKColor(value.cyan, value.magenta, value.yellow, value.black, density=value.density, alpha=value.alpha)
    if not isinstance(value, Color):
        raise ValueError(f"Expected a colour but received {colour!r}")
    if value.red == value.green == value.blue:
        return CMYKColor(0, 0, 0, round(1 - value.red, 3), alpha=value.alpha)
    rgb = (round(value.red * 255), round(value.green * 255), round(value.blue * 255))
    return CMYKColor(*_cmyk(*rgb), alpha=value.alpha)


@lru_cache(maxsize=8)
def _image_transform(profile: bytes | None, target: str):
    """A transform of RGB pixels from profile (an embedded ICC profile; None: sRGB) to FOGRA39 CMYK ("print") or to
    sRGB ("screen"); photos keep their look with the perceptual intent."""
    source = ImageCms.getOpenProfile(io.BytesIO(profile)) if profile else ImageCms.createProfile("sRGB")
    if target == "print":
        return ImageCms.buildTransform(source, ImageCms.getOpenProfile(str(PRINT_PROFILE)), "RGB", "CMYK",
                                       renderingIntent=ImageCms.Intent.PERCEPTUAL)
    return ImageCms.buildTransform(source, ImageCms.createProfile("sRGB"), "RGB", "RGB",
                                   renderingIntent=ImageCms.Intent.PERCEPTUAL)


def to_print_image(image: Image.Image, profile: bytes | None = None) -> Image.Image:
    """An RGB image as CMYK for FOGRA39 (from its embedded ICC profile when it has a usable one, else from sRGB); a
    greyscale image stays grey (black ink only)."""
    if image.mode == "L":
        return image
    try:
        return ImageCms.applyTransform(image, _image_transform(profile, "print"))
    except (ImageCms.PyCMSError, OSError):  # a damaged or non-RGB embedded profile: the pixels are taken as sRGB
        return ImageCms.applyTransform(image, _image_transform(None, "print"))


def to_screen_image(image: Image.Image, profile: bytes | None = None) -> Image.Image:
    """An RGB image in sRGB, the colour space of screens and of the PDF's DeviceRGB (from its embedded ICC profile
    when it has a usable one); an image without a profile is sRGB already."""
    if image.mode == "L" or not profile:
        return image
    try:
        return ImageCms.applyTransform(image, _image_transform(profile, "screen"))
    except (ImageCms.PyCMSError, OSError):
        return image
