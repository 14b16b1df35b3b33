"""Speech engines behind one interface, and the clip cache (standard AU-06).

espeak-ng runs offline and is the default; gTTS (Google Translate's voice) needs the network and
is optional. Every engine returns 16-bit mono PCM at RATE Hz. Clips are cached on disk by a hash
of (text, language, engine, voice, engine version), so a rebuild only synthesises changed sentences.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import tempfile
import wave
from pathlib import Path
from typing import ClassVar

from .errors import SpeechError, UsageError

__all__ = ["RATE", "SpeechEngine", "ClipCache", "engine_for", "default_cache_dir"]

RATE = 22050
ENGINES: dict = {}  # engine name -> class


class SpeechEngine:
    """One text-to-speech engine for one language."""

    name: ClassVar[str] = ""
    voices: ClassVar[dict] = {}

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

    def version(self) -> str:
        try:
            result = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True, check=True)
        except (OSError, subprocess.CalledProcessError) as error:
            raise SpeechError(f"espeak-ng is not installed or does not run ({error}). Install it with "
                              "'apt-get install espeak-ng' (make guide does this).") from None
        return result.stdout.split("Data at")[0].strip()

    def synthesise(self, text: str) -> bytes:
        with tempfile.TemporaryDirectory() as scratch:
            target = Path(scratch) / "clip.wav"
            result = subprocess.run(["espeak-ng", "-v", self.voice, "-s", str(self.words_per_minute), "-w", str(target),
                                     "--", text], capture_output=True, text=True)
            if result.returncode != 0 or not target.exists():
                raise SpeechError(f"espeak-ng failed on „{text[:60]}”: {result.stderr.strip()}")
            with wave.open(str(target)) as clip:
                if (clip.getframerate(), clip.getnchannels(), clip.getsampwidth()) == (RATE, 1, 2):
                    return clip.readframes(clip.getnframes())
            return _pcm_at_rate(target.read_bytes())


class Gtts(SpeechEngine):
    """Google Translate's voice through gTTS: needs the network; failures stop the build or fall back."""

    name = "gtts"
    voices = {"pl": "pl", "uk": "uk", "en": "en"}

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
    result = subprocess.run(["ffmpeg", "-v", "error", "-i", "pipe:0", "-f", "s16le", "-ac", "1", "-ar", str(RATE),
                             "pipe:1"], input=audio, capture_output=True)
    if result.returncode != 0:
        raise SpeechError(f"ffmpeg could not decode a speech clip: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout




def engine_for(name: str, lang: str) -> SpeechEngine:
    if name not in ENGINES:
        raise UsageError(f"Unknown speech engine '{name}'. Known engines: {', '.join(sorted(ENGINES))}.")
    return ENGINES[name](lang)


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(os.environ.get("WROMIK_SPEECH_CACHE") or Path(base) / "wromik" / "speech")


class ClipCache:
    """Synthesised clips on disk, keyed by everything that changes how they sound."""

    def __init__(self, directory: Path, engine: SpeechEngine):
        self.directory, self.engine = Path(directory), engine
        self.identity = (engine.lang, engine.name, engine.voice, engine.version())
        self.synthesised = self.reused = 0

    def key(self, text: str) -> str:
        return hashlib.sha256(json.dumps([text, *self.identity], ensure_ascii=False).encode()).hexdigest()

    def clip(self, text: str) -> bytes:
        """The PCM of one sentence: from the cache, or synthesised once and stored."""
        key = self.key(text)
        path = self.directory / key[:2] / f"{key}.pcm"
        if path.exists():
            self.reused += 1
            return path.read_bytes()
        pcm = self.engine.synthesise(text)
        self.synthesised += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(pcm)
        os.replace(partial, path)
        return pcm
