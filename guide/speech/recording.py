"""Speech recorded chapter by chapter: utterances spoken clip after clip into one raw PCM file per chapter, with
where each utterance's speech lies, so that an edition can find the clip of any sentence (DAISY sections and steps,
EPUB media overlays). Every file starts with LEAD_IN and ends with LEAD_OUT of silence (AU-05); passages marked as in
the guide's original language (guide.data.text.original) are said in that language's voice, and a PAUSE mark is a
short silence.

Each chapter is then brought to the programme's loudness and encoded on its own, and kept in a chapter cache keyed
by everything that makes its sound (its utterances, the voices, the settings, ffmpeg's version): a rebuild after one
change records and encodes only the chapters that changed, on as many processors as there are."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..cache import write_whole
from ..data.text import PAUSE
from ..document.nodes import plain, spans
from ..errors import BuildError, SpeechError
from . import loudness
from .loudness import at_target, check_levels, levels_at_common_gain, seconds, silence
from .voices import RATE, ClipCache, engine_for, run_program, unwritable

__all__ = ["Utterance", "Clip", "Take", "Recording", "Recorder", "LEAD_IN", "LEAD_OUT", "WITHIN_SENTENCE"]

LEAD_IN, LEAD_OUT = 0.5, 1.5  # silence at the start and the end of every chapter's file (AU-05)
WITHIN_SENTENCE = 0.35  # seconds of silence at a PAUSE mark


@dataclass(frozen=True)
class Utterance:
    text: str  # the spoken form, with the marks of passages in the original language
    pause: float  # seconds of silence after it
    key: str | None = None  # what the caller finds its clip by (an element id, a section's title)


@dataclass(frozen=True)
class Clip:
    """Where an utterance's speech lies: seconds from the start of its chapter's file, its pause not included."""
    key: str | None
    text: str
    begin: float
    end: float


@dataclass(frozen=True)
class Take:
    """One chapter recorded."""
    raw: Path  # 16-bit mono PCM at RATE, lead-in and lead-out included
    clips: tuple  # a Clip for every utterance, in order
    spoken: int  # how many utterances have speech (a non-empty clip)
    lead_out: float  # seconds where the last utterance's pause ends and the lead-out begins


@dataclass(frozen=True)
class Recording:
    """One chapter spoken, at the programme's loudness, encoded: its MP3 in the chapter cache (copy it, never change
    it) and where each utterance lies in it."""
    mp3: Path
    clips: tuple  # a Clip for every utterance, in order
    lead_out: float  # seconds where the last utterance's pause ends and the lead-out begins
    seconds: float  # the MP3's length as players and ffprobe report it
    raw_loudness: float  # LUFS of the speech as recorded, before its gain: tells healthy speech from damaged


class Recorder:
    """Speaks chapters of utterances through a clip cache in the voice of a language, and the marked passages in
    the original language's voice. If the engine fails, the whole recording is spoken again with FALLBACK_ENGINE
    when fallback is allowed; `engine` is the one finally used."""

    FALLBACK_ENGINE = "espeak-ng"

    def __init__(self, *, engine: str, lang: str, original_lang: str | None, cache_dir: Path, fallback: bool,
                 progress=None):
        self.lang, self.original_lang, self.cache_dir, self.fallback = lang, original_lang, Path(cache_dir), fallback
        self.say = progress or (lambda message: None)
        self._use(engine)

    def _use(self, name: str) -> None:
        self.engine = engine_for(name, self.lang)
        self.original_engine = engine_for(name, self.original_lang) if self.original_lang else None

    def recordings(self, chapters: list, names: list) -> list:
        """A Recording for every chapter (a list of Utterances; names say which it is in messages): from the chapter
        cache, or recorded, brought to the target loudness and encoded now, side by side."""
        folder = self.cache_dir / "chapters"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            scratch = Path(tempfile.mkdtemp(prefix=".recording-", dir=folder))
        except OSError as error:
            raise BuildError(unwritable(self.cache_dir, error)) from None
        try:
            return self._recordings(chapters, names, folder, scratch)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def _recordings(self, chapters: list, names: list, folder: Path, scratch: Path) -> list:
        identity = self._identity()
        keys = [_chapter_key(identity, utterances) for utterances in chapters]
        found = {index: _cached(folder, key) for index, key in enumerate(keys)}
        missing = [index for index, recording in found.items() if recording is None]
        if missing:
            engine = self.engine
            takes = self.record([chapters[index] for index in missing], scratch)
            if self.engine is not engine:  # fell back to another engine: every chapter in its voice
                return self._recordings(chapters, names, folder, scratch)
            silent = [names[index] for index, take in zip(missing, takes) if take.spoken != len(take.clips)]
            if silent:
                raise BuildError(f"The chapters {', '.join(silent)} have sentences without speech. Nothing was "
                                 "published. Fix: build again with an empty speech cache (--speech-cache NEW_DIR); if "
                                 "it happens again, report it.")
            made = loudness.side_by_side(lambda pair: _encoded(pair[1], folder, keys[pair[0]]),
                                         list(zip(missing, takes)))
            found.update(zip(missing, made))
        recordings = [found[index] for index in range(len(chapters))]
        self.say(f"Chapters: {len(missing)} recorded and encoded, {len(chapters) - len(missing)} from the cache.")
        check_levels(names, levels_at_common_gain([r.raw_loudness for r in recordings]))
        return recordings

    def _identity(self) -> list:
        """What makes every chapter's sound besides its utterances: the voices, silences, loudness, encoding, ffmpeg."""
        voices = [(engine.name, engine.lang, engine.voice, engine.version())
                  for engine in (self.engine, self.original_engine) if engine]
        ffmpeg = run_program(["ffmpeg", "-version"], doing="report its version").stdout.decode(errors="replace")
        return [CHAPTER_FORMAT, voices, RATE, LEAD_IN, LEAD_OUT, WITHIN_SENTENCE, loudness.TARGET_LUFS,
                loudness.ENCODING_LOSS, loudness.LIMITER_LOSS, loudness.SETTLE, loudness.MAX_GAIN, loudness.limiter(0.0), ffmpeg.split("\n")[0]]

    def record(self, chapters: list, scratch: Path) -> list:
        """A Take for every chapter (a list of Utterances), its file 01.raw, 02.raw … in scratch."""
        try:
            return self._takes(chapters, scratch)
        except SpeechError as error:
            if self.engine.name == self.FALLBACK_ENGINE:
                raise SpeechError(f"{error} The build stopped and the output folder is unchanged.") from None
            if not self.fallback:
                raise SpeechError(f"{error} The build stopped and the output folder is unchanged. Build offline with "
                                  f"--speech-engine {self.FALLBACK_ENGINE}, or add --speech-fallback to use "
                                  f"{self.FALLBACK_ENGINE} whenever {self.engine.name} fails.") from None
            self.say(f"Warning: {error} Falling back to {self.FALLBACK_ENGINE} for the whole recording.")
            self._use(self.FALLBACK_ENGINE)
            return self._takes(chapters, scratch)

    def _takes(self, chapters: list, scratch: Path) -> list:
        cache = ClipCache(self.cache_dir, self.engine, warn=self.say)
        originals = ClipCache(self.cache_dir, self.original_engine, warn=self.say) if self.original_engine else None
        takes = [_take(utterances, Path(scratch) / f"{number:02d}.raw", cache, originals)
                 for number, utterances in enumerate(chapters, start=1)]
        caches = [cache, *([originals] if originals else [])]
        voices = self.engine.voice + (f", names: {self.original_engine.voice}" if originals else "")
        self.say(f"Speech ({self.engine.name}, {voices}): {sum(c.synthesised for c in caches)} clips synthesised, "
                 f"{sum(c.reused for c in caches)} from the cache.")
        return takes


CHAPTER_FORMAT = "wromik-chapter-1"


def _chapter_key(identity: list, utterances: list) -> str:
    said = [(u.text, u.pause, u.key) for u in utterances]
    return hashlib.sha256(json.dumps([identity, said], ensure_ascii=False).encode()).hexdigest()


def _cached(folder: Path, key: str) -> Recording | None:
    """The chapter stored under key if it is whole (its MP3's checksum as stored), else None."""
    mp3, about = folder / f"{key}.mp3", folder / f"{key}.json"
    try:
        stored = json.loads(about.read_text(encoding="utf-8"))
        if stored.get("format") != CHAPTER_FORMAT or hashlib.sha256(mp3.read_bytes()).hexdigest() != stored["sha256"]:
            return None
        return Recording(mp3, tuple(Clip(*clip) for clip in stored["clips"]), stored["lead_out"], stored["seconds"],
                         stored["raw_loudness"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _encoded(take: Take, folder: Path, key: str) -> Recording:
    """A take at the target loudness as an MP3, stored in the chapter cache whole or not at all."""
    partial = take.raw.with_suffix(".mp3")
    raw_level = at_target(take.raw, partial)
    take.raw.unlink()
    duration = float(run_program(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                  str(partial)], doing=f"measure {partial.name}").stdout.strip())
    about = {"format": CHAPTER_FORMAT, "sha256": hashlib.sha256(partial.read_bytes()).hexdigest(),
             "clips": [[c.key, c.text, c.begin, c.end] for c in take.clips], "lead_out": take.lead_out,
             "seconds": duration, "raw_loudness": raw_level}
    mp3 = folder / f"{key}.mp3"
    try:
        os.replace(partial, mp3)
        write_whole(folder / f"{key}.json", json.dumps(about, ensure_ascii=False).encode())
    except OSError as error:
        with contextlib.suppress(OSError):
            mp3.unlink()
        raise BuildError(unwritable(folder.parent, error)) from None
    return Recording(mp3, take.clips, take.lead_out, duration, raw_level)


def _take(utterances: list, raw: Path, cache: ClipCache, originals: ClipCache | None) -> Take:
    """Clip after clip straight to the chapter's file, so memory holds one clip at a time."""
    clips, position, spoken = [], seconds(silence(LEAD_IN)), 0
    with open(raw, "wb") as sink:
        sink.write(silence(LEAD_IN))
        for utterance in utterances:
            speech, pause = _clip(utterance.text, cache, originals), silence(utterance.pause)  # checked
            spoken += bool(speech)
            sink.write(speech)
            sink.write(pause)
            clips.append(Clip(utterance.key, utterance.text, position, position + seconds(speech)))
            position = clips[-1].end + seconds(pause)
        sink.write(silence(LEAD_OUT))
    return Take(raw, tuple(clips), spoken, position)


def _clip(text: str, cache: ClipCache, originals: ClipCache | None) -> bytes:
    """The speech of a text, with WITHIN_SENTENCE of silence at each PAUSE mark."""
    return silence(WITHIN_SENTENCE).join(_voiced(part.strip(), cache, originals) for part in text.split(PAUSE)
                                         if part.strip())


def _voiced(text: str, cache: ClipCache, originals: ClipCache | None) -> bytes:
    """The speech of a text; its passages in the guide's original language in that language's voice."""
    pieces = [(piece.strip(), marked) for piece, marked in spans(text) if any(c.isalnum() for c in piece)]
    if originals is None or not any(marked for _, marked in pieces):
        return cache.clip(plain(text))
    return b"".join((originals if marked else cache).clip(piece) for piece, marked in pieces)
