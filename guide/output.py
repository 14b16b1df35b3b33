"""The output folder: wromik's alone, one build at a time, published in one step.

A build never deletes or changes a file it did not write. The folder it publishes to must be
new, empty, or a folder wromik built before (it holds wromik's manifest.json). Files a user put
there are kept. A build stages everything in a hidden sibling folder marked as wromik's, then
swaps it in for the output folder in one step (Linux renameat2), then takes back from the
previous folder only what its manifest lists; anything else there is moved into the new folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import json
import os
import shutil
import signal
import stat
import tempfile
from pathlib import Path

from .errors import BuildError, UsageError

__all__ = ["OutputFolder", "MANIFEST", "read_manifest", "signals_held", "written_by_wromik", "file_sha256"]

MANIFEST = "manifest.json"
GENERATOR = "wromik"
# Marks wromik writes into the folders it makes beside the output; a file of the same name with other text is a
# user's file like any other.
_STAGE_MARK = (".wromik-stage", "wromik's staging folder: safe to delete when no build runs.\n")
_RETIRED_MARK = (".wromik-retired", "wromik's previous output: the files its manifest lists go, the rest go back.\n")


def _mark(folder: Path, mark: tuple) -> None:
    (folder / mark[0]).write_text(mark[1], encoding="utf-8")


def _marked(folder: Path, mark: tuple) -> bool:
    """The folder is a real folder and holds wromik's mark, as wromik wrote it."""
    path = folder / mark[0]
    try:
        return (not folder.is_symlink() and not path.is_symlink() and path.is_file()
                and path.stat().st_size == len(mark[1].encode()) and path.read_text(encoding="utf-8") == mark[1])
    except (OSError, UnicodeDecodeError):
        return False
_CAUGHT_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def read_manifest(folder: Path) -> dict | None:
    """The wromik manifest in a folder, or None when there is none (or it is not wromik's)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    artifacts = manifest.get("artifacts") if isinstance(manifest, dict) else None
    if not isinstance(artifacts, list) or not all(isinstance(a, dict) and isinstance(a.get("path"), str)
                                                   and _inside(a["path"]) and isinstance(a.get("sha256"), str)
                                                   for a in artifacts):
        return None
    return manifest


def _inside(relative: str) -> bool:
    """A manifest path stays inside its folder: relative, no '..', no empty or '.' parts."""
    parts = relative.split("/")
    return bool(relative) and not relative.startswith("/") and all(part not in ("", ".", "..") for part in parts)


def written_by_wromik(folder: Path, entry: dict, known: dict | None = None) -> bool:
    """The file a manifest entry names is still the one wromik wrote: reached through real folders (no links),
    a regular file, with the recorded sha256 (known: as for file_sha256)."""
    path = folder
    for part in entry["path"].split("/"):
        if path.is_symlink() or not path.is_dir():
            return False
        path = path / part
    if path.is_symlink() or not path.is_file():
        return False
    return file_sha256(path, known) == entry["sha256"]


def file_sha256(path: Path, known: dict | None = None) -> str:
    """The sha256 of a file, read in blocks. With known (a dict kept for one task), a file is read once however many
    names it has (hard links) or times it is asked for, as long as its size and modification time stay the same."""
    if known is not None:
        about = os.stat(path)
        key = (about.st_dev, about.st_ino, about.st_size, about.st_mtime_ns)
        if key not in known:
            known[key] = file_sha256(path)
        return known[key]
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@contextlib.contextmanager
def signals_held():
    """Hold SIGINT, SIGTERM and SIGHUP until the block is done (they are delivered after it)."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _CAUGHT_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class OutputFolder:
    """The folder a build publishes to, checked before any work is done."""

    def __init__(self, out: str | os.PathLike, *, data_dir: Path):
        raw = os.fspath(out)
        if not raw.strip():
            raise UsageError("--out is empty, which would mean the current folder. Give the folder for the guide, "
                             "for example --out output.")
        self.shown = raw
        try:
            self.path = Path(raw).resolve()
        except (RuntimeError, OSError) as error:  # a link that points at itself
            raise UsageError(f"--out {raw} cannot be followed ({error}). Choose a folder of its own, for example "
                             f"--out output.") from None
        self._refuse_unsafe(Path(data_dir).resolve())
        self.previous = read_manifest(self.path) if self.path.is_dir() else None
        self._refuse_foreign_folder()
        self._lock_handle = None

    # --- checks --------------------------------------------------------------------------------------------------

    def _refuse_unsafe(self, data: Path) -> None:
        here, out = Path.cwd().resolve(), self.path
        choose = "Choose a folder of its own, for example --out output."
        if out == here or out in here.parents:
            raise UsageError(f"--out {self.shown} is the folder you are working in{'' if out == here else ' or above it'}; "
                             f"wromik would replace everything in it. {choose}")
        if out == data or out in data.parents:
            raise UsageError(f"--out {self.shown} holds the guide's data ({data}); wromik would replace it. {choose}")
        if data in out.parents:
            raise UsageError(f"--out {self.shown} is inside the guide's data folder ({data}); generated files must "
                             f"not mix with the data. {choose}")
        if out.exists() and not out.is_dir():
            raise UsageError(f"--out {self.shown} is a file, not a folder; wromik will not replace it. {choose}")

    def _refuse_foreign_folder(self) -> None:
        if not self.path.is_dir():
            return
        mode = self.path.stat().st_mode
        if not mode & stat.S_IWUSR:
            raise UsageError(f"--out {self.shown} is read-only (mode {stat.S_IMODE(mode):o}); wromik will not replace "
                             f"a folder you protected. Make it writable (chmod u+w {self.shown}) or choose another --out.")
        if not os.access(self.path, os.W_OK):
            raise UsageError(f"--out {self.shown} cannot be written: your user may not write there, or its disk is "
                             f"mounted read-only. Choose another folder with --out.")
        if self.previous is None and any(self.path.iterdir()):
            found = sorted(p.name for p in self.path.iterdir())
            listed = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
            manifest = f"its {MANIFEST} is not wromik's" if (self.path / MANIFEST).exists() else \
                f"has no wromik {MANIFEST}"
            raise UsageError(f"--out {self.shown} is not empty ({listed}) and {manifest}, so wromik did not build it "
                             f"and will not write there. Choose a new or empty folder with --out, or move those files "
                             f"away.")

    # --- one build at a time -------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self):
        """Hold the folder's lock (a file beside it) for the whole build; refuse if another build holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.parent / f".{self.path.name}.wromik-lock"
        try:  # the file stays empty: the lock is the kernel's, on the open file; a link or FIFO is not followed
            descriptor = os.open(lock_path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
        except OSError as error:
            raise UsageError(f"{lock_path} is not wromik's lock file ({error.strerror}). Move it away, then build "
                             f"again.") from None
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            raise UsageError(f"{lock_path} is not wromik's lock file (it is not a regular file). Move it away, then "
                             f"build again.")
        handle = os.fdopen(descriptor, "w")
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise BuildError(f"Another wromik build is writing to {self.shown} right now. Fix: wait until it "
                                 f"has finished and build again, or build into another folder with --out.") from None
            yield
        finally:
            handle.close()  # closing releases the lock; the kernel releases it too if the process dies

    # --- staging and publishing ----------------------------------------------------------------------------------

    def clean_leftovers(self, say) -> None:
        """Tidy what builds that died left beside the folder (call with the lock held): a staging folder goes; a
        previous output folder gives back what wromik did not write. Folders without wromik's mark are left alone."""
        for empty in self.path.parent.glob(f".{self.path.name}.wromik-new-*"):  # died while making a stage
            if _marked(empty, _STAGE_MARK):
                os.unlink(empty / _STAGE_MARK[0])
            with contextlib.suppress(OSError):
                empty.rmdir()  # only if empty: never anything else
        if _marked(self.path, _RETIRED_MARK):  # died between marking the output and swapping it out
            os.unlink(self.path / _RETIRED_MARK[0])
        leftovers = sorted(self.path.parent.glob(f".{self.path.name}.wromik-stage-*"))
        retired = [p for p in leftovers if _marked(p, _RETIRED_MARK)]
        if not self.path.exists():
            restorable = [p for p in retired if read_manifest(p) is not None]
            if restorable:  # died between the two renames where renameat2 is missing: the old output comes back
                os.rename(restorable[-1], self.path)
                os.unlink(self.path / _RETIRED_MARK[0])
                retired.remove(restorable[-1])
                self.previous = read_manifest(self.path)
        for leftover in leftovers:
            if leftover.is_symlink():
                continue
            if _marked(leftover, _STAGE_MARK):
                shutil.rmtree(leftover)
            elif leftover in retired and self.path.is_dir():
                self._retire(leftover, say, {})
            elif leftover in retired:
                say(f"Warning: {leftover} holds files from an earlier build of {self.shown}; move what you want "
                    f"to keep, then delete that folder.")

    def stage(self) -> Path:
        """A new, empty staging folder beside the output folder (same filesystem), marked as wromik's."""
        new = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.wromik-new-", dir=self.path.parent))
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(new, 0o777 & ~umask)  # mkdtemp makes it private; the published folder gets the usual mode
        _mark(new, _STAGE_MARK)
        stage = new.with_name(new.name.replace(".wromik-new-", ".wromik-stage-", 1))
        os.rename(new, stage)  # a staging folder is never without its mark
        return stage

    @staticmethod
    def discard(stage: Path) -> None:
        shutil.rmtree(stage, ignore_errors=True)

    def publish(self, stage: Path, say) -> None:
        """Swap the staged folder in; keep the user's files; take back the previous build's files."""
        known: dict = {}  # the previous build's files, each read once while they are checked and retired
        clashes = self._clashes(stage, known)
        if clashes:
            self.discard(stage)
            raise UsageError(f"{self.shown} holds {', '.join(clashes)}, which wromik did not write (or which was "
                             f"changed after wromik wrote it), where this build would now write. Move or rename "
                             f"{'it' if len(clashes) == 1 else 'them'} to keep your version, then build again.")
        if self.path.is_dir():
            os.chmod(stage, stat.S_IMODE(self.path.stat().st_mode))
        os.unlink(stage / _STAGE_MARK[0])
        try:
            if not self.path.exists():
                os.rename(stage, self.path)
                return
            _mark(self.path, _RETIRED_MARK)  # marked before it is swapped out, so it is never without its mark
            exchanged = _exchange(stage, self.path)
        except OSError:
            self.discard(stage)
            if _marked(self.path, _RETIRED_MARK):
                os.unlink(self.path / _RETIRED_MARK[0])
            raise
        if not exchanged:
            os.rename(self.path, stage.with_name(stage.name + "-old"))
            os.rename(stage, self.path)
            stage = stage.with_name(stage.name + "-old")
        self._retire(stage, say, known)

    def _clashes(self, stage: Path, known: dict) -> list:
        """Staged files whose place in the output folder holds something wromik did not write: a file of the user's,
        one changed since, a folder or a link where a file goes, or a file or link where a folder goes."""
        ours = {a["path"]: a for a in (self.previous or {}).get("artifacts", [])}
        clashes = []
        for staged in sorted(p for p in stage.rglob("*") if p.is_file() and p != stage / _STAGE_MARK[0]):
            relative = staged.relative_to(stage).as_posix()
            place = self.path
            for part in relative.split("/")[:-1]:
                place = place / part
                if place.is_symlink() or (os.path.lexists(place) and not place.is_dir()):
                    clashes.append(place.relative_to(self.path).as_posix())
                    break
            else:
                if os.path.lexists(self.path / relative) and relative != MANIFEST and not (
                        relative in ours and written_by_wromik(self.path, ours[relative], known)):
                    clashes.append(relative)
        clashes += [mark[0] for mark in (_STAGE_MARK, _RETIRED_MARK) if os.path.lexists(self.path / mark[0])]
        return list(dict.fromkeys(clashes))  # the marks' names are wromik's: it writes them when it swaps folders

    def _retire(self, old: Path, say, known: dict) -> None:
        """Delete what the previous build wrote there; move everything else back into the output folder."""
        manifest = read_manifest(old)
        for entry in (manifest or {}).get("artifacts", []):
            if written_by_wromik(old, entry, known):
                (old / entry["path"]).unlink()
        if manifest:
            (old / MANIFEST).unlink()
        for mark in (_STAGE_MARK, _RETIRED_MARK):
            if _marked(old, mark):
                (old / mark[0]).unlink()
        moved, kept = _move_back(old, self.path)
        if moved:
            say(f"Kept in {self.shown} what wromik did not write: {', '.join(moved[:8])}"
                + (f" and {len(moved) - 8} more" if len(moved) > 8 else ""))
        if kept:
            say(f"Warning: {old} still holds {', '.join(kept)}: files wromik did not write, and their places in "
                f"{self.shown} are taken. Move them where you want them, then delete that folder.")


def _move_back(source: Path, target: Path) -> tuple:
    """Move every entry of source to the same place under target, if free; remove emptied folders.
    Returns what was moved and what could not be (relative paths)."""
    moved, kept = [], []
    for entry in sorted(source.iterdir()):
        destination = target / entry.name
        if entry.is_dir() and not entry.is_symlink() and destination.is_dir() and not destination.is_symlink():
            inner_moved, inner_kept = _move_back(entry, destination)
            moved += [f"{entry.name}/{name}" for name in inner_moved]
            kept += [f"{entry.name}/{name}" for name in inner_kept]
        elif not os.path.lexists(destination):
            os.rename(entry, destination)
            moved.append(entry.name + ("/" if destination.is_dir() and not destination.is_symlink() else ""))
        else:
            kept.append(entry.name)
    with contextlib.suppress(OSError):
        source.rmdir()
    return moved, kept


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))
