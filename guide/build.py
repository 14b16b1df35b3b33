"""Build editions into a staging folder, verify them, write the manifest, then publish in one step.

A build stopped at any moment (a signal, kill -9, a full disk) leaves the output folder exactly as it was.
What a build may do to the output folder is set out in guide/output.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Callable

import pikepdf

from . import __version__
from .clock import source_date
from .document.builder import Documents
from .document.composition import compose
from .data.dataset import load_guide, summary
from .data.translations import missing_translations
from .errors import BuildError, DataError, UsageError, explain_os_error
from .language import available_languages
from .output import MANIFEST, GENERATOR, OutputFolder, file_sha256, signals_held, written_by_wromik
from .renderers import registry, renderer_for
from .renderers.download import DOWNLOAD, About, write_download_page
from .starter import placeholders

__all__ = ["build", "MANIFEST", "data_warnings"]

_XML_SUFFIXES = (".xml", ".html", ".xhtml", ".smil", ".svg", ".opf", ".ncx")
_JSON_SUFFIXES = (".json", ".geojson")


def build(data_dir: Path, out_dir: str | os.PathLike, *, editions=None, languages=None, options: dict | None = None,
          progress: Callable[[str], None] | None = None) -> dict:
    """Validate, compose and render; return the published manifest. options are edition settings
    (speech_engine, speech_fallback, speech_cache for the audio edition)."""
    say = progress or (lambda message: None)
    folder = OutputFolder(out_dir, data_dir=Path(data_dir))
    editions = list(editions or registry())
    classes = [renderer_for(name) for name in editions]
    data = load_guide(Path(data_dir), languages=available_languages())
    languages = list(languages or data.info.languages)
    unknown = [lang for lang in languages if lang not in data.info.languages]
    if unknown:
        raise UsageError(f"Unknown language '{unknown[0]}' for this guide. Its languages: "
                         f"{', '.join(data.info.languages)} (set in guide.yaml).")
    say(f"Data valid: {summary(data)}.")
    for warning in data_warnings(data):
        say(f"Warning: {warning}")
    documents = Documents(compose(data, progress=say))
    problems = [problem for cls in classes for problem in cls.check(documents)]
    if problems:
        raise DataError(problems)
    try:
        with folder.locked():
            folder.clean_leftovers(say)
            stage = folder.stage()
            try:
                manifest = _render(data, documents, classes, languages, folder, stage, options or {}, say,
                                   about=About(source_date(), Path(data_dir).resolve().name, data_digest(Path(data_dir)),
                                               __version__))
                _verify(stage, manifest)
            except BaseException:
                folder.discard(stage)  # nothing half-written stays behind; the output folder is untouched
                raise
            try:
                with signals_held():
                    folder.publish(stage, say)
            except KeyboardInterrupt as stop:  # the stop came while publishing: it is delivered just after
                stop.published = True
                raise
    except OSError as error:
        raise BuildError(f"{explain_os_error(error, folder.shown, elsewhere='build into another folder with --out')}"
                         f" Nothing was published; {folder.shown} is as it was.") from None
    say(f"Published {len(manifest['artifacts'])} files to {folder.shown}/")
    return manifest


def data_warnings(data) -> list:
    """What a valid guide should still fix before it is published: starter placeholders, missing translations."""
    return placeholders(data.root, data.info.languages) + missing_translations(data)


def data_digest(data_dir: Path) -> str:
    """A short digest of the data: every file's path and content in the data folder (hidden ones left out)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(data_dir).as_posix()
        if not any(part.startswith(".") for part in relative.split("/")):
            digest.update(f"{relative}\0{file_sha256(path)}\n".encode())
    return digest.hexdigest()[:12]


def _render(data, documents, classes, languages, folder: OutputFolder, stage: Path, options: dict, say, *,
            about: About) -> dict:
    """Every edition into the staging folder, with the files of other editions kept; the download page listing
    them all; the manifest."""
    rebuilt = {(cls.name, lang) for cls in classes for lang in languages}
    kept = [a for a in (folder.previous or {}).get("artifacts", []) if (a.get("edition"), a.get("lang")) not in rebuilt
            and a.get("edition") != DOWNLOAD  # the download page is written anew: it lists this build's files
            and written_by_wromik(folder.path, a)]  # a file changed since is the user's now: kept, not listed
    for artifact in kept:
        target = stage / artifact["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(folder.path / artifact["path"], target)
    entries = list(kept)
    published = rebuilt | {(a.get("edition"), a.get("lang")) for a in kept}  # what the web pages may link to
    options = dict(options, published=frozenset(published))
    for cls in classes:
        for lang in languages:
            say(f"Writing the {cls.name} edition ({lang})")
            for artifact in cls(documents, stage, lang, options=options, progress=say).render():
                entries.append(_entry(stage, artifact))
    say("Writing the download page (index.html)")
    entries += [_entry(stage, artifact) for artifact in
                write_download_page(documents, stage, entries, about, data.info.languages[0])]
    manifest = {"generator": GENERATOR, "guide": data.info.title.get(data.info.languages[0]),
                "edition_date": data.info.edition_date, "artifacts": sorted(entries, key=lambda a: a["path"])}
    (stage / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def _entry(stage: Path, artifact) -> dict:
    path = stage / artifact.path
    return {"path": artifact.path, "edition": artifact.edition, "lang": artifact.lang,
            "media_type": artifact.media_type, "bytes": path.stat().st_size, "sha256": file_sha256(path)}


def _verify(stage: Path, manifest: dict) -> None:
    """Read back every staged file before it is published: the manifest matches the files, every XML and
    JSON file parses, every PDF opens and its XMP metadata parses."""
    broken = []
    for artifact in manifest["artifacts"]:
        path = stage / artifact["path"]
        try:
            if path.stat().st_size != artifact["bytes"] or file_sha256(path) != artifact["sha256"]:
                raise ValueError("it differs from its manifest entry")
            if path.suffix in _XML_SUFFIXES:
                ET.parse(path)
            elif path.suffix in _JSON_SUFFIXES:
                json.loads(path.read_bytes())
            elif path.suffix == ".pdf":
                with pikepdf.open(path) as pdf:
                    if "/Metadata" in pdf.Root:
                        ET.fromstring(pdf.Root.Metadata.read_bytes())
        except (ValueError, ET.ParseError, pikepdf.PdfError) as error:
            broken.append(f"{artifact['path']} ({error})")
    if broken:
        raise BuildError(f"The build wrote {len(broken)} broken file(s), so nothing was published: "
                         f"{'; '.join(broken)}. Fix: run 'wromik check' on the data; if it passes, this is a bug "
                         f"in wromik: please report it with the data.")
