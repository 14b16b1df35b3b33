"""Build editions into a staging directory, write the manifest, then publish atomically.

A build killed at any moment leaves the previous output directory exactly as it was.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Callable

from .composition import compose
from .dataset import load_guide
from .errors import DataError, UsageError
from .renderers import registry, renderer_for

__all__ = ["build", "MANIFEST"]

MANIFEST = "manifest.json"


def build(data_dir: Path, out_dir: Path, *, editions=None, languages=None, options: dict | None = None,
          progress: Callable[[str], None] | None = None) -> dict:
    """Validate, compose and render; return the published manifest. options are edition settings
    (speech_engine, speech_fallback, speech_cache for the audio edition)."""
    say = progress or (lambda message: None)
    data = load_guide(Path(data_dir))
    editions = list(editions or registry())
    classes = [renderer_for(name) for name in editions]
    languages = list(languages or data.info.languages)
    unknown = [lang for lang in languages if lang not in data.info.languages]
    if unknown:
        raise UsageError(f"Unknown language '{unknown[0]}' for this guide. Its languages: "
                         f"{', '.join(data.info.languages)} (set in guide.yaml).")
    say(f"Data valid: {len(data.offices)} offices, {len(data.network.nodes)} nodes, {len(data.network.edges)} edges.")
    model = compose(data, progress=say)
    problems = [problem for cls in classes for problem in cls.check(model)]
    if problems:
        raise DataError(problems)
    out_dir = Path(out_dir)
    stage = _fresh_stage(out_dir)
    try:
        manifest = _render(data, model, classes, languages, out_dir, stage, options or {}, say)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)  # nothing half-written stays behind; output/ is untouched
        raise
    _publish(stage, out_dir)
    say(f"Published {len(manifest['artifacts'])} files to {out_dir}/")
    return manifest


def _render(data, model, classes, languages, out_dir: Path, stage: Path, options: dict, say) -> dict:
    """Every edition into the staging directory, with the files of other editions kept; the manifest."""
    previous = _read_manifest(out_dir)
    rebuilt = {(cls.name, lang) for cls in classes for lang in languages}
    kept = [a for a in previous.get("artifacts", []) if (a["edition"], a["lang"]) not in rebuilt
            and (out_dir / a["path"]).is_file()]
    for artifact in kept:
        target = stage / artifact["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(out_dir / artifact["path"], target)
    entries = list(kept)
    for cls in classes:
        for lang in languages:
            say(f"Writing the {cls.name} edition ({lang})")
            for artifact in cls(model, stage, lang, options=options, progress=say).render():
                entries.append(_entry(stage, artifact))
    manifest = {"guide": data.info.title.get(data.info.languages[0]), "edition_date": data.info.edition_date,
                "artifacts": sorted(entries, key=lambda a: a["path"])}
    (stage / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def _entry(stage: Path, artifact) -> dict:
    path = stage / artifact.path
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return {"path": artifact.path, "edition": artifact.edition, "lang": artifact.lang,
            "media_type": artifact.media_type, "bytes": path.stat().st_size, "sha256": digest}


def _read_manifest(out_dir: Path) -> dict:
    try:
        return json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _fresh_stage(out_dir: Path) -> Path:
    """A new empty staging directory beside the output (same filesystem), leftovers removed."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    retired = sorted(out_dir.parent.glob(f".{out_dir.name}.retired-*"))
    if retired and not out_dir.exists():  # a build died mid-swap without renameat2: restore the old output
        os.rename(retired[0], out_dir)
    for leftover in out_dir.parent.glob(f".{out_dir.name}.*"):
        shutil.rmtree(leftover, ignore_errors=True)
    stage = out_dir.parent / f".{out_dir.name}.staging-{os.getpid()}"
    stage.mkdir()
    return stage


def _publish(stage: Path, out_dir: Path) -> None:
    """Swap the staging directory in for the output directory in one step."""
    out_dir = out_dir.resolve()
    if not out_dir.exists():
        os.rename(stage, out_dir)
        return
    if _exchange(stage, out_dir):
        shutil.rmtree(stage)  # now holds the previous output
        return
    retired = out_dir.parent / f".{out_dir.name}.retired-{os.getpid()}"
    os.rename(out_dir, retired)
    os.rename(stage, out_dir)
    shutil.rmtree(retired)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0
