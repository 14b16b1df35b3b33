"""Where wromik keeps what it can make again (speech clips, chapters, rasterised maps): one folder per kind under
$XDG_CACHE_HOME/wromik (~/.cache/wromik), each movable by an environment variable of its own."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_dir"]


def cache_dir(kind: str, variable: str) -> Path:
    """The cache folder of one kind: $variable if set, else $XDG_CACHE_HOME/wromik/kind (~/.cache/wromik/kind)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(os.environ.get(variable) or Path(base) / "wromik" / kind)
