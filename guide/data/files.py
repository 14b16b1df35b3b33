"""Reading a guide's data files safely: regular files inside the data folder, of a sane size, in UTF-8.

A FIFO, a device (/dev/zero), a folder or a link that leaves the data folder is refused before it
is opened, so reading never hangs or fills the memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import Problem

__all__ = ["read_data_text", "regular_file", "inside_folder", "size_limit", "within_limit", "decode_text", "MAX_BYTES"]

MB = 1024 * 1024
MAX_BYTES = {".yaml": 10 * MB, ".csv": 50 * MB, ".geojson": 200 * MB}  # 1000× and more what a city guide needs
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def regular_file(path: Path, shown_as: str, problems: list, *, what: str,
                 fix: str = "Put an ordinary file there, saved from a text editor or QGIS.") -> os.stat_result | None:
    """The file's status if it is an ordinary file, or None with a Problem recorded (a folder, a pipe or a device
    would hang or fail the reading)."""
    try:
        info = os.stat(path)
    except OSError as error:
        problems.append(Problem(shown_as, "file", f"Expected {what} but it cannot be opened: {error.strerror}",
                                "Check that the file exists and that your user may read it."))
        return None
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
        problems.append(Problem(shown_as, "file", f"Expected {what} (a regular file) but received {kind}", fix))
        return None
    return info


def read_data_text(path: Path, shown_as: str, problems: list, *, root: Path | None, what: str,
                   encoding: str = "utf-8") -> str | None:
    """The text of one data file, or None with a Problem recorded (what: e.g. 'a place file'; root: the data
    folder the file must stay inside, or None for a file given on the command line)."""
    info = regular_file(path, shown_as, problems, what=what)
    if info is None:
        return None
    if root is not None and not inside_folder(path, root, shown_as, problems, what=what):
        return None
    limit = size_limit(path)
    if not within_limit(info.st_size, limit, shown_as, problems):
        return None
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as error:
        problems.append(Problem(shown_as, "file", f"Expected {what} but it cannot be read: {error.strerror}",
                                "Check that your user may read the file."))
        return None
    return decode_text(raw, shown_as, problems, what=what, encoding=encoding)


def inside_folder(path: Path, root: Path, shown_as: str, problems: list, *, what: str) -> bool:
    """True when the file, every link followed, lies inside the data folder root; otherwise False with a Problem
    recorded (a link to somewhere else, or a path that climbs out with '..')."""
    if Path(root).resolve() in Path(path).resolve().parents:
        return True
    problems.append(Problem(shown_as, "file", f"Expected {what} inside the data folder but it is a link to "
                            f"{Path(path).resolve()}", "Copy the file into the data folder instead of linking it."))
    return False


def size_limit(path: Path | str) -> int:
    """How many bytes a data file of this kind may have to be read whole."""
    return MAX_BYTES.get(Path(path).suffix, 10 * MB)


def within_limit(size: int, limit: int, shown_as: str, problems: list, *, fix: str | None = None) -> bool:
    """True when a file of size bytes may be read whole; otherwise False with a Problem recorded (fix: how to
    make the file smaller, when the general advice does not fit)."""
    if size <= limit:
        return True
    problems.append(Problem(shown_as, "file", f"Expected at most {limit // MB} MB but the file has "
                            f"{size / MB:.1f} MB", fix or "Check that this is the right file; a guide's "
                            "data is far smaller. Split the network into smaller areas if it really is this big."))
    return False


def decode_text(raw: bytes, shown_as: str, problems: list, *, what: str, encoding: str = "utf-8") -> str | None:
    """The bytes of a data file as text, or None with a Problem recorded (not UTF-8, or empty)."""
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        problems.append(Problem(shown_as, "file", f"Expected UTF-8 text but the file has an invalid byte at position "
                                f"{error.start}", "Save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)."))
        return None
    if not text.strip():
        problems.append(Problem(shown_as, "file", f"Expected {what} but the file is empty",
                                "Fill in the file (copy an existing one as a start)."))
        return None
    return text
