"""Speech recorded chapter by chapter: utterances spoken clip after clip into raw PCM, with where each utterance's
speech lies, so that an edition can find the clip of any sentence (DAISY sections and steps, EPUB media overlays).
Every chapter starts with LEAD_IN and ends with LEAD_OUT of silence (AU-05); passages marked as in the guide's original
language (guide.data.text.original) are said in that language's voice, and a PAUSE mark is a short silence.

A chapter is made of parts, a new one at each utterance that opens one (a section's title). Each part is brought to
the programme's loudness and encoded on its own, and kept in a part cache keyed by everything that makes its sound
(its utterances, the voices, the settings, ffmpeg's version); a chapter is its parts' MP3 frames joined byte for byte,
kept in a chapter cache. A rebuild after one change records and encodes only the part that changed."""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..cache import write_whole
from ..data.text import PAUSE
from ..document.nodes import plain, spans
from ..errors import BuildError, SpeechError
from . import loudness
from .loudness import (ENCODER_DELAY, FRAME_SAMPLES, at_target, check_levels, integrated, levels_at_common_gain,
                       mp3_frames, seconds, silence)
from .voices import RATE, ClipCache, engine_for, run_program, unwritable

__all__ = ["Utterance", "Part", "Clip", "Take", "Recording", "Recorder", "LEAD_IN", "LEAD_OUT", "WITHIN_SENTENCE"]

LEAD_IN, LEAD_OUT = 0.5, 1.5  # silence at the start and the end of every chapter (AU-05)
WITHIN_SENTENCE = 0.35  # seconds of silence at a PAUSE mark


@dataclass(frozen=True)
class Utterance:
    text: str  # the spoken form, with the marks of passages in the original language
    pause: float  # seconds of silence after it
    key: str | None = None  # what the caller finds its clip by (an element id, a section's title)
    opens: bool = False  # a new part of the chapter begins with it (a section's title)


@dataclass(frozen=True)
class Part:
    """Utterances encoded together; the first part of a chapter starts with LEAD_IN, the last ends with LEAD_OUT."""
    utterances: tuple
    first: bool = True
    last: bool = True


@dataclass(frozen=True)
class Clip:
    """Where an utterance's speech lies: seconds from the start of its file, its pause not included."""
    key: str | None
    text: str
    begin: float
    end: float


@dataclass(frozen=True)
class Take:
    """One part recorded."""
    raw: Path  # 16-bit mono PCM at RATE, lead-in and lead-out included
    clips: tuple  # a Clip for every utterance, in order
    spoken: int  # how many utterances have speech (a non-empty clip)
    lead_out: float  # seconds where the last utterance's pause ends


@dataclass(frozen=True)
class Recording:
    """One chapter spoken, at the programme's loudness, encoded: its MP3 in the chapter cache (copy it, never change
    it) and where each utterance lies in it."""
    mp3: Path
    clips: tuple  # a Clip for every utterance, in order
    lead_out: float  # seconds where the last utterance's pause ends and the lead-out begins
    seconds: float  # the MP3's length: its frames, as players, ffprobe and mutagen report it
    raw_loudness: float  # LUFS of the speech as recorded, before its gain: tells healthy speech from damaged


@dataclass(frozen=True)
class _Encoded:
    """One part at the programme's loudness, in the part cache: where its speech lies in its decoded frames."""
    mp3: Path
    spans: tuple  # (begin, end) in seconds for every utterance
    lead_out: float
    frames: int
    blocks: Counter  # the gating blocks of its raw PCM


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
        cache, or joined from its parts, each from the part cache or recorded, brought to the target loudness and
        encoded now, chapter beside chapter."""
        chapter_folder, part_folder = self.cache_dir / "chapters", self.cache_dir / "parts"
        try:
            part_folder.mkdir(parents=True, exist_ok=True)
            chapter_folder.mkdir(parents=True, exist_ok=True)
            scratch = Path(tempfile.mkdtemp(prefix=".recording-", dir=part_folder))
        except OSError as error:
            raise BuildError(unwritable(self.cache_dir, error)) from None
        try:
            return self._recordings(chapters, names, chapter_folder, part_folder, scratch)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def _recordings(self, chapters: list, names: list, chapter_folder: Path, part_folder: Path, scratch: Path) -> list:
        identity = self._identity()
        keys = [_key(identity, [(u.text, u.pause, u.key, u.opens) for u in utterances]) for utterances in chapters]
        found = {index: _cached_chapter(chapter_folder, key) for index, key in enumerate(keys)}
        missing = [index for index, recording in found.items() if recording is None]
        parts = {index: _parts(chapters[index]) for index in missing}
        part_keys = {index: [_key(identity, [part.first, part.last, [(u.text, u.pause) for u in part.utterances]])
                             for part in parts[index]] for index in missing}
        encoded = {key: _cached_part(part_folder, key) for index in missing for key in part_keys[index]}
        to_make = {}  # part key -> (chapter index, Part), each distinct part once
        for index in missing:
            for key, part in zip(part_keys[index], parts[index]):
                if encoded[key] is None:
                    to_make.setdefault(key, (index, part))
        if to_make:
            engine = self.engine
            takes = dict(zip(to_make, self.record([part for _, part in to_make.values()], scratch)))
            if self.engine is not engine:  # fell back to another engine: every chapter in its voice
                return self._recordings(chapters, names, chapter_folder, part_folder, scratch)
            encoded.update(self._encode_parts(to_make, takes, names, part_folder))
        for index in missing:
            found[index] = _joined(chapters[index], [encoded[key] for key in part_keys[index]], chapter_folder,
                                   keys[index])
        recordings = [found[index] for index in range(len(chapters))]
        self.say(f"Chapters: {len(missing)} joined from their parts ({len(to_make)} of "
                 f"{sum(map(len, parts.values()))} parts recorded and encoded), {len(chapters) - len(missing)} from "
                 "the cache.")
        check_levels(names, levels_at_common_gain([r.raw_loudness for r in recordings]))
        return recordings

    @staticmethod
    def _encode_parts(to_make: dict, takes: dict, names: list, folder: Path) -> dict:
        """The parts recorded (part key -> (chapter index, Part), part key -> Take) at the target loudness, encoded
        and stored, chapter by chapter (one ffmpeg run each) beside each other: part key -> _Encoded."""
        silent = sorted({to_make[key][0] for key, take in takes.items() if take.spoken != len(take.clips)})
        if silent:
            raise BuildError(f"The chapters {', '.join(names[index] for index in silent)} have sentences without "
                             "speech. Nothing was published. Fix: build again with an empty speech cache "
                             "(--speech-cache NEW_DIR); if it happens again, report it.")
        batches: dict = {}
        for key, (index, _) in to_make.items():
            batches.setdefault(index, []).append(key)
        made: dict = {}
        for batch in loudness.side_by_side(lambda keys: _encoded([takes[k] for k in keys], folder, keys),
                                           list(batches.values())):
            made.update(batch)
        return made

    def _identity(self) -> list:
        """What makes every part's sound besides its utterances: the voices, silences, loudness, encoding, ffmpeg."""
        voices = [(engine.name, engine.lang, engine.voice, engine.version())
                  for engine in (self.engine, self.original_engine) if engine]
        ffmpeg = run_program(["ffmpeg", "-version"], doing="report its version").stdout.decode(errors="replace")
        return [FORMAT, voices, RATE, LEAD_IN, LEAD_OUT, WITHIN_SENTENCE, loudness.TARGET_LUFS, loudness.ENCODING_LOSS,
                loudness.LIMITER_LOSS, loudness.SETTLE, loudness.MAX_GAIN, loudness.limiter(0.0), ffmpeg.split("\n")[0]]

    def record(self, parts: list, scratch: Path) -> list:
        """A Take for every Part, its file 0001.raw, 0002.raw … in scratch."""
        try:
            return self._takes(parts, scratch)
        except SpeechError as error:
            if self.engine.name == self.FALLBACK_ENGINE:
                raise SpeechError(f"{error} The build stopped and the output folder is unchanged.") from None
            if not self.fallback:
                raise SpeechError(f"{error} The build stopped and the output folder is unchanged. Build offline with "
                                  f"--speech-engine {self.FALLBACK_ENGINE}, or add --speech-fallback to use "
                                  f"{self.FALLBACK_ENGINE} whenever {self.engine.name} fails.") from None
            self.say(f"Warning: {error} Falling back to {self.FALLBACK_ENGINE} for the whole recording.")
            self._use(self.FALLBACK_ENGINE)
            return self._takes(parts, scratch)

    def _takes(self, parts: list, scratch: Path) -> list:
        cache = ClipCache(self.cache_dir, self.engine, warn=self.say)
        originals = ClipCache(self.cache_dir, self.original_engine, warn=self.say) if self.original_engine else None
        takes = [_take(part, Path(scratch) / f"{number:04d}.raw", cache, originals)
                 for number, part in enumerate(parts, start=1)]
        caches = [cache, *([originals] if originals else [])]
        voices = self.engine.voice + (f", names: {self.original_engine.voice}" if originals else "")
        self.say(f"Speech ({self.engine.name}, {voices}): {sum(c.synthesised for c in caches)} clips synthesised, "
                 f"{sum(c.reused for c in caches)} from the cache.")
        return takes


FORMAT = "wromik-parts-1"


def _parts(utterances: list) -> list:
    """A chapter's utterances as Parts, a new one at each utterance that opens one."""
    groups = []
    for utterance in utterances:
        if utterance.opens or not groups:
            groups.append([])
        groups[-1].append(utterance)
    groups = groups or [[]]
    return [Part(tuple(group), first=number == 0, last=number == len(groups) - 1)
            for number, group in enumerate(groups)]


def _key(identity: list, said: list) -> str:
    return hashlib.sha256(json.dumps([identity, said], ensure_ascii=False).encode()).hexdigest()


def _stored(folder: Path, key: str) -> dict | None:
    """What is stored about the MP3 under key if the MP3 is whole (its checksum as stored), else None."""
    try:
        stored = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        with open(folder / f"{key}.mp3", "rb") as mp3:
            whole = hashlib.file_digest(mp3, "sha256").hexdigest() == stored["sha256"]
        return stored if whole and stored.get("format") == FORMAT else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _cached_chapter(folder: Path, key: str) -> Recording | None:
    stored = _stored(folder, key)
    try:
        return stored and Recording(folder / f"{key}.mp3", tuple(Clip(*clip) for clip in stored["clips"]),
                                    stored["lead_out"], stored["seconds"], stored["raw_loudness"])
    except (KeyError, TypeError):
        return None


def _cached_part(folder: Path, key: str) -> _Encoded | None:
    stored = _stored(folder, key)
    try:
        return stored and _Encoded(folder / f"{key}.mp3", tuple(map(tuple, stored["spans"])), stored["lead_out"],
                                   stored["frames"], Counter(dict(map(tuple, stored["blocks"]))))
    except (KeyError, TypeError, ValueError):
        return None


def _store(folder: Path, key: str, about: dict, chunks) -> None:
    """An MP3 (chunks of bytes) and what is known about it, with its checksum, in a cache, whole or not at all."""
    target, digest = folder / f"{key}.mp3", hashlib.sha256()

    def hashed() -> Iterator[bytes]:
        for chunk in chunks:
            digest.update(chunk)
            yield chunk
    try:
        write_whole(target, hashed())
        about = {"format": FORMAT, "sha256": digest.hexdigest(), **about}
        write_whole(folder / f"{key}.json", json.dumps(about, ensure_ascii=False).encode())
    except OSError as error:
        with contextlib.suppress(OSError):
            target.unlink()
        raise BuildError(unwritable(folder.parent, error)) from None


def _encoded(takes: list, folder: Path, keys: list) -> dict:
    """Takes at the target loudness as MP3s (one ffmpeg run), stored in the part cache: part key -> _Encoded."""
    mp3s = [take.raw.with_suffix(".mp3") for take in takes]
    blocks = at_target([take.raw for take in takes], mp3s)
    made = {}
    for take, mp3, raw, key in zip(takes, mp3s, blocks, keys):
        take.raw.unlink()
        data = mp3.read_bytes()
        mp3.unlink()
        where = tuple((clip.begin, clip.end) for clip in take.clips)
        frames = mp3_frames(data)
        _store(folder, key, {"spans": where, "lead_out": take.lead_out, "frames": frames,
                             "blocks": sorted(raw.items())}, [data])
        made[key] = _Encoded(folder / f"{key}.mp3", where, take.lead_out, frames, raw)
    return made


def _joined(utterances: list, parts: list, folder: Path, key: str) -> Recording:
    """A chapter's parts' frames joined, stored in the chapter cache: each part's speech lies where its first frame
    begins plus the encoder's delay."""
    where, start, lead_out = [], 0, 0.0
    for part in parts:
        shift = (start + ENCODER_DELAY) / RATE
        where += [(begin + shift, end + shift) for begin, end in part.spans]
        lead_out = part.lead_out + shift
        start += part.frames * FRAME_SAMPLES
    clips = tuple(Clip(u.key, u.text, begin, end) for u, (begin, end) in zip(utterances, where))
    raw_level = integrated(sum((part.blocks for part in parts), Counter()))
    _store(folder, key, {"clips": [[c.key, c.text, c.begin, c.end] for c in clips], "lead_out": lead_out,
                         "seconds": start / RATE, "raw_loudness": raw_level}, _read(part.mp3 for part in parts))
    return Recording(folder / f"{key}.mp3", clips, lead_out, start / RATE, raw_level)


def _read(paths) -> Iterator[bytes]:
    """The files one after another, a megabyte at a time."""
    for path in paths:
        with open(path, "rb") as file:
            while chunk := file.read(1 << 20):
                yield chunk


def _take(part: Part, raw: Path, cache: ClipCache, originals: ClipCache | None) -> Take:
    """Clip after clip straight to the part's file, so memory holds one clip at a time."""
    lead_in = silence(LEAD_IN if part.first else 0)
    clips, position, spoken = [], seconds(lead_in), 0
    with open(raw, "wb") as sink:
        sink.write(lead_in)
        for utterance in part.utterances:
            speech, pause = _clip(utterance.text, cache, originals), silence(utterance.pause)  # checked
            spoken += bool(speech)
            sink.write(speech)
            sink.write(pause)
            clips.append(Clip(utterance.key, utterance.text, position, position + seconds(speech)))
            position = clips[-1].end + seconds(pause)
        sink.write(silence(LEAD_OUT if part.last else 0))
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
