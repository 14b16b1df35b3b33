"""The media shipped with wromik that the editions use: fonts, pictograms and the print colour profile."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["MEDIA", "FONT_FILES", "PRINT_PROFILE", "PRINT_CONDITION", "NEGATED", "PICTOGRAM_DIR", "pictogram_catalogue"]

MEDIA = Path(__file__).resolve().parents[1] / "media"
FONT_FILES = {"DejaVuSans": MEDIA / "fonts" / "DejaVuSans.ttf", "DejaVuSans-Bold": MEDIA / "fonts" / "DejaVuSans-Bold.ttf"}
PRINT_PROFILE = MEDIA / "icc" / "CoatedFOGRA39-wromik.icc"
PRINT_CONDITION = "FOGRA39"  # the printing condition the profile describes, named in the PDF/X output intent
NEGATED = "no:"  # before a pictogram id ("no:ramp"): the pictogram crossed out, beside a fact that says there is none
PICTOGRAM_DIR = MEDIA / "pictograms"


@lru_cache(maxsize=1)
def pictogram_catalogue() -> dict:
    """The shipped pictograms: id -> what the picture shows in each language (pictograms.yaml, in its order)."""
    import yaml

    return dict(yaml.safe_load((PICTOGRAM_DIR / "pictograms.yaml").read_text(encoding="utf-8")))
