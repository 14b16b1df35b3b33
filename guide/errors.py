"""Every error wromik raises on purpose.

    WromikError          base class; the CLI prints it without a traceback
    ├── DataError        the guide data is invalid; carries every Problem found, exit code 1
    ├── UsageError       the command was called wrongly (unknown edition, language, place…), exit code 2
    └── BuildError       an edition could not be written (an external tool failed), exit code 1
        └── SpeechError  a speech engine could not speak (no network, refused, not installed)

A Problem names the file, the place in it (feature id or field path, and the YAML line),
what is wrong ("Expected X but received Y") and how to fix it.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass

__all__ = ["WromikError", "DataError", "UsageError", "BuildError", "SpeechError", "Problem", "explain_os_error",
           "missing_program"]

PACKAGES = {"ffmpeg": "ffmpeg", "ffprobe": "ffmpeg", "espeak-ng": "espeak-ng", "java": "openjdk-17-jdk-headless",
            "gs": "ghostscript", "pdfinfo": "poppler-utils", "pdftoppm": "poppler-utils"}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input data."""

    file: str
    where: str
    message: str
    fix: str
    line: int | None = None

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}" if self.line else self.file
        return f"{location}: {self.where}: {self.message}\n    How to fix: {self.fix}"


class WromikError(Exception):
    """Base class of every error wromik raises on purpose."""

    exit_code = 1


class DataError(WromikError):
    """The guide data has problems; all of them are listed together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.where, p.message))
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        body = "\n".join(str(p) for p in self.problems)
        super().__init__(f"The guide data has {count} {noun}:\n{body}")


class UsageError(WromikError):
    """The command was called with an option or name that does not exist."""

    exit_code = 2


class BuildError(WromikError):
    """An edition could not be written."""


class SpeechError(BuildError):
    """A speech engine could not synthesise (no network, refused, missing program)."""


def missing_program(program: str) -> str:
    """What to say when a program wromik runs is not installed."""
    package = PACKAGES.get(program, program)
    return (f"The program {program} is not installed (or not on PATH). Fix: install it with "
            f"'apt-get install {package}' (make guide installs everything wromik needs).")


def explain_os_error(error: OSError, folder: str, *, elsewhere: str = "choose another folder") -> str:
    """A failed file operation in words: which path, what happened, and how to fix it (folder: where wromik was
    writing, for the advice; elsewhere: how to write somewhere else instead)."""
    path = error.filename or folder
    what = error.strerror or str(error)
    if error.errno == errno.ENOENT and error.filename and os.sep not in str(error.filename) \
            and str(error.filename) in PACKAGES:
        return missing_program(str(error.filename))
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        fix = f"free some space on the disk that holds {folder} (see 'df -h'), or {elsewhere} on another disk"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        fix = f"give your user write access to {path}, or {elsewhere}"
    elif error.errno in (errno.ENOTDIR, errno.EISDIR, errno.EEXIST):
        fix = f"a file stands where a folder should be, or the other way round: move it, or {elsewhere}"
    else:
        fix = "check the path and the disk, then build again"
    return f"Could not write {path}: {what}. Fix: {fix}."
