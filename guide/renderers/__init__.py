"""Editions as renderer classes registered by name, in the style of Sphinx builders.

The base class runs the fixed sequence prepare → write → finish for one language; subclasses
fill the hooks. A renderer translates the guide document of its register (guide.document.nodes):
never YAML, the graph or raw facts (the import contract in pyproject.toml checks this).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..document.builder import Documents
from ..errors import UsageError

__all__ = ["Artifact", "Renderer", "registry", "renderer_for"]

_REGISTRY: dict = {}


@dataclass(frozen=True)
class Artifact:
    path: str  # relative to the output directory, with forward slashes
    edition: str
    lang: str
    media_type: str


class Renderer:
    """Base class of every edition. Subclasses set name and media_type and implement write()."""

    name: ClassVar[str] = ""
    media_type: ClassVar[str] = "application/octet-stream"
    description: ClassVar[str] = ""
    register: ClassVar[str] = "standard"  # which guide document this edition translates

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.name:
            _REGISTRY[cls.name] = cls

    def __init__(self, documents: Documents, out_dir: Path, lang: str, *, options: dict | None = None,
                 progress=None):
        self.documents, self.out_dir, self.lang = documents, Path(out_dir), lang
        self.document = documents.get(lang, self.register)
        self.options = options or {}  # edition settings from the command line, e.g. speech_engine
        self.say = progress or (lambda message: None)
        self.artifacts: list[Artifact] = []

    def render(self) -> list:
        """The fixed sequence; returns the artifacts written."""
        self.prepare()
        self.write()
        self.finish()
        return self.artifacts

    @classmethod
    def check(cls, documents: Documents) -> list:
        """Hook: problems in the data that stop this edition, found before anything is written."""
        return []

    def prepare(self) -> None:
        """Hook: set up before writing (fonts, caches)."""

    def write(self) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Hook: post-process what was written."""

    def file_name(self, key: str) -> str:
        """The name of one of the edition's files in the document's language, which it names (the language pack's
        FILE_NAMES): files of several languages can be downloaded into one folder."""
        return self.document.language.FILE_NAMES[key]

    def output_path(self, name: str, media_type: str | None = None) -> Path:
        """Where to write a file of this edition; records it as an artifact."""
        relative = f"{self.lang}/{name}"
        path = self.out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        artifact = Artifact(relative, self.name, self.lang, media_type or self.media_type)
        if artifact not in self.artifacts:
            self.artifacts.append(artifact)
        return path


def registry() -> dict:
    """Every registered edition by name."""
    from . import audio, easy_read, epub, html, print_ready, routes, standard  # noqa: F401  (registers the editions)
    return dict(_REGISTRY)


def renderer_for(name: str) -> type:
    editions = registry()
    if name not in editions:
        raise UsageError(f"Unknown edition '{name}'. Known editions: {', '.join(sorted(editions))}.")
    return editions[name]
