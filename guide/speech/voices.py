"""Speech engines behind one interface, and the clip cache (standard AU-06).

espeak-ng runs offline and is the default; gTTS (Google Translate's voice) needs the network and
is optional. Every engine returns 16-bit mono PCM at RATE Hz. Clips are cached on disk by a hash
of (text, language, engine, voice, engine version), so a rebuild only synthesises changed sentences.
Every clip is checked before it is used: a fresh one must sound like speech of its text (speech_problem) before
it is stored; a cached one must be whole (its stored length and checksum), or it is spoken again.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import math
import struct
import subprocess
import sys
import tempfile
import wave
from array import array
from collections import deque
from pathlib import Path
from typing import ClassVar, Iterator

from ..cache import cache_dir, write_whole
from ..errors import BuildError, SpeechError, UsageError, missing_program

__all__ = ["RATE", "SpeechEngine", "ClipCache", "engine_for", "default_cache_dir", "speech_problem", "run_program",
           "program_lines", "unwritable"]

RATE = 22050
ENGINES: dict = {}  # engine name -> class

# What a clip of speech must be. Calibrated on every title and sentence of the tiny guide and of routes/wroclaw
# (pl, 618 clips) spoken by espeak-ng 1.51 at 150 words a minute: the loudest sample of a clip lies between −8.9
# and 0 dBFS, and a clip lasts 69–440 ms per character of its text (median 87; "Nie." 0.61 s, "Tak." 0.74 s).
# The floors leave room for faster engines (gTTS) and still refuse silence and a clip cut to a fraction.
PEAK_FLOOR_DBFS = -40.0  # a clip whose loudest sample is quieter than this is silence, not speech
MIN_SECONDS_PER_CHARACTER = 0.020  # 20 ms a character: about a third of the slowest espeak-ng clip measured


class SpeechEngine:
    """One text-to-speech engine for one language."""

    name: ClassVar[str] = ""
    voices: ClassVar[dict] = {}
    repair: ClassVar[str] = ""  # the fix to suggest when the engine gives no usable speech

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        ENGINES[cls.name] = cls

    def __init__(self, lang: str):
        if lang not in self.voices:
            raise UsageError(f"The speech engine {self.name} has no voice for '{lang}'. "
                             f"Its languages: {', '.join(self.voices)}.")
        self.lang, self.voice = lang, self.voices[lang]

    def version(self) -> str:
        raise NotImplementedError

    def synthesise(self, text: str) -> bytes:
        """16-bit mono PCM at RATE Hz."""
        raise NotImplementedError


class EspeakNg(SpeechEngine):
    """espeak-ng, offline: clear at a calm 150 words per minute."""

    name = "espeak-ng"
    voices = {"pl": "pl", "uk": "uk", "en": "en-gb"}
    words_per_minute = 150
    repair = "reinstall it (apt-get install --reinstall espeak-ng espeak-ng-data), or reword the sentence"

    def version(self) -> str:
        result = run_program(["espeak-ng", "--version"], doing="report its version")
        return result.stdout.decode(errors="replace").split("Data at")[0].strip()

    def synthesise(self, text: str) -> bytes:
        with tempfile.TemporaryDirectory() as scratch:
            target = Path(scratch) / "clip.wav"
            result = run_program(["espeak-ng", "-v", self.voice, "-s", str(self.words_per_minute), "-w", str(target),
                                  "--", text])
            if result.returncode != 0 or not target.exists():
                raise SpeechError(f"espeak-ng failed on „{text[:60]}”: {_tail(result.stderr)}")
            with wave.open(str(target)) as clip:
                if (clip.getframerate(), clip.getnchannels(), clip.getsampwidth()) == (RATE, 1, 2):
                    return clip.readframes(clip.getnframes())
            return _pcm_at_rate(target.read_bytes())


class Gtts(SpeechEngine):
    """Google Translate's voice through gTTS: needs the network; failures stop the build or fall back."""

    name = "gtts"
    voices = {"pl": "pl", "uk": "uk", "en": "en"}
    repair = "try again later"

    def version(self) -> str:
        from gtts import __version__
        return f"gTTS {__version__}"

    def synthesise(self, text: str) -> bytes:
        from gtts import gTTS, gTTSError
        mp3 = io.BytesIO()
        try:
            gTTS(text, lang=self.voice).write_to_fp(mp3)
        except gTTSError as error:
            raise SpeechError(f"gTTS could not synthesise speech: {error}") from None
        return _pcm_at_rate(mp3.getvalue())


def _pcm_at_rate(audio: bytes) -> bytes:
    """Decode any audio (WAV, MP3) to 16-bit mono PCM at RATE Hz with ffmpeg."""
    return run_program(["ffmpeg", "-v", "error", "-i", "pipe:0", "-f", "s16le", "-ac", "1", "-ar", str(RATE), "pipe:1"],
                       input=audio, doing="decode a speech clip").stdout


def run_program(command: list, *, input: bytes | None = None, doing: str = "") -> subprocess.CompletedProcess:
    """Run espeak-ng, ffmpeg or ffprobe with its output captured as bytes. A program that is missing or cannot start
    is a SpeechError that says how to install it; so is a failure (non-zero exit) when `doing` says what it was asked
    to do."""
    with _started(command, stdin=None if input is None else subprocess.PIPE, stdout=subprocess.PIPE,
                  stderr=subprocess.PIPE) as process:
        stdout, stderr = process.communicate(input)
    if doing and process.returncode != 0:
        raise SpeechError(f"{command[0]} could not {doing}: {_tail(stderr)}")
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def program_lines(command: list, *, doing: str) -> Iterator[bytes]:
    """Run a program like run_program, but yield what it writes to stderr line by line as it comes (its stdout is
    dropped), so that a long log is never held in memory."""
    tail: deque = deque(maxlen=8)
    with _started(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as process:
        for line in process.stderr:
            tail.append(line)
            yield line
    if process.returncode != 0:
        raise SpeechError(f"{command[0]} could not {doing}: {_tail(b''.join(tail))}")


@contextlib.contextmanager
def _started(command: list, **streams) -> Iterator[subprocess.Popen]:
    """The program running; stopped if the caller does not finish with it (an error, a signal)."""
    try:
        process = subprocess.Popen(command, **streams)
    except FileNotFoundError:
        raise SpeechError(missing_program(command[0])) from None
    except OSError as error:  # there, but not runnable (no execute permission, wrong architecture)
        raise SpeechError(f"The program {command[0]} could not be started ({error.strerror}). Fix: check that it "
                          "is executable, or reinstall it (make guide installs everything wromik needs).") from None
    with process:
        try:
            yield process
        except BaseException:
            process.kill()
            raise


def _tail(stderr: bytes) -> str:
    return stderr.decode(errors="replace").strip()[-400:]


def speech_problem(pcm: bytes, text: str) -> str | None:
    """What is wrong with a clip meant to speak the text, or None: it must hold 16-bit samples, not be silent, and
    last at least MIN_SECONDS_PER_CHARACTER for each character of the text."""
    if not pcm:
        return "it is empty"
    if len(pcm) % 2:
        return f"it has an odd number of bytes ({len(pcm)}), so it is not whole 16-bit samples"
    samples = array("h", pcm)
    if sys.byteorder == "big":
        samples.byteswap()
    peak = max(max(samples), -min(samples))
    if peak < 32768 * 10 ** (PEAK_FLOOR_DBFS / 20):
        if not peak:
            return "it is silent (no sound at all)"
        return (f"it is silent (loudest sample {20 * math.log10(peak / 32768):.0f} dBFS; speech reaches above "
                f"{PEAK_FLOOR_DBFS:.0f} dBFS)")
    duration, least = len(samples) / RATE, MIN_SECONDS_PER_CHARACTER * len(text.strip())
    if duration < least:
        return (f"it is too short for its text ({duration * 1000:.0f} ms for {len(text.strip())} characters; "
                f"speech takes at least {least * 1000:.0f} ms)")
    return None


def engine_for(name: str, lang: str) -> SpeechEngine:
    if name not in ENGINES:
        raise UsageError(f"Unknown speech engine '{name}'. Known engines: {', '.join(sorted(ENGINES))}.")
    return ENGINES[name](lang)


def default_cache_dir() -> Path:
    return cache_dir("speech", "WROMIK_SPEECH_CACHE")


class ClipCache:
    """Synthesised clips on disk, keyed by everything that changes how they sound. A file <key[:2]>/<key>.clip holds
    a header (MAGIC, the number of samples, the SHA-256 of the samples) and then the samples, so a clip that was cut
    short, emptied or changed is noticed, and spoken again with a warning (warn). Files of the old headerless
    .pcm format are ignored."""

    SUFFIX = ".clip"
    MAGIC = b"WRMKCLP1"
    HEADER = struct.Struct("<8sQ32s")  # magic, sample count, sha256 of the samples: 48 bytes

    def __init__(self, directory: Path, engine: SpeechEngine, warn=None):
        self.directory, self.engine = Path(directory), engine
        self.warn = warn or (lambda message: None)
        try:  # fail now, plainly, rather than after minutes of speech
            self.directory.mkdir(parents=True, exist_ok=True)
            tempfile.TemporaryFile(dir=self.directory).close()
        except OSError as error:
            raise BuildError(unwritable(self.directory, error)) from None
        self.identity = (engine.lang, engine.name, engine.voice, engine.version())
        self.synthesised = self.reused = 0

    def key(self, text: str) -> str:
        return hashlib.sha256(json.dumps([text, *self.identity], ensure_ascii=False).encode()).hexdigest()

    def path(self, text: str) -> Path:
        key = self.key(text)
        return self.directory / key[:2] / f"{key}{self.SUFFIX}"

    def clip(self, text: str) -> bytes:
        """The PCM of one sentence, checked: from the cache, or synthesised once and stored."""
        path = self.path(text)
        try:
            pcm, problem = self._unpack(path.read_bytes())
        except FileNotFoundError:
            pass
        except OSError as error:
            self.warn(f"Warning: the speech cache clip {path} could not be read ({error.strerror}); spoken again.")
        else:
            if problem is None:  # whole, so as it was when it passed speech_problem and was stored
                self.reused += 1
                return pcm
            self.warn(f"Warning: the speech cache clip {path} was damaged ({problem}); spoken again.")
        pcm = self.engine.synthesise(text)
        problem = speech_problem(pcm, text)
        if problem:
            raise SpeechError(f"{self.engine.name} ({self.engine.voice}) gave no usable speech for „{text[:80]}”: "
                              f"{problem}. Fix: {self.engine.repair}.")
        self.synthesised += 1
        self._store(path, pcm)
        return pcm

    def _unpack(self, stored: bytes) -> tuple:
        """The samples of a stored clip, and what is wrong with it (None if it is whole)."""
        if len(stored) < self.HEADER.size:
            return b"", f"truncated: {len(stored)} of at least {self.HEADER.size} bytes" if stored else "empty: 0 bytes"
        magic, count, digest = self.HEADER.unpack_from(stored)
        pcm = stored[self.HEADER.size:]
        if magic != self.MAGIC:
            return pcm, "not a wromik clip: its header is wrong"
        expected = self.HEADER.size + 2 * count
        if len(stored) != expected:
            return pcm, f"{'truncated' if len(stored) < expected else 'too long'}: {len(stored)} of {expected} bytes"
        if hashlib.sha256(pcm).digest() != digest:
            return pcm, "checksum mismatch: its samples were changed"
        return pcm, None if count else "empty: no samples"

    def _store(self, path: Path, pcm: bytes) -> None:
        """Write a clip whole or not at all: into a temporary file beside it, then renamed over it."""
        try:
            path.parent.mkdir(exist_ok=True)
            write_whole(path, self.HEADER.pack(self.MAGIC, len(pcm) // 2, hashlib.sha256(pcm).digest()) + pcm)
        except OSError as error:
            raise BuildError(unwritable(self.directory, error)) from None


def unwritable(directory: Path, error: OSError) -> str:
    """Why a speech cache folder cannot be written, and how to fix it."""
    fix = "give write access to it"
    if isinstance(error, (NotADirectoryError, FileExistsError)):
        blocking = next((p for p in (*reversed(directory.parents), directory)
                         if p.exists() and not p.is_dir()), directory)
        reason = ("it is a file, not a folder" if blocking == directory
                  else f"{blocking} in its path is a file, not a folder")
        fix = f"move the file {blocking} away"
    elif error.errno in (errno.EACCES, errno.EPERM):
        reason = "permission denied"
    elif error.errno in (errno.ENOSPC, errno.EDQUOT):
        reason, fix = "the disk is full", "free some space on its disk"
    else:
        reason = (error.strerror or str(error)).lower()
    return (f"The speech cache folder {directory} cannot be written ({reason}). Fix: {fix}, or choose "
            "another folder with --speech-cache DIR or WROMIK_SPEECH_CACHE.")
