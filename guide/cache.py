"""Where wromik keeps what it can make again (speech clips, chapters, rasterised maps): one folder per kind under
$XDG_CACHE_HOME/wromik (~/.cache/wromik), each movable by an environment variable of its own."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["cache_dir", "write_whole"]


def cache_dir(kind: str, variable: str) -> Path:
    """The cache folder of one kind: $variable if set, else $XDG_CACHE_HOME/wromik/kind (~/.cache/wromik/kind).
    Raises RuntimeError when neither is set and the user has no home folder."""
    if os.environ.get(variable):
        return Path(os.environ[variable])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wromik" / kind


def write_whole(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write a file whole or not at all (data: bytes, or chunks of bytes, so that a large file is never held in
    memory): into a temporary file beside it (named with the process, so that two builds never share one), then
    renamed over it. The temporary file never stays behind; OSError is raised as it came."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        with open(partial, "wb") as file:
            for chunk in [data] if isinstance(data, bytes) else data:
                file.write(chunk)
        os.replace(partial, path)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
