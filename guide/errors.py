"""Every error wromik raises on purpose.

    WromikError          base class; the CLI prints it without a traceback
    ├── DataError        the guide data is invalid; carries every Problem found, exit code 1
    ├── UsageError       the command was called wrongly (unknown edition, language, office…), exit code 2
    └── BuildError       an edition could not be written (an external tool failed), exit code 1
        └── SpeechError  a speech engine could not speak (no network, refused, not installed)

A Problem names the file, the place in it (feature id or field path, and the YAML line),
what is wrong ("Expected X but received Y") and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["WromikError", "DataError", "UsageError", "BuildError", "SpeechError", "Problem"]


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
