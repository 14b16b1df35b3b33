"""Speech recorded chapter by chapter: utterances spoken clip after clip into one raw PCM file per chapter, with
where each utterance's speech lies, so that an edition can find the clip of any sentence (DAISY sections, EPUB
media overlays). Every file starts with LEAD_IN and ends with LEAD_OUT of silence (AU-05); passages marked as in the
guide's original language (guide.data.text.original) are said in that language's voice."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..data.text import PAUSE
from ..document.nodes import plain, spans
from ..errors import SpeechError
from .loudness import seconds, silence
from .voices import ClipCache, engine_for

__all__ = ["Utterance", "Clip", "Take", "Recorder", "LEAD_IN", "LEAD_OUT"]

LEAD_IN, LEAD_OUT = 0.5, 1.5  # silence at the start and the end of every chapter's file (AU-05)


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
    """The speech of a text; its passages in the guide's original language in that language's voice."""
    text = text.replace(PAUSE, "")  # stop-gap until the recorder puts a short silence at each pause
    pieces = [(piece.strip(), marked) for piece, marked in spans(text) if any(c.isalnum() for c in piece)]
    if originals is None or not any(marked for _, marked in pieces):
        return cache.clip(plain(text))
    return b"".join((originals if marked else cache).clip(piece) for piece, marked in pieces)
