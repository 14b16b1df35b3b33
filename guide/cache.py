"""Where wromik keeps what it can make again (speech clips, chapters, rasterised maps): one folder per kind under
$XDG_CACHE_HOME/wromik (~/.cache/wromik), each movable by an environment variable of its own."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_dir"]


def cache_dir(kind: str, variable: str) -> Path:
    """The cache folder of one kind: $variable if set, else $XDG_CACHE_HOME/wromik/kind (~/.cache/wromik/kind).
    Raises RuntimeError when neither is set and the user has no home folder."""
    if os.environ.get(variable):
        return Path(os.environ[variable])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wromik" / kind
