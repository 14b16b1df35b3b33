"""wromik: build the accessible WROMIK city guide from one source of data."""

__version__ = "0.1.0"  # first, so that the modules imported below can read it (the download page says it)

from .build import build
from .document.composition import GuideModel, compose
from .data.dataset import load_guide
from .errors import BuildError, DataError, Problem, UsageError, WromikError
from .pdf.preflight import Finding, preflight
from .data.profiles import Profile, load_profiles

__all__ = ["build", "compose", "load_guide", "load_profiles", "preflight", "GuideModel", "Profile", "Finding",
           "WromikError", "DataError", "UsageError", "BuildError", "Problem"]
