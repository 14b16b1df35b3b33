"""Print colour: every colour a PDF page draws becomes CMYK for the FOGRA39 printing condition.

Greys (black text included) become black ink only, so black text is 100 % K. Other colours go
through Pillow's ImageCms from sRGB to the shipped FOGRA39 profile, whose total ink is ≤ 300 %.
"""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageCms
from reportlab.lib.colors import CMYKColor, Color, toColor

from ..media import PRINT_CONDITION, PRINT_PROFILE

__all__ = ["PRINT_PROFILE", "PRINT_CONDITION", "to_print_colour"]



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
